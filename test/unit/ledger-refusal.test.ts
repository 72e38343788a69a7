// The one way a refused ledger transaction becomes the customer's refusal
// (functions/domain/ledger-refusal.ts): each reason of the closed set to its code and text, a
// limit hit on the other party's account as theirs, a daily limit told apart from a yearly one by
// the limit the store names, and a workflow's guards by the table the workflow passes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { guardRefusal, type GuardText, type LedgerRefusal, ledgerRefusal, type LimitKind, limitRefusal } from '../../functions/domain/ledger-refusal.js';

const OWN = 'E-OWN';
const PAYEE = 'E-PAYEE';

function refusalOf(fn: () => Refusal): { kind: string; code: string; message: string } {
  const refusal = fn();
  assert.ok(refusal instanceof Refusal, 'a Refusal, to be answered as a 4xx');
  return { kind: refusal.kind, code: refusal.code, message: refusal.userMessage };
}

describe('ledgerRefusal', () => {
  test('a balance or account condition reads as the customer’s own', () => {
    assert.deepEqual(refusalOf(() => ledgerRefusal({ ok: false, reason: 'INSUFFICIENT_FUNDS', accountId: OWN }, { ownAccountId: OWN })), {
      kind: 'unprocessable',
      code: 'INSUFFICIENT_FUNDS',
      message: '电子账户余额不足，请先充值',
    });
    assert.deepEqual(refusalOf(() => ledgerRefusal({ ok: false, reason: 'ACCOUNT_INACTIVE', accountId: OWN })), {
      kind: 'unprocessable',
      code: 'ACCOUNT_INACTIVE',
      message: '账户状态异常，暂不能交易',
    });
  });

  const limitTexts: Record<LimitKind, [string, string]> = {
    CLASS2_DAILY: ['DAILY_LIMIT_EXCEEDED', '超过电子账户（二类户）非绑定账户日累计限额'],
    CLASS2_YEARLY: ['YEARLY_LIMIT_EXCEEDED', '超过电子账户（二类户）非绑定账户年累计限额'],
    FAST_REDEEM_DAILY: ['FAST_REDEEM_LIMIT_EXCEEDED', '超过当日快速赎回额度'],
    CODE_PAY_DAILY: ['CODE_PAY_LIMIT_EXCEEDED', '超过当日向商户付款的累计限额'],
    STATIC_CODE_DAILY: ['STATIC_CODE_LIMIT_EXCEEDED', '超过当日扫收款码付款的累计限额，请让商户出示订单码'],
  };
  for (const [limit, [code, message]] of Object.entries(limitTexts) as [LimitKind, [string, string]][]) {
    test(`a ${limit} limit on the customer’s own account answers ${code}`, () => {
      const refused: LedgerRefusal = { ok: false, reason: 'LIMIT_EXCEEDED', accountId: OWN, limit };
      assert.deepEqual(refusalOf(() => ledgerRefusal(refused, { ownAccountId: OWN })), { kind: 'unprocessable', code, message });
      // Without an own account named, every limit is the customer's.
      assert.deepEqual(refusalOf(() => ledgerRefusal(refused)), { kind: 'unprocessable', code, message });
      // The same text as the refusal given before any write (an amount that can never fit).
      assert.deepEqual(refusalOf(() => limitRefusal(limit)), { kind: 'unprocessable', code, message });
    });
  }

  test('daily and yearly are told apart by the limit named, not by anything else of the refusal', () => {
    const daily = ledgerRefusal({ ok: false, reason: 'LIMIT_EXCEEDED', accountId: OWN, limit: 'CLASS2_DAILY' }, { ownAccountId: OWN });
    const yearly = ledgerRefusal({ ok: false, reason: 'LIMIT_EXCEEDED', accountId: OWN, limit: 'CLASS2_YEARLY' }, { ownAccountId: OWN });
    assert.equal(daily.code, 'DAILY_LIMIT_EXCEEDED');
    assert.equal(yearly.code, 'YEARLY_LIMIT_EXCEEDED');
    assert.notEqual(daily.userMessage, yearly.userMessage);
  });

  test('a limit hit on the payee’s account answers PAYEE_LIMIT_EXCEEDED, whichever limit it was', () => {
    for (const limit of Object.keys(limitTexts) as LimitKind[]) {
      assert.deepEqual(
        refusalOf(() => ledgerRefusal({ ok: false, reason: 'LIMIT_EXCEEDED', accountId: PAYEE, limit }, { ownAccountId: OWN })),
        { kind: 'unprocessable', code: 'PAYEE_LIMIT_EXCEEDED', message: '对方账户已超过收款限额' },
      );
    }
  });

  test('a workflow’s guard answers the text its table names; unprocessable unless it names a kind', () => {
    const guards = {
      CREDIT_LINE: ['CREDIT_LIMIT_EXCEEDED', '超过可用借款额度'],
      LOAN_CHANGED: ['LOAN_CHANGED', '借款信息已更新，请刷新后重试', 'conflict'],
    } as const;
    assert.deepEqual(refusalOf(() => ledgerRefusal({ ok: false, reason: 'GUARD_FAILED', guard: 'CREDIT_LINE' }, { ownAccountId: OWN, guards })), {
      kind: 'unprocessable',
      code: 'CREDIT_LIMIT_EXCEEDED',
      message: '超过可用借款额度',
    });
    assert.deepEqual(refusalOf(() => ledgerRefusal({ ok: false, reason: 'GUARD_FAILED', guard: 'LOAN_CHANGED' }, { ownAccountId: OWN, guards })), {
      kind: 'conflict',
      code: 'LOAN_CHANGED',
      message: '借款信息已更新，请刷新后重试',
    });
    assert.deepEqual(refusalOf(() => guardRefusal(guards.LOAN_CHANGED)), { kind: 'conflict', code: 'LOAN_CHANGED', message: '借款信息已更新，请刷新后重试' });
  });

  test('a guard the workflow named no text for is a bug: it throws, and is no customer refusal', () => {
    const unnamed: LedgerRefusal = { ok: false, reason: 'GUARD_FAILED', guard: 'LOAN_EXISTS' };
    const tables: (Record<string, GuardText> | undefined)[] = [undefined, {}, { CREDIT_LINE: ['CREDIT_LIMIT_EXCEEDED', '超过可用借款额度'] }];
    for (const guards of tables) {
      assert.throws(
        () => ledgerRefusal(unnamed, { ownAccountId: OWN, guards }),
        (error) => error instanceof Error && !(error instanceof Refusal) && /LOAN_EXISTS/.test(error.message),
      );
    }
  });
});
