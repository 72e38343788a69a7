// Staff calls (shapes from functions/contract/rm-schemas.ts). A staff session is a short-lived
// staff token kept apart from the customer's session; it is renewed by signing in again with a
// fresh wx.login code (silent), and a WeChat identity not yet bound is sent to the binding page.
import Taro from '@tarojs/taro';
import type {
  CreateShareLinkRequest,
  Dashboard,
  Leaderboard,
  ReferredCustomerPage,
  ShareableProducts,
  ShareLinkPage,
  ShareLinkView,
  SharePoster,
  StaffMe,
  StaffSession,
} from '@contract/rm-schemas';
import { wechatLoginCode } from '@/api/bank';
import { ApiError, bearerRequest, type RequestSpec, publicRequest } from '@/api/http';
import { simulatedUser } from '@/api/session';
import { PAGES } from '@/lib/nav';

const STAFF_SESSION_KEY = 'jinlin.staffSession';

export const isH5 = process.env.TARO_ENV === 'h5';

function loadToken(): string | null {
  const stored: unknown = Taro.getStorageSync(STAFF_SESSION_KEY);
  return typeof stored === 'object' && stored !== null && typeof (stored as { accessToken?: unknown }).accessToken === 'string'
    ? (stored as { accessToken: string }).accessToken
    : null;
}

function keep(session: StaffSession): StaffSession {
  Taro.setStorageSync(STAFF_SESSION_KEY, { accessToken: session.accessToken });
  return session;
}

export async function bindStaff(bindingCode: string, user: string): Promise<StaffSession> {
  const code = await wechatLoginCode(user);
  return keep(await publicRequest<StaffSession>({ method: 'POST', path: '/v1/staff/bind', body: { code, bindingCode } }));
}

async function signInStaff(): Promise<string> {
  try {
    const code = await wechatLoginCode(simulatedUser());
    return keep(await publicRequest<StaffSession>({ method: 'POST', path: '/v1/staff/auth/wechat', body: { code } })).accessToken;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'STAFF_NOT_BOUND') void Taro.redirectTo({ url: PAGES.rmBind });
    throw error;
  }
}

/** A staff route: signs in first when there is no token, and again once on a 401. */
async function staffRequest<T>(spec: RequestSpec): Promise<T> {
  return bearerRequest<T>(spec, loadToken() ?? (await signInStaff()), signInStaff);
}

export const getStaffMe = () => staffRequest<StaffMe>({ method: 'GET', path: '/v1/staff/me' });
export const getDashboard = (days: number) => staffRequest<Dashboard>({ method: 'GET', path: '/v1/staff/dashboard', query: { days } });
export const getShareableProducts = () => staffRequest<ShareableProducts>({ method: 'GET', path: '/v1/staff/products' });
export const createShareLink = (body: CreateShareLinkRequest) => staffRequest<ShareLinkView>({ method: 'POST', path: '/v1/staff/share-links', body });
export const getShareLinks = (cursor?: string) => staffRequest<ShareLinkPage>({ method: 'GET', path: '/v1/staff/share-links', query: { limit: 20, cursor } });
const linkPath = (code: string, action = '') => `/v1/staff/share-links/${encodeURIComponent(code)}${action}`;
export const getShareLink = (code: string) => staffRequest<ShareLinkView>({ method: 'GET', path: linkPath(code) });
export const revokeShareLink = (code: string) => staffRequest<ShareLinkView>({ method: 'POST', path: linkPath(code, '/revoke') });
export const getPoster = (code: string) => staffRequest<SharePoster>({ method: 'GET', path: linkPath(code, '/poster') });
export const getCustomers = (cursor?: string) => staffRequest<ReferredCustomerPage>({ method: 'GET', path: '/v1/staff/customers', query: { limit: 20, cursor } });
export const getLeaderboard = (days: number) => staffRequest<Leaderboard>({ method: 'GET', path: '/v1/staff/branch/leaderboard', query: { days } });
