// The calls main-package pages make: sign-in, onboarding and the e-account (shapes from
// functions/contract). A subpackage's own calls live in its api.ts.
import Taro from '@tarojs/taro';
import type {
  AccountDetail,
  CardMoneyRequest,
  HistoryEntry,
  HistoryPage,
  HistoryQuery,
  Me,
  MoneyMovementResult,
  OpenAccountRequest,
  Payee,
  RealNameRequest,
  SetPinRequest,
  SignInResponse,
  TransferRequest,
} from '@contract/schemas';
import { customerRequest, publicRequest } from './http';
import { clearSession, loadSession, saveSession } from './session';
import { deviceDescription } from './devices';
import { deviceId } from './rm';

interface CodeResponse {
  code: string;
}

/** A wx.login code: from WeChat in the mini-program, from the local simulator in H5. */
export async function wechatLoginCode(simulatedUser: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const { code } = await publicRequest<CodeResponse>({
      method: 'POST',
      path: '/v1/sim/wechat/login-code',
      body: { user: simulatedUser },
    });
    return code;
  }
  const { code } = await Taro.login();
  return code;
}

export async function signIn(simulatedUser: string): Promise<Me> {
  const code = await wechatLoginCode(simulatedUser);
  // The device id links share-link visits made before sign-in (relationship managers), and names
  // this device in 登录设备管理 with its model: a device never verified is asked for a code before
  // its first money movement.
  const response = await publicRequest<SignInResponse>({
    method: 'POST',
    path: '/v1/auth/wechat',
    body: { code, deviceId: deviceId(), ...deviceDescription() },
  });
  saveSession(response);
  return response.me;
}

/** Revokes the refresh token on the server; the local session is dropped even if that fails. */
export async function signOut(): Promise<void> {
  const session = loadSession();
  clearSession();
  if (!session) return;
  await publicRequest({
    method: 'POST',
    path: '/v1/auth/sign-out',
    body: { refreshToken: session.refreshToken },
  }).catch(() => undefined);
}

export function getMe(): Promise<Me> {
  return customerRequest<Me>({ method: 'GET', path: '/v1/me' });
}

/** H5 only: the simulator issues the getPhoneNumber code WeChat would give the mini-program. */
export async function simulatedPhoneCode(phone: string): Promise<string> {
  const { code } = await publicRequest<CodeResponse>({
    method: 'POST',
    path: '/v1/sim/wechat/phone-code',
    body: { phone },
  });
  return code;
}

export function bindPhone(code: string): Promise<Me> {
  return customerRequest<Me>({ method: 'POST', path: '/v1/me/phone', body: { code } });
}

export function verifyRealName(body: RealNameRequest): Promise<Me> {
  return customerRequest<Me>({ method: 'POST', path: '/v1/me/real-name', body });
}

export const SET_PIN_PATH = '/v1/me/pin';

export function setPin(body: SetPinRequest): Promise<Me> {
  return customerRequest<Me>({ method: 'POST', path: SET_PIN_PATH, body });
}

export function openAccount(body: OpenAccountRequest): Promise<AccountDetail> {
  return customerRequest<AccountDetail>({ method: 'POST', path: '/v1/account', body });
}

export function getAccount(): Promise<AccountDetail> {
  return customerRequest<AccountDetail>({ method: 'GET', path: '/v1/account' });
}

export const TOP_UP_PATH = '/v1/account/top-up';
export const WITHDRAW_PATH = '/v1/account/withdraw';
export const TRANSFER_PATH = '/v1/account/transfer';

export function topUp(body: CardMoneyRequest, idempotencyKey: string): Promise<MoneyMovementResult> {
  return customerRequest<MoneyMovementResult>({ method: 'POST', path: TOP_UP_PATH, body, idempotencyKey });
}

export function withdraw(body: CardMoneyRequest, idempotencyKey: string): Promise<MoneyMovementResult> {
  return customerRequest<MoneyMovementResult>({ method: 'POST', path: WITHDRAW_PATH, body, idempotencyKey });
}

export function findPayee(phone: string): Promise<Payee> {
  return customerRequest<Payee>({ method: 'GET', path: '/v1/account/payee', query: { phone } });
}

export function transfer(body: TransferRequest, idempotencyKey: string): Promise<MoneyMovementResult> {
  return customerRequest<MoneyMovementResult>({ method: 'POST', path: TRANSFER_PATH, body, idempotencyKey });
}

const HISTORY_PAGE_SIZE = 20;

/** What the history lists: money in or out, one group of kinds (the server filters). */
export type HistoryFilter = Pick<HistoryQuery, 'direction' | 'group'>;

export function getHistory(filter: HistoryFilter, cursor?: string): Promise<HistoryPage> {
  return customerRequest<HistoryPage>({
    method: 'GET',
    path: '/v1/account/history',
    query: { limit: HISTORY_PAGE_SIZE, cursor, direction: filter.direction, group: filter.group },
  });
}

/** One entry's receipt. */
export function getHistoryEntry(entryId: string): Promise<HistoryEntry> {
  return customerRequest<HistoryEntry>({ method: 'GET', path: `/v1/account/history/${encodeURIComponent(entryId)}` });
}

/** 撤销 a delayed transfer (延时到账) before it arrives: the entry as it then stands. */
export function cancelHeldTransfer(entryId: string): Promise<HistoryEntry> {
  return customerRequest<HistoryEntry>({ method: 'POST', path: `/v1/account/held-transfers/${encodeURIComponent(entryId)}/cancel`, body: {} });
}
