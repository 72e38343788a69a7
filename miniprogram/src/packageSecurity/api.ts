// 挂失's, 销户's and 登录设备管理's calls (shapes from functions/contract/loss-report-schemas.ts,
// account-closure-schemas.ts and session-schemas.ts); only packageSecurity uses them, so they live
// and are bundled with it. Signed out, the identity check says who.
import type { AccountClosureRequest, ClosureCheck } from '@contract/account-closure-schemas';
import type { LossCodeRequest, LossCodeSent, LossLiftResult, LossReportRequest, LossReportResult } from '@contract/loss-report-schemas';
import type { AccountClosure } from '@contract/schemas';
import type { SecondFactor } from '@contract/second-factor-schemas';
import type { SessionList, SessionsSignedOut, SessionView } from '@contract/session-schemas';
import type { Option } from '@/components/Options';
import { customerRequest, publicRequest } from '@/api/http';

export type LostItem = LossReportRequest['lost'];

/** What the customer may say was lost (domain/loss-report.ts LOST_ITEMS). */
export const LOST_OPTIONS: readonly Option<LostItem>[] = [
  { value: 'PHONE', label: '手机' },
  { value: 'ID_CARD', label: '身份证' },
  { value: 'BANK_CARD', label: '银行卡' },
  { value: 'OTHER', label: '其他' },
];

export interface LossAnswers {
  realName: string;
  idNumber: string;
  cardNumber: string;
  smsCode: string;
}

export function reportLoss(lost: LostItem): Promise<LossReportResult> {
  return customerRequest<LossReportResult>({ method: 'POST', path: '/v1/me/loss-report', body: { lost } });
}

export function sendLossCode(body: LossCodeRequest): Promise<LossCodeSent> {
  return publicRequest<LossCodeSent>({ method: 'POST', path: '/v1/loss-report/code', body });
}

export function reportLossByIdentity(body: LossAnswers & { lost: LostItem }): Promise<LossReportResult> {
  return publicRequest<LossReportResult>({ method: 'POST', path: '/v1/loss-report', body });
}

export function liftLoss(body: LossAnswers): Promise<LossLiftResult> {
  return publicRequest<LossLiftResult>({ method: 'POST', path: '/v1/loss-report/lift', body });
}

/** 登录设备管理: the customer's live sessions, this one first. */
export async function getSessions(): Promise<SessionView[]> {
  return (await customerRequest<SessionList>({ method: 'GET', path: '/v1/sessions' })).sessions;
}

export function signOutSession(sessionId: string): Promise<SessionsSignedOut> {
  return customerRequest<SessionsSignedOut>({ method: 'POST', path: `/v1/sessions/${encodeURIComponent(sessionId)}/sign-out` });
}

export function signOutOtherSessions(): Promise<SessionsSignedOut> {
  return customerRequest<SessionsSignedOut>({ method: 'POST', path: '/v1/sessions/sign-out-others' });
}

export const ACCOUNT_CLOSURE_PATH = '/v1/account/closure';

export function getClosureCheck(): Promise<ClosureCheck> {
  return customerRequest<ClosureCheck>({ method: 'GET', path: ACCOUNT_CLOSURE_PATH });
}

/** The closing with its second factor: always the PIN (the payment is started `pinOnly`). */
export function closeAccount(body: Omit<AccountClosureRequest, 'secondFactor'> & { secondFactor: SecondFactor }, idempotencyKey: string): Promise<AccountClosure> {
  return customerRequest<AccountClosure>({ method: 'POST', path: ACCOUNT_CLOSURE_PATH, body, idempotencyKey });
}
