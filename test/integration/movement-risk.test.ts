// Anti-fraud rules on every movement that sends money away (issue 18): a withdrawal to the bound
// card and a bill payment are judged, like a transfer, by the rules that name their kind — at the
// review sheet and again in the money path from its own read — and the decision is recorded with
// their journal; a rule that names no kinds judges transfers only. The backtest tries a proposal on
// each recorded movement by its kind. Its own table, so the movements it counts are this file's.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { DEFAULT_RISK_RULE_SET, type RiskRule } from '../../functions/domain/risk-rules.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as billsHandler } from '../../functions/http/bills.js';
import { handler as consoleRisk } from '../../functions/http/console-risk.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { config } from '../../functions/config.js';
import { HOUSE_ACCOUNTS, withdrawJournal } from '../../functions/domain/ledger.js';
import { deterministicJournalId, getJournal, houseShard, postJournal } from '../../functions/store/ledger.js';
import { getAccount } from '../../functions/store/accounts.js';
import { firstWriteItem } from '../../functions/store/idempotency.js';
import { putRiskRuleSet } from '../../functions/store/movement-risk.js';
import { requestHash } from '../../functions/platform/request-hash.js';
import { seedBills } from '../../scripts/lib/seed-bills.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { newOperator, signInOperator } from '../support/operators.js';
import { encryptPin } from '../support/second-factor.js';

useBank();

const WITHDRAW = '/v1/account/withdraw';
const TRANSFER = '/v1/account/transfer';
const BILL_PAY = '/v1/bill-payments';
/** A prepaid mobile number the biller simulator knows: the customer chooses ¥10–¥500. */
const MOBILE = { billerId: 'js-mobile', accountNumber: '13800138001' };

const rule = (ruleId: string, kinds: RiskRule['kinds'], outcome: RiskRule['outcome'], minFen: number, reason: string): RiskRule => ({
  ruleId,
  version: 1,
  name: ruleId,
  ...(kinds ? { kinds } : {}),
  conditions: [{ field: 'amountFen', op: 'gte', value: minFen }],
  outcome,
  reason,
});

const authorize = (who: Onboarded, path: string, body: Record<string, unknown>, key: string) =>
  call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: who.token, body: { method: 'POST', path, body, idempotencyKey: key } });

/** Sends `body` with the nonce of `authorization` (issued for exactly that body). */
const send = (who: Onboarded, handler: Parameters<typeof call>[0], path: string, body: Record<string, unknown>, key: string, authorization: any) =>
  call(handler, { method: 'POST', path, token: who.token, idempotencyKey: key, body: { ...body, secondFactor: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, who.pin) } } });

async function funded(amountFen: number): Promise<Onboarded> {
  const who = await onboard();
  expectOk(await topUp(who, amountFen));
  return who;
}

const WITHDRAWAL_REASON = '大额提现到银行卡，请确认不是他人要求您操作（测试规则）';
const BILL_REASON = '大额话费充值，请确认是为本人或家人号码充值（测试规则）';

describe('withdrawals and bill payments under the rules of their kind', () => {
  const judged: { withdrawal?: string; bill?: string; transfer?: string } = {};

  before(async () => {
    await seedBills(new Date());
    // Installed as an approved change would put it (the four-eyes path: transfer-risk.test.ts).
    await putRiskRuleSet({
      version: 2,
      rules: [
        ...DEFAULT_RISK_RULE_SET.rules,
        rule('TEST_LARGE_WITHDRAWAL', ['WITHDRAWAL'], 'WARN', 200_000, WITHDRAWAL_REASON),
        rule('TEST_LARGE_TOPUP_CALL', ['BILL_PAYMENT'], 'BLOCK', 30_000, BILL_REASON),
        // Says no kinds: transfers only, as every rule did before kinds were said.
        rule('TEST_UNSAID', undefined, 'WARN', 5_000_000, '仅转账（测试规则）'),
      ],
    });
  });

  test('a withdrawal the rules warn about: warned at the sheet, refused (409) in the money path until confirmed, then paid with the decision recorded', async () => {
    const who = await funded(1_000_000);
    const body = { amountFen: 200_000 };
    const key = randomUUID();
    const sheet = expectOk(await authorize(who, WITHDRAW, body, key));
    assert.deepEqual(sheet.review.risk, { outcome: 'WARN', reasons: [WITHDRAWAL_REASON], acknowledged: false, delayHours: null });
    expectError(await send(who, account, WITHDRAW, body, key, sheet), 409, 'RISK_WARNING');
    assert.equal(await balanceFen(who), 1_000_000);

    const paid = expectOk(await pay(who, account, WITHDRAW, body));
    assert.equal(paid.status, 'SUCCEEDED');
    assert.equal(await balanceFen(who), 800_000);
    const journal = (await getJournal(paid.journalId))!;
    const { fields, ...decision } = journal.risk!;
    assert.equal(journal.kind, 'WITHDRAW');
    assert.deepEqual(decision, { ruleSetVersion: 2, outcome: 'WARN', matched: [{ ruleId: 'TEST_LARGE_WITHDRAWAL', version: 1 }], acknowledged: true });
    // A withdrawal has no payee the rules keep: no payee age is recorded.
    assert.equal(fields?.amountFen, 200_000);
    assert.equal('payeeAgeHours' in fields!, false);
    judged.withdrawal = paid.journalId;

    // One fen less is not warned; a withdrawal answers riskAcknowledged true or absent only.
    assert.equal(expectOk(await authorize(who, WITHDRAW, { amountFen: 199_999 }, randomUUID())).review.risk, null);
    const wrong = { amountFen: 100, riskAcknowledged: false };
    const wrongKey = randomUUID();
    expectError(await send(who, account, WITHDRAW, wrong, wrongKey, expectOk(await authorize(who, WITHDRAW, wrong, wrongKey))), 400, 'VALIDATION_FAILED');
    assert.equal(await balanceFen(who), 800_000);
  });

  test('a bill the rules block: refused at the sheet in words, and in the money path with nothing written; a smaller one is paid and its hold records the decision', async () => {
    const who = await funded(100_000);
    const blocked = { ...MOBILE, amountFen: 30_000 };
    const refused = await authorize(who, BILL_PAY, blocked, randomUUID());
    expectError(refused, 422, 'RISK_BLOCKED');
    assert.equal(refused.body.error.message, `该笔缴费已被拦截：${BILL_REASON}`);

    // A nonce asked for a payment the rules let through, sent once a stricter version is in force:
    // the money path decides on its own read.
    const body = { ...MOBILE, amountFen: 20_000 };
    const key = randomUUID();
    const sheet = expectOk(await authorize(who, BILL_PAY, body, key));
    assert.equal(sheet.review.risk, null);
    await putRiskRuleSet({ version: 3, rules: [rule('TEST_ANY_BILL', ['BILL_PAYMENT'], 'BLOCK', 1, BILL_REASON)] });
    try {
      // Besides the refusal kept as the answer to its Idempotency-Key.
      const written = async () => (await scanTable()).filter((item) => item.type !== 'IDEMPOTENCY');
      const tableBefore = await written();
      expectError(await send(who, billsHandler, BILL_PAY, body, key, sheet), 422, 'RISK_BLOCKED');
      assert.deepEqual(await written(), tableBefore, 'nothing written');
      assert.equal(await balanceFen(who), 100_000);
    } finally {
      await putRiskRuleSet({
        version: 4,
        rules: [...DEFAULT_RISK_RULE_SET.rules, rule('TEST_LARGE_WITHDRAWAL', ['WITHDRAWAL'], 'WARN', 200_000, WITHDRAWAL_REASON), rule('TEST_LARGE_TOPUP_CALL', ['BILL_PAYMENT'], 'BLOCK', 30_000, BILL_REASON)],
      });
    }

    const paid = expectOk(await pay(who, billsHandler, BILL_PAY, body));
    assert.equal(paid.status, 'SETTLED');
    assert.equal(await balanceFen(who), 80_000);
    const hold = (await getJournal(paid.journalId))!;
    assert.equal(hold.kind, 'BILL_HOLD');
    const { fields, ...decision } = hold.risk!;
    assert.deepEqual(decision, { ruleSetVersion: 4, outcome: 'ALLOW', matched: [], acknowledged: false });
    assert.deepEqual([fields?.amountFen, fields?.outTodayFen, fields?.outTodayCount], [20_000, 0, 0]);
    judged.bill = hold.journalId;
  });

  test('a transfer is judged by transfer rules only: the withdrawal and bill rules never match it', async () => {
    const who = await funded(1_000_000);
    const payee = await onboard();
    // ¥3,000 to a new payee: above both amounts, below the victim pattern's ¥5,000.
    const sheet = expectOk(await authorize(who, TRANSFER, { toPhone: payee.phone, amountFen: 300_000 }, randomUUID()));
    assert.equal(sheet.review.risk, null);
    const paid = expectOk(await pay(who, account, TRANSFER, { toPhone: payee.phone, amountFen: 300_000 }, { confirmRisk: false }));
    assert.deepEqual((await getJournal(paid.journalId))!.risk!.matched, []);
    judged.transfer = paid.journalId;
    await assertLedgerSound();
  });

  test('the backtest tries a proposal on each movement by its kind', async () => {
    const officer = (await signInOperator(await newOperator(['RISK_OFFICER'], '风控甲'))).accessToken;
    const proposal = { version: 5, rules: [rule('ALL_OVER_1000', ['TRANSFER', 'WITHDRAWAL', 'BILL_PAYMENT'], 'WARN', 20_000, '测试'), rule('WITHDRAWALS', ['WITHDRAWAL'], 'BLOCK', 1, '测试')] };
    const result = expectOk(await call(consoleRisk, { method: 'POST', path: '/v1/console/risk-rules/backtest', token: officer, body: { ruleSet: proposal, days: 1 } }));
    const kindOf = new Map<string, string>(result.examples.map((example: any) => [example.journalId, `${example.kind} ${example.proposed}`]));
    assert.equal(kindOf.get(judged.withdrawal!), 'WITHDRAWAL BLOCK');
    assert.equal(kindOf.get(judged.bill!), 'BILL_PAYMENT WARN');
    assert.equal(kindOf.get(judged.transfer!), 'TRANSFER WARN');
    // Each top-up moved money in: not judged, not counted.
    assert.equal(result.examples.some((example: any) => !['WITHDRAWAL', 'BILL_PAYMENT', 'TRANSFER'].includes(example.kind)), false);
    assert.deepEqual(result.byRule.map((byRule: any) => byRule.ruleId), ['ALL_OVER_1000', 'WITHDRAWALS']);
    assert.ok(result.byRule[1].matched >= 1);

    const delayedBill = { version: 5, rules: [{ ...rule('HOLD_BILLS', ['BILL_PAYMENT'], 'DELAY', 1, '测试'), delayHours: 24 }] };
    expectError(await call(consoleRisk, { method: 'POST', path: '/v1/console/risk-rules/changes', token: officer, body: { ruleSet: delayedBill } }), 400, 'VALIDATION_FAILED');
  });

  test('a withdrawal retried after its debit was written finishes, though a rule now blocks withdrawals: the debit stands decided', async () => {
    const who = await funded(100_000);
    const body = { amountFen: 1_000 };
    const key = randomUUID();
    const sheet = expectOk(await authorize(who, WITHDRAW, body, key));
    assert.equal(sheet.review.risk, null);
    // An earlier attempt of this request wrote the debit, then lost its answer before the card was
    // paid (its journal, as the money path writes it under the key).
    const journalId = deterministicJournalId(who.customerId, 'withdraw', key);
    const { boundCard } = (await getAccount(who.accountId))!;
    const debit = withdrawJournal({
      journalId,
      customerAccountId: who.accountId,
      cardMasked: `${boundCard.bankName} ${boundCard.cardNumberMasked.slice(-4)}`,
      houseShardAccountId: houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, config().HOUSE_SHARDS),
      amountFen: 1_000,
      createdAt: new Date().toISOString(),
    });
    // Its lease on the key lapsed with it (a crash): this attempt takes the request over.
    const lapsedLease = firstWriteItem(`${who.customerId}#withdraw`, key, requestHash('POST', WITHDRAW, body), new Date(Date.now() - 10 * 60_000), { status: 'IN_FLIGHT' });
    assert.equal((await postJournal(debit, { guards: [{ name: 'REQUEST_COMPLETION', item: lapsedLease }] })).ok, true);
    await putRiskRuleSet({ version: 6, rules: [rule('TEST_NO_WITHDRAWALS', ['WITHDRAWAL'], 'BLOCK', 1, '暂停提现（测试规则）')] });

    const finished = expectOk(await send(who, account, WITHDRAW, body, key, sheet));
    assert.deepEqual([finished.status, finished.journalId], ['SUCCEEDED', journalId]);
    assert.equal(await balanceFen(who), 99_000);
    // A new withdrawal meets the rule.
    expectError(await authorize(who, WITHDRAW, body, randomUUID()), 422, 'RISK_BLOCKED');
    await assertLedgerSound();
  });

  test("the last hour's velocity counts every judged movement out, in its own transaction: a rule on it warns the third", async () => {
    const reason = '一小时内多笔资金转出，请确认是您本人操作（测试规则）';
    await putRiskRuleSet({ version: 7, rules: [{ ...rule('TEST_BURST', ['TRANSFER', 'WITHDRAWAL', 'BILL_PAYMENT'], 'WARN', 1, reason), conditions: [{ field: 'outLastHourCount', op: 'gte', value: 2 }] }] });
    const who = await funded(1_000_000);
    const payee = await onboard();
    // A transfer and a bill, neither warned (none before them in the hour, then one).
    expectOk(await pay(who, account, TRANSFER, { toPhone: payee.phone, amountFen: 1_000 }, { confirmRisk: false }));
    expectOk(await pay(who, billsHandler, BILL_PAY, { ...MOBILE, amountFen: 2_000 }, { confirmRisk: false }));
    const third = expectOk(await authorize(who, WITHDRAW, { amountFen: 3_000 }, randomUUID()));
    assert.deepEqual(third.review.risk, { outcome: 'WARN', reasons: [reason], acknowledged: false, delayHours: null });
    const paid = expectOk(await pay(who, account, WITHDRAW, { amountFen: 3_000 }));
    const { fields, matched } = (await getJournal(paid.journalId))!.risk!;
    assert.deepEqual(matched, [{ ruleId: 'TEST_BURST', version: 1 }]);
    assert.deepEqual([fields?.outLastHourCount, fields?.outLastHourFen], [2, 3_000]);
    // The slot's counters: what the three took out, each once, set to expire.
    const slots = (await scanTable()).filter((item) => item.type === 'OUT_VELOCITY' && item.PK === `ACCT#${who.accountId}`);
    assert.deepEqual([slots.reduce((sum, slot) => sum + slot.usedFen, 0), slots.reduce((sum, slot) => sum + slot.movementCount, 0)], [6_000, 3]);
    for (const slot of slots) assert.ok(slot.expiresAtEpoch > Date.now() / 1000 && slot.expiresAtEpoch <= Date.now() / 1000 + 7_200);
  });
});
