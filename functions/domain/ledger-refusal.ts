// What a refused ledger transaction means, as a closed set, and the one table of what the
// customer is told for each. The store reports which condition refused (it knows the items it
// sent); services turn that into the customer's refusal here, never by reading storage keys.
import { Refusal, type RefusalKind } from './errors.js';

/** The limits a ledger transaction can be charged against. */
export type LimitKind = 'CLASS2_DAILY' | 'CLASS2_YEARLY' | 'FAST_REDEEM_DAILY' | 'CODE_PAY_DAILY' | 'STATIC_CODE_DAILY';

export type LedgerRefusal =
  | { ok: false; reason: 'INSUFFICIENT_FUNDS' | 'ACCOUNT_INACTIVE' | 'ACCOUNT_FROZEN' | 'ACCOUNT_CLOSED'; accountId: string }
  | { ok: false; reason: 'LIMIT_EXCEEDED'; accountId: string; limit: LimitKind }
  /** A workflow's own condition (a loan's version, a credit line's room…), named by the workflow. */
  | { ok: false; reason: 'GUARD_FAILED'; guard: string };

type Text = readonly [code: string, message: string];

/** What one of a workflow's guards means to the customer. Unprocessable unless it names its
 *  kind: a version guard that lost a race is a `conflict` (the request itself may succeed when
 *  sent again, so its idempotency key is not spent on the refusal). */
export type GuardText = readonly [code: string, message: string, kind?: RefusalKind];

const ACCOUNT_TEXT = {
  INSUFFICIENT_FUNDS: ['INSUFFICIENT_FUNDS', '电子账户余额不足，请先充值'],
  ACCOUNT_INACTIVE: ['ACCOUNT_INACTIVE', '账户状态异常，暂不能交易'],
  // 只收不付: a frozen account still takes money in, so only a debit is refused this way.
  ACCOUNT_FROZEN: ['ACCOUNT_FROZEN', '您的电子账户已被冻结，暂不能付款或转出，请联系近邻银行客服'],
  // 销户: a closed account takes no posting at all, in or out.
  ACCOUNT_CLOSED: ['ACCOUNT_CLOSED', '您的电子账户已销户，不能再办理交易'],
} as const satisfies Record<string, Text>;

/** A closed account on the other party's side: the payer is told why the money cannot go. */
const PAYEE_CLOSED_TEXT: Text = ['PAYEE_ACCOUNT_CLOSED', '对方电子账户已销户，无法收款'];

const LIMIT_TEXT = {
  CLASS2_DAILY: ['DAILY_LIMIT_EXCEEDED', '超过电子账户（二类户）非绑定账户日累计限额'],
  CLASS2_YEARLY: ['YEARLY_LIMIT_EXCEEDED', '超过电子账户（二类户）非绑定账户年累计限额'],
  FAST_REDEEM_DAILY: ['FAST_REDEEM_LIMIT_EXCEEDED', '超过当日快速赎回额度'],
  CODE_PAY_DAILY: ['CODE_PAY_LIMIT_EXCEEDED', '超过当日向商户付款的累计限额'],
  STATIC_CODE_DAILY: ['STATIC_CODE_LIMIT_EXCEEDED', '超过当日扫收款码付款的累计限额，请让商户出示订单码'],
} as const satisfies Record<LimitKind, Text>;

/** A limit hit on the other party's account: the payer cannot see or change it. */
const PAYEE_LIMIT_TEXT: Text = ['PAYEE_LIMIT_EXCEEDED', '对方账户已超过收款限额'];

/** The refusal for a limit, also used before any write when an amount could never fit. */
export function limitRefusal(limit: LimitKind): Refusal {
  const [code, message] = LIMIT_TEXT[limit];
  return new Refusal('unprocessable', code, message);
}

/** The refusal a guard's text names, also used when the same condition is found before (or
 *  without) a ledger transaction. */
export function guardRefusal([code, message, kind = 'unprocessable']: GuardText): Refusal {
  return new Refusal(kind, code, message);
}

/** The customer's refusal for a refused ledger transaction. `ownAccountId` is the customer's
 *  account, so a condition that failed on the other party's side reads as theirs; `guards`
 *  names what each of the workflow's own conditions means. A guard the workflow did not name is
 *  a bug, not a refusal: it throws. */
export function ledgerRefusal(
  refused: LedgerRefusal,
  { ownAccountId, guards = {} }: { ownAccountId?: string; guards?: Readonly<Record<string, GuardText>> } = {},
): Refusal {
  if (refused.reason === 'GUARD_FAILED') {
    const text = guards[refused.guard];
    if (!text) throw new Error(`ledger guard ${refused.guard} failed with no refusal named for it`);
    return guardRefusal(text);
  }
  if (refused.reason === 'LIMIT_EXCEEDED') {
    if (ownAccountId !== undefined && refused.accountId !== ownAccountId) {
      return new Refusal('unprocessable', PAYEE_LIMIT_TEXT[0], PAYEE_LIMIT_TEXT[1]);
    }
    return limitRefusal(refused.limit);
  }
  const [code, message] = refused.reason === 'ACCOUNT_CLOSED' && ownAccountId !== undefined && refused.accountId !== ownAccountId ? PAYEE_CLOSED_TEXT : ACCOUNT_TEXT[refused.reason];
  return new Refusal('unprocessable', code, message);
}
