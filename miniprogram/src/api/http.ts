// The one HTTP client: JSON over Taro.request (fetch in H5, wx.request in weapp), the API's
// error body turned into ApiError, and the access token renewed once on 401.
import Taro from '@tarojs/taro';
import type { ErrorBody, SignInResponse } from '@contract/schemas';
import { goLogin } from '@/lib/nav';
import { clearSession, loadSession, saveSession, type Session } from './session';

export class ApiError extends Error {
  /** HTTP status; 0 when no answer arrived (network failure or timeout). */
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** The message to show for anything a request may throw. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: object;
  idempotencyKey?: string;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

const TIMEOUT_MS = 15_000;

function buildUrl(path: string, query: RequestSpec['query']): string {
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return API_BASE_URL + path + (pairs.length > 0 ? `?${pairs.join('&')}` : '');
}

async function send(spec: RequestSpec, accessToken?: string): Promise<RawResponse> {
  const header: Record<string, string> = {};
  if (spec.body !== undefined) header['Content-Type'] = 'application/json';
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  if (spec.idempotencyKey) header['Idempotency-Key'] = spec.idempotencyKey;
  try {
    const response = await Taro.request({
      url: buildUrl(spec.path, spec.query),
      method: spec.method,
      data: spec.body,
      header,
      timeout: TIMEOUT_MS,
      dataType: 'json',
    });
    return { statusCode: response.statusCode, data: response.data };
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络异常，请检查网络后重试');
  }
}

/** serverless offline answers a crashed or timed-out function with 200 and `errorMessage` where
 *  AWS answers 5xx: neither is a success. */
function isSuccess(response: RawResponse): boolean {
  const lambdaFailure = typeof response.data === 'object' && response.data !== null && 'errorMessage' in response.data;
  return response.statusCode >= 200 && response.statusCode < 300 && !lambdaFailure;
}

function toApiError(response: RawResponse): ApiError {
  const body = response.data as Partial<ErrorBody> | null;
  const error = body?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(response.statusCode, error.code, error.message);
  }
  const message =
    response.statusCode >= 500 || response.statusCode < 300 ? '服务暂时不可用，请稍后重试' : `请求失败（${response.statusCode}）`;
  return new ApiError(response.statusCode, `HTTP_${response.statusCode}`, message);
}

function unwrap<T>(response: RawResponse): T {
  if (isSuccess(response)) return response.data as T;
  throw toApiError(response);
}

function signedOut(): never {
  clearSession();
  goLogin();
  throw new ApiError(401, 'SIGNED_OUT', '登录已失效，请重新登录');
}

/** A public route: sign-in, refresh, sign-out and the local WeChat simulator. */
export async function publicRequest<T>(spec: RequestSpec): Promise<T> {
  return unwrap<T>(await send(spec));
}

/** A route with a bearer token the caller keeps itself (staff, in packageRM): a 401 asks the
 *  caller for a new token once and retries. */
export async function bearerRequest<T>(spec: RequestSpec, token: string, renew: () => Promise<string>): Promise<T> {
  let response = await send(spec, token);
  if (response.statusCode === 401) response = await send(spec, await renew());
  return unwrap<T>(response);
}

let renewal: Promise<Session> | null = null;

async function exchangeRefreshToken(refreshToken: string): Promise<Session> {
  const response = await send({ method: 'POST', path: '/v1/auth/refresh', body: { refreshToken } });
  if (isSuccess(response)) return saveSession(response.data as SignInResponse);
  if (response.statusCode >= 500) throw toApiError(response);
  return signedOut();
}

// Refresh tokens rotate and may be used once: concurrent 401s share one exchange, and a request
// that failed with an already-replaced access token just retries with the new one.
function renewSession(rejected: Session): Promise<Session> {
  const current = loadSession();
  if (!current) return signedOut();
  if (current.accessToken !== rejected.accessToken) return Promise.resolve(current);
  renewal ??= exchangeRefreshToken(current.refreshToken).finally(() => {
    renewal = null;
  });
  return renewal;
}

/** A customer route, with the bearer token; a 401 renews the session once and retries. */
export async function customerRequest<T>(spec: RequestSpec): Promise<T> {
  const session = loadSession();
  if (!session) return signedOut();
  let response = await send(spec, session.accessToken);
  if (response.statusCode === 401) {
    const renewed = await renewSession(session);
    response = await send(spec, renewed.accessToken);
    if (response.statusCode === 401) return signedOut();
  }
  return unwrap<T>(response);
}
