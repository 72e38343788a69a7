// Server answers as the contract shapes them (functions/contract/schemas.ts), with amounts whose
// formatting shows grouping and fen, so a test can tell a shown amount from a recomputed one.
import type { AccountDetail, HistoryEntry, MoneyMovementResult, SignInResponse } from '@contract/schemas';
import { saveSession } from '@/api/session';

const NEVER_USED = { limitFen: 0, usedFen: 0, remainingFen: 0 };

export const account: AccountDetail = {
  accountId: 'acc_01',
  accountNumberMasked: '6230 **** **** 4321',
  accountClass: 'II',
  balanceFen: 1234567,
  status: 'ACTIVE',
  boundCard: { bankName: '中国工商银行', cardNumberMasked: '**** 8888' },
  openedAt: '2026-03-01T08:00:00.000Z',
  limits: {
    nonBoundOutToday: NEVER_USED,
    nonBoundOutThisYear: NEVER_USED,
    nonBoundInToday: NEVER_USED,
    nonBoundInThisYear: NEVER_USED,
    boundCard: 'UNLIMITED',
    maxSingleAmountFen: 5000000,
  },
};

/** A top-up of ¥123.45 whose new balance the server reports (not account.balanceFen + amount:
 *  the server's figure is the only one a client may show). */
export const topUpResult: MoneyMovementResult = {
  journalId: 'jnl_01',
  reference: 'K7QM-4PX9-2HTR',
  kind: 'TOP_UP',
  status: 'SUCCEEDED',
  amountFen: 12345,
  balanceFen: 9999999,
  createdAt: '2026-03-02T09:30:00.000Z',
};

export function refusal(code: string, message: string) {
  return { error: { code, message } };
}

/** Stores a signed-in session, as sign-in does, so customer requests carry a bearer token. */
export function signIn(): void {
  const signedIn: SignInResponse = {
    accessToken: 'access-token',
    accessTokenExpiresAt: '2026-03-02T10:00:00.000Z',
    refreshToken: 'refresh-token-0123456789',
    refreshTokenExpiresAt: '2026-04-01T00:00:00.000Z',
    me: { customerId: 'cus_01', phoneMasked: '138****0000', realName: null, pinSet: true, pinLockedUntil: null, soterEnrolled: null, account: null },
  };
  saveSession(signedIn);
}

/** The receipt of a transfer out, as GET /v1/account/history/{entryId} answers. */
export const historyEntry: HistoryEntry = {
  journalId: 'J0123456789abcdefghijABCDEF',
  reference: 'K7QM-4PX9-2HTR',
  kind: 'TRANSFER',
  kindLabel: '转账',
  label: '转账给 陈*',
  counterparty: '陈*',
  amountFen: -2000,
  createdAt: '2026-03-02T09:30:00.000Z',
  status: 'SUCCEEDED',
  accountNumberMasked: '6217 **** **** 0418',
  related: null,
  releaseAt: null,
};
