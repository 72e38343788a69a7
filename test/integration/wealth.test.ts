// Wealth end to end against DynamoDB Local: products and the questionnaire, suitability, buy →
// T+1 confirmation at NAV (residual refunded, a too-small order failed and refunded) → money-market
// income → redemption (normal T+1, fast T+0 with the daily cap, also under concurrency) →
// cooling-off cancel → maturity — with the ledger's invariants checked after every step, and
// idempotent replays; the cooling-off measured in hours from the order time on the bank's clock
// (set through the admin route), which no day close cuts short.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { resetConfigForTests } from '../../functions/config.js';
import { addDays, addMonthsClamped } from '../../functions/domain/loan/dates.js';
import { chinaMinute } from '../../functions/domain/time.js';
import { RISK_QUESTIONS, RISK_QUESTIONNAIRE_VERSION } from '../../functions/domain/wealth/risk.js';
import { confirmOrder, valueFen } from '../../functions/domain/wealth/units.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as wealth } from '../../functions/http/wealth.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import { customerEvents } from '../../functions/store/customer-events.js';
import { demoWealthProducts, seedWealth } from '../../scripts/lib/seed-wealth.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call, type CallResult, useBank } from '../support/bank.js';
import { publishNavByChange, publishWealthProductByChange, publishYieldByChange, setWealthStatusByChange } from '../support/changes.js';
import { balanceFen, historyEntry, onboard, pay, topUp, type Onboarded } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { confirmed, secondFactorFor } from '../support/second-factor.js';

useBank();

const operator = () => ({ 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! });
const answers = (score: number) => RISK_QUESTIONS.map((q) => ({ questionId: q.questionId, optionId: q.options.find((option) => option.score === score)!.optionId }));
const disclosureOf = async (productId: string) => {
  const product = expectOk(await call(wealth, { method: 'GET', path: `/v1/wealth-products/${productId}` }));
  return { acknowledged: true, version: product.disclosureVersion };
};

async function assess(who: Onboarded, score: number) {
  return expectOk(
    await call(wealth, { method: 'POST', path: '/v1/wealth-risk-assessment', token: who.token, body: { questionnaireVersion: RISK_QUESTIONNAIRE_VERSION, answers: answers(score) } }),
  );
}

async function buy(who: Onboarded, productId: string, amountFen: number, key = randomUUID(), pin = who.pin) {
  return pay(who, wealth, '/v1/wealth-orders', { productId, amountFen, riskDisclosure: await disclosureOf(productId) }, { key, pin });
}

async function redeem(who: Onboarded, productId: string, unitsCenti: number, mode: 'FAST' | 'NORMAL', key = randomUUID()) {
  return pay(who, wealth, '/v1/wealth-redemptions', { productId, unitsCenti, mode }, { key });
}

const cancel = (who: Onboarded, orderId: string, key = randomUUID()) => pay(who, wealth, `/v1/wealth-orders/${orderId}/cancel`, {}, { key });

/** Sends `body` as it is (its second factor included) under a new key. */
const send = (who: Onboarded, path: string, body: Record<string, unknown>) => call(wealth, { method: 'POST', path, token: who.token, idempotencyKey: randomUUID(), body });

const journalCount = async () => (await scanTable()).filter((item) => item.type === 'JOURNAL').length;

async function holdings(who: Onboarded) {
  return expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-holdings', token: who.token }));
}
const holdingOf = async (who: Onboarded, productId: string) => (await holdings(who)).items.find((item: any) => item.productId === productId);

async function dayClose() {
  return expectOk(await call(admin, { method: 'POST', path: '/v1/admin/day-close', headers: operator() }));
}

/** Sets the bank's clock (local and test stages) to read `time` now, or back to the wall clock. */
async function setClock(time: Date | null) {
  return expectOk(await call(admin, { method: 'POST', path: '/v1/admin/clock', headers: operator(), body: { time: time === null ? null : time.toISOString() } }));
}

const HOUR_MS = 3_600_000;
/** An order's status and whether it may be cancelled now. */
const pick = (order: { status: string; cancellable: boolean }) => [order.status, order.cancellable];
const orderOf = async (who: Onboarded, orderId: string) => expectOk(await call(wealth, { method: 'GET', path: `/v1/wealth-orders/${orderId}`, token: who.token }));

/** An approved change's answer must be the change in force; a refused submission is passed on. */
function inForce(res: CallResult): CallResult {
  if (res.status === 200) assert.equal(res.body.status, 'EFFECTIVE', JSON.stringify(res.body));
  return res;
}

/** Prices are published as the bank's people do: one product manager submits, another approves. */
const publishYield = async (productId: string, yieldDate: string, incomePer10kCentiFen: number) =>
  inForce(await publishYieldByChange(productId, yieldDate, 160, incomePer10kCentiFen));

const publishNav = async (productId: string, navDate: string, navCentiFen: number) => inForce(await publishNavByChange(productId, navDate, navCentiFen));

describe('wealth', () => {
  let today: string;
  before(async () => {
    await seedWealth(new Date());
    today = await currentBusinessDate(new Date());
  });

  test('products, their history and the questionnaire are public', async () => {
    const list = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products' }));
    assert.deepEqual(list.items.map((p: any) => p.productId).sort(), ['anxin-bond', 'jijiwen-90d', 'wenying-180d', 'youxuan-mixed', 'zhaozhao-money']);
    const money = list.items.find((p: any) => p.productId === 'zhaozhao-money');
    // The headline is what products of the kind are compared by, never the unit NAV.
    assert.deepEqual([money.headline.kind, money.headline.label, money.headline.date], ['SEVEN_DAY_YIELD', '七日年化', today]);
    assert.match(money.headline.display, /^\d+\.\d{2}%$/);
    assert.equal(money.sevenDayYieldBps, money.headline.rateBps);
    assert.equal(money.purchaseRule, '0.01 元起购');
    assert.equal(money.fastRedemptionDailyCapFen, 1_000_000);
    const bankProduct = list.items.find((p: any) => p.productId === 'wenying-180d');
    assert.equal(bankProduct.purchaseRule, '10,000 元起购，按 1,000 元递增');
    assert.deepEqual([bankProduct.headline.label, bankProduct.headline.display, bankProduct.benchmarkBps], ['业绩比较基准', '2.60%', 260]);
    // The seeded bond fund is younger than a year: its return since its first NAV.
    const bondFund = list.items.find((p: any) => p.productId === 'anxin-bond');
    assert.equal(bondFund.headline.label, '成立以来收益率');
    assert.match(bondFund.headline.display, /^[+-]?\d+\.\d{2}%$/);

    const history = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/anxin-bond/history', query: { period: '1M' } }));
    assert.deepEqual([history.series, history.period], ['NAV', '1M']);
    assert.deepEqual(history.periods.map((p: any) => p.label), ['近1月', '近3月', '近1年', '成立以来']);
    assert.equal(history.points[0].date, addMonthsClamped(today, -1));
    assert.equal(history.points.at(-1).date, today);
    for (const point of history.points) assert.ok(point.yPermille > 0 && point.yPermille < 1_000, 'the axis has a margin');
    assert.equal(history.axis.ticks.length, 3);
    assert.match(history.periodReturn.display, /^[+-]?\d+\.\d{2}%$/);
    const all = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/anxin-bond/history', query: { period: 'ALL' } }));
    assert.equal(all.points.length, 31, 'the seed’s 31 days of NAVs, all of them');
    const yields = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/zhaozhao-money/history', query: { period: '1M' } }));
    assert.equal(yields.series, 'SEVEN_DAY_YIELD');
    assert.equal(yields.points.at(-1).display, money.headline.display, 'the chart ends on the headline');
    assert.equal(yields.periodReturn, null);
    expectError(await call(wealth, { method: 'GET', path: '/v1/wealth-products/anxin-bond/history', query: { period: '5Y' } }), 400, 'VALIDATION_FAILED');
    expectError(await call(wealth, { method: 'GET', path: '/v1/wealth-products/no-such-fund' }), 404, 'PRODUCT_NOT_FOUND');
    const questionnaire = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-risk-questionnaire' }));
    assert.equal(questionnaire.questions.length, 10);
    assert.equal(questionnaire.validityMonths, 12);
    assert.equal(JSON.stringify(questionnaire).includes('score'), false, 'scores stay on the server');
  });

  test('suitability is enforced by the server: no assessment, a level too low, an outdated disclosure', async () => {
    const who = await onboard();
    expectOk(await topUp(who, 100_000));
    expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-risk-assessment', token: who.token }));
    expectError(await buy(who, 'zhaozhao-money', 100), 422, 'RISK_ASSESSMENT_REQUIRED');
    const conservative = await assess(who, 1);
    assert.equal(conservative.level, 'C1');
    assert.equal(conservative.maxRiskLevel, 'R1');
    assert.equal(conservative.validThrough, addDays(addMonthsClamped(today, 12), -1));
    expectError(await buy(who, 'jijiwen-90d', 100), 422, 'RISK_LEVEL_TOO_LOW');
    const terms = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/jijiwen-90d/purchase-terms', token: who.token }));
    assert.equal(terms.suitable, false);
    assert.equal(terms.suitability.code, 'RISK_LEVEL_TOO_LOW');
    // Shown what the customer may buy instead: the R1 product on sale.
    assert.deepEqual(terms.suitableProducts.map((p: any) => [p.productId, p.riskLevel]), [['zhaozhao-money', 'R1']]);
    assert.match(terms.disclosure.text, /理财非存款/);
    // Retaking the questionnaire replaces the level.
    assert.equal((await assess(who, 3)).level, 'C3');
    assert.deepEqual(expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/jijiwen-90d/purchase-terms', token: who.token })).suitableProducts, []);
    const outdatedKey = randomUUID();
    const outdated = await pay(
      who,
      wealth,
      '/v1/wealth-orders',
      { productId: 'jijiwen-90d', amountFen: 100, riskDisclosure: { acknowledged: true, version: 'old-text' } },
      { key: outdatedKey },
    );
    expectError(outdated, 422, 'DISCLOSURE_OUTDATED');
    // The same key with only the nested disclosure changed is another request, not a repeat.
    const reused = await pay(
      who,
      wealth,
      '/v1/wealth-orders',
      { productId: 'jijiwen-90d', amountFen: 100, riskDisclosure: { acknowledged: true, version: 'older-text' } },
      { key: outdatedKey },
    );
    expectError(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
    expectError(await buy(who, 'youxuan-mixed', 100), 422, 'RISK_LEVEL_TOO_LOW');
    expectError(await buy(who, 'wenying-180d', 1_000_100), 422, 'AMOUNT_NOT_ON_STEP');
    expectError(await buy(who, 'zhaozhao-money', 200_000), 422, 'INSUFFICIENT_FUNDS');
    expectError(await buy(who, 'zhaozhao-money', 100, randomUUID(), who.pin === '000000' ? '111111' : '000000'), 403, 'PIN_INCORRECT');
    assert.equal(await balanceFen(who), 100_000, 'nothing refused moved money');
    await assertLedgerSound();
  });

  test('buy → confirm T+1 at NAV → income → redeem normal and fast with the cap → cancel → maturity, the ledger sound after every step', async (t) => {
    t.after(() => setClock(null));
    const who = await onboard();
    expectOk(await topUp(who, 5_000_000));
    await assess(who, 5);
    const start = await balanceFen(who);
    const d0 = today;

    // A money-market purchase, replayed: one order, one debit.
    const key = randomUUID();
    const bought = expectOk(await buy(who, 'zhaozhao-money', 2_000_000, key));
    assert.equal(bought.order.status, 'PENDING');
    assert.equal(bought.order.confirmDate, addDays(d0, 1));
    assert.equal(bought.order.riskAcknowledgement.customerRiskLevel, 'C5');
    assert.equal(bought.order.riskAcknowledgement.productRiskLevel, 'R1');
    assert.equal(bought.balanceFen, start - 2_000_000);
    // The 参考号 the result page shows is the one its history entry shows.
    assert.equal(bought.reference, (await historyEntry(who, bought.journalId)).reference);
    const replay = expectOk(await buy(who, 'zhaozhao-money', 2_000_000, key));
    assert.deepEqual(replay, bought);
    expectError(await buy(who, 'zhaozhao-money', 3_000_000, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await balanceFen(who), start - 2_000_000);
    const events = await customerEvents(who.customerId);
    assert.deepEqual(events.filter((e) => e.kind === 'WEALTH_PURCHASED').map((e) => [e.amountFen, e.product]), [[2_000_000, { type: 'WEALTH', id: 'zhaozhao-money' }]]);
    await assertLedgerSound();

    // A bond fund (NAV ≠ 1: a residual), a mixed fund for ¥0.01 (buys no unit: fails), and two
    // fixed-term orders with a 24-hour cooling-off.
    const bond = expectOk(await buy(who, 'anxin-bond', 100_000));
    const tiny = expectOk(await buy(who, 'youxuan-mixed', 1));
    const toCancel = expectOk(await buy(who, 'jijiwen-90d', 100_000));
    const fixed = expectOk(await buy(who, 'jijiwen-90d', 50_000));
    assert.equal(toCancel.order.cancellableUntil, new Date(Date.parse(toCancel.order.placedAt) + 24 * HOUR_MS).toISOString());
    assert.equal(toCancel.order.cancellable, true);
    assert.equal(bought.order.cancellableUntil, null, 'no cooling-off, nothing to cancel');

    // Cooling-off cancel: full refund, order void; the same request again is the same answer;
    // another request cannot cancel it twice.
    const cancelKey = randomUUID();
    const beforeCancel = await balanceFen(who);
    const cancelled = expectOk(await cancel(who, toCancel.order.orderId, cancelKey));
    assert.equal(cancelled.order.status, 'CANCELLED');
    assert.equal(cancelled.balanceFen, beforeCancel + 100_000);
    assert.deepEqual(expectOk(await cancel(who, toCancel.order.orderId, cancelKey)), cancelled);
    assert.equal(cancelled.reference, (await historyEntry(who, cancelled.journalId)).reference);
    assert.notEqual(cancelled.reference, toCancel.reference);
    expectError(await cancel(who, toCancel.order.orderId), 422, 'ORDER_NOT_CANCELLABLE');
    expectError(await cancel(who, bought.order.orderId), 422, 'ORDER_NOT_CANCELLABLE');
    await assertLedgerSound();

    // Close D0: nothing confirms yet (T+1), and the close does not end the cooling-off.
    const close0 = await dayClose();
    assert.equal(close0.closedDate, d0);
    assert.equal(close0.wealth.purchasesConfirmed, 0);
    const d1 = addDays(d0, 1);
    assert.equal((await orderOf(who, fixed.order.orderId)).cancellable, true);
    // 24 hours after the order, it may no longer be cancelled, and the close of D1 confirms it.
    await setClock(new Date(fixed.order.cancellableUntil));
    const late = await cancel(who, fixed.order.orderId);
    expectError(late, 422, 'COOLING_OFF_ENDED');
    assert.match(late.body.error.message, /^冷静期已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 结束，不能撤销$/);
    assert.equal((await orderOf(who, fixed.order.orderId)).cancellable, false);

    // D1's prices, then its close confirms at them and pays D1's income on the new units.
    expectOk(await publishYield('zhaozhao-money', d1, 4_321));
    expectOk(await publishNav('anxin-bond', d1, 10_234));
    expectOk(await publishNav('jijiwen-90d', d1, 10_000));
    expectOk(await publishNav('youxuan-mixed', d1, 12_345));
    const beforeClose1 = await balanceFen(who);
    const close1 = await dayClose();
    assert.equal(close1.wealth.purchasesConfirmed, 3);
    assert.equal(close1.wealth.purchasesFailed, 1);
    const bondConfirmation = confirmOrder(100_000, 10_234);
    assert.equal(bondConfirmation.residualFen, 1);
    assert.equal(close1.wealth.residualRefundedFen, bondConfirmation.residualFen);
    // 2,000,000 unitsCenti × 4,321 / 10^8 = 86.42 fen → 86 paid, 0.42 carried.
    assert.equal(close1.wealth.incomePaidFen, 86);
    assert.equal(await balanceFen(who), beforeClose1 + bondConfirmation.residualFen + 1, 'the residual and the failed ¥0.01 come back');
    const failed = expectOk(await call(wealth, { method: 'GET', path: `/v1/wealth-orders/${tiny.order.orderId}`, token: who.token }));
    assert.equal(failed.status, 'FAILED');
    const confirmedBond = expectOk(await call(wealth, { method: 'GET', path: `/v1/wealth-orders/${bond.order.orderId}`, token: who.token }));
    assert.deepEqual([confirmedBond.status, confirmedBond.unitsCenti, confirmedBond.valueFen, confirmedBond.residualFen, confirmedBond.navDate], ['CONFIRMED', 97_713, 99_999, 1, d1]);
    await assertLedgerSound();

    const afterD1 = await holdings(who);
    const mm = afterD1.items.find((item: any) => item.productId === 'zhaozhao-money');
    assert.deepEqual([mm.unitsCenti, mm.marketValueFen, mm.yesterdayEarningsFen, mm.totalEarningsFen], [2_000_086, 2_000_086, 86, 86]);
    const bondHolding = afterD1.items.find((item: any) => item.productId === 'anxin-bond');
    assert.deepEqual([bondHolding.unitsCenti, bondHolding.marketValueFen, bondHolding.totalEarningsFen], [97_713, 99_999, 0]);
    assert.equal(afterD1.items.some((item: any) => item.productId === 'youxuan-mixed'), false);

    // Today's NAV rises: the market value follows at once.
    const d2 = addDays(d1, 1);
    expectOk(await publishNav('anxin-bond', d2, 10_300));
    const bondNow = await holdingOf(who, 'anxin-bond');
    assert.equal(bondNow.marketValueFen, valueFen(97_713, 10_300));
    assert.equal(bondNow.totalEarningsFen, valueFen(97_713, 10_300) - 99_999);

    // Fast redemption of ¥15,000: ¥10,000 (the cap) at once, the rest T+1; then nothing fast is left today.
    const beforeFast = await balanceFen(who);
    const fastKey = randomUUID();
    const fast = expectOk(await redeem(who, 'zhaozhao-money', 1_500_000, 'FAST', fastKey));
    assert.equal(fast.fast.proceedsFen, 1_000_000);
    assert.equal(fast.normal.unitsCenti, 500_000);
    assert.equal(fast.normal.confirmDate, addDays(d2, 1));
    assert.equal(fast.capExceeded, true);
    assert.equal(fast.balanceFen, beforeFast + 1_000_000);
    assert.deepEqual(expectOk(await redeem(who, 'zhaozhao-money', 1_500_000, 'FAST', fastKey)), fast);
    const capped = expectOk(await redeem(who, 'zhaozhao-money', 100, 'FAST'));
    assert.equal(capped.fast, null);
    assert.equal(capped.journalId, null);
    assert.equal(capped.reference, null, 'nothing paid at once: no 参考号');
    assert.equal(fast.reference, (await historyEntry(who, fast.journalId)).reference);
    assert.equal(capped.normal.unitsCenti, 100);
    const mmAfter = await holdingOf(who, 'zhaozhao-money');
    assert.deepEqual([mmAfter.unitsCenti, mmAfter.availableUnitsCenti, mmAfter.frozenUnitsCenti, mmAfter.fastRedemptionLeftFen], [1_000_086, 499_986, 500_100, 0]);
    expectError(await redeem(who, 'zhaozhao-money', 499_987, 'NORMAL'), 422, 'INSUFFICIENT_UNITS');
    expectError(await redeem(who, 'anxin-bond', 100, 'FAST'), 422, 'FAST_REDEMPTION_NOT_SUPPORTED');
    expectError(await redeem(who, 'jijiwen-90d', 100, 'NORMAL'), 422, 'REDEMPTION_NOT_ALLOWED');
    // All the bond fund, normally: settled at D2's NAV by D2's close.
    expectOk(await redeem(who, 'anxin-bond', 97_713, 'NORMAL'));
    await assertLedgerSound();

    // Close D2: the redemptions wait for T+1; frozen units still earn (D1's yield, carried forward).
    const close2 = await dayClose();
    assert.equal(close2.closedDate, d2);
    assert.equal(close2.wealth.redemptionsSettled, 0);
    const exactD2 = 1_000_086 * 4_321 + 42_000_000;
    const incomeD2 = Math.floor(exactD2 / 1e8);
    assert.equal(close2.wealth.incomePaidFen, incomeD2);
    const mmD2 = await holdingOf(who, 'zhaozhao-money');
    assert.deepEqual([mmD2.unitsCenti, mmD2.yesterdayEarningsFen, mmD2.totalEarningsFen], [1_000_086 + incomeD2, incomeD2, 86 + incomeD2]);
    await assertLedgerSound();

    // Close D3 settles the three normal redemptions at the latest NAV (the bond fund's D2 NAV).
    const beforeClose3 = await balanceFen(who);
    const close3 = await dayClose();
    assert.equal(close3.wealth.redemptionsSettled, 3);
    const bondProceeds = valueFen(97_713, 10_300);
    assert.equal(close3.wealth.redeemedFen, 500_000 + 100 + bondProceeds);
    assert.equal(await balanceFen(who), beforeClose3 + 500_100 + bondProceeds);
    const incomeD3 = Math.floor(((1_000_086 + incomeD2 - 500_100) * 4_321 + (exactD2 % 1e8)) / 1e8);
    assert.equal(close3.wealth.incomePaidFen, incomeD3);
    const mmD3 = await holdingOf(who, 'zhaozhao-money');
    assert.deepEqual(
      [mmD3.unitsCenti, mmD3.frozenUnitsCenti, mmD3.yesterdayEarningsFen, mmD3.totalEarningsFen],
      [1_000_086 + incomeD2 - 500_100 + incomeD3, 0, incomeD3, 86 + incomeD2 + incomeD3],
    );
    assert.equal(await holdingOf(who, 'anxin-bond'), undefined, 'an emptied holding is not listed');
    await assertLedgerSound();

    const orders = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-orders', token: who.token, query: { limit: '50' } }));
    assert.ok(orders.items.length >= 9);
    assert.ok(orders.items.every((o: any, i: number) => i === 0 || orders.items[i - 1].placedAt >= o.placedAt), 'newest first');
  });

  test('a nonce asked for another amount or another product buys nothing: 403 NONCE_MISMATCH, no journal', async () => {
    const who = await onboard();
    expectOk(await topUp(who, 100_000));
    await assess(who, 3);
    const journals = await journalCount();
    const order = async (productId: string, amountFen: number) => ({ productId, amountFen, riskDisclosure: await disclosureOf(productId) });
    const forSmall = await secondFactorFor(who.token, '/v1/wealth-orders', await order('zhaozhao-money', 100), who.pin);
    expectError(await send(who, '/v1/wealth-orders', { ...(await order('zhaozhao-money', 90_000)), secondFactor: forSmall }), 403, 'NONCE_MISMATCH');
    expectError(await send(who, '/v1/wealth-orders', { ...(await order('anxin-bond', 100)), secondFactor: forSmall }), 403, 'NONCE_MISMATCH');
    assert.equal(await journalCount(), journals);
    assert.equal(await balanceFen(who), 100_000);
    assert.deepEqual(expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-orders', token: who.token })).items, []);
    // Refused, the nonce was not used up: it still buys what it was asked for.
    assert.equal(expectOk(await send(who, '/v1/wealth-orders', { ...(await order('zhaozhao-money', 100)), secondFactor: forSmall })).balanceFen, 100_000 - 100);
    await assertLedgerSound();
  });

  test('one nonce pays once: the same second factor under a new key is 409 NONCE_USED, nothing moves', async () => {
    const who = await onboard();
    expectOk(await topUp(who, 100_000));
    await assess(who, 3);
    const body = await confirmed(who.token, '/v1/wealth-orders', { productId: 'zhaozhao-money', amountFen: 1_000, riskDisclosure: await disclosureOf('zhaozhao-money') }, who.pin);
    const bought = expectOk(await send(who, '/v1/wealth-orders', body));
    const journals = await journalCount();
    expectError(await send(who, '/v1/wealth-orders', body), 409, 'NONCE_USED');
    assert.equal(await journalCount(), journals);
    assert.equal(await balanceFen(who), 100_000 - 1_000);
    const orders = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-orders', token: who.token }));
    assert.deepEqual(orders.items.map((o: any) => o.orderId), [bought.order.orderId]);
    await assertLedgerSound();
  });

  test('24 cooling-off hours from an order at 23:50: still cancellable the next morning, after a day close; refused after 24 h; a close after that confirms it', async (t) => {
    t.after(() => setClock(null));
    const d = await currentBusinessDate(new Date());
    const d1 = addDays(d, 1);
    const at2350 = new Date(`${d}T23:50:00+08:00`);
    const set = await setClock(at2350);
    assert.ok(Math.abs(Date.parse(set.time) - at2350.getTime()) < 5_000, JSON.stringify(set));
    const who = await onboard();
    expectOk(await topUp(who, 200_000));
    await assess(who, 3);

    // What the buy page is told before paying: until when the order could be cancelled.
    const terms = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/jijiwen-90d/purchase-terms', token: who.token }));
    const shownUntil = Date.parse(terms.cancellableUntil) - 24 * HOUR_MS;
    assert.ok(shownUntil >= at2350.getTime() && shownUntil < at2350.getTime() + 60_000, terms.cancellableUntil);

    const { order } = expectOk(await buy(who, 'jijiwen-90d', 100_000));
    const placedAt = Date.parse(order.placedAt);
    assert.ok(placedAt >= at2350.getTime() && placedAt < at2350.getTime() + 60_000, `placed at 23:50 on the bank's clock: ${order.placedAt}`);
    const until = new Date(placedAt + 24 * HOUR_MS);
    assert.deepEqual([order.placedOn, order.confirmDate, order.cancellableUntil, order.cancellable], [d, d1, until.toISOString(), true]);
    const paidBalance = await balanceFen(who);

    // The close of d, minutes later, does not end the period: the next morning it may still be cancelled.
    assert.equal((await dayClose()).closedDate, d);
    await setClock(new Date(`${d1}T09:00:00+08:00`));
    assert.deepEqual(pick(await orderOf(who, order.orderId)), ['PENDING', true]);

    // The close of its confirmation date run that morning leaves it pending: still inside its period.
    expectOk(await publishNav('jijiwen-90d', d1, 10_000));
    const early = await dayClose();
    assert.equal(early.closedDate, d1);
    assert.ok(early.wealth.inCoolingOff >= 1, JSON.stringify(early.wealth));
    assert.deepEqual(pick(await orderOf(who, order.orderId)), ['PENDING', true]);

    // 23:49 the next day: still cancellable; 23:51: no more, and the refusal says when it ended.
    await setClock(new Date(until.getTime() - 60_000));
    assert.deepEqual(pick(await orderOf(who, order.orderId)), ['PENDING', true]);
    await setClock(new Date(until.getTime() + 60_000));
    assert.deepEqual(pick(await orderOf(who, order.orderId)), ['PENDING', false]);
    const refused = await cancel(who, order.orderId);
    expectError(refused, 422, 'COOLING_OFF_ENDED');
    assert.equal(refused.body.error.message, `冷静期已于 ${chinaMinute(until)} 结束，不能撤销`);
    assert.equal(await balanceFen(who), paidBalance, 'nothing refunded');

    // The next close confirms it, at the latest NAV (d+1's 1.0000): the units for all it paid.
    const later = await dayClose();
    assert.ok(later.wealth.purchasesConfirmed >= 1);
    const confirmedOrder = await orderOf(who, order.orderId);
    assert.deepEqual([confirmedOrder.status, confirmedOrder.unitsCenti, confirmedOrder.navDate, confirmedOrder.cancellable], ['CONFIRMED', 100_000, d1, false]);
    assert.equal((await holdingOf(who, 'jijiwen-90d')).unitsCenti, 100_000);
    assert.equal(await balanceFen(who), paidBalance);
    await assertLedgerSound();
  });

  test('fast redemptions fired at once cannot pass the daily cap together', async () => {
    const who = await onboard();
    expectOk(await topUp(who, 3_000_000));
    await assess(who, 3);
    expectOk(await buy(who, 'zhaozhao-money', 2_500_000));
    const d = await currentBusinessDate(new Date());
    expectOk(await publishYield('zhaozhao-money', d, 0));
    await dayClose();
    await dayClose();
    const results = await Promise.all(Array.from({ length: 4 }, () => redeem(who, 'zhaozhao-money', 400_000, 'FAST')));
    const fastPaid = results.map((r) => expectOk(r)).reduce((sum, r) => sum + (r.fast?.proceedsFen ?? 0), 0);
    const normal = results.map((r) => r.body).reduce((sum, r) => sum + (r.normal?.unitsCenti ?? 0), 0);
    assert.equal(fastPaid, 1_000_000, 'exactly the cap, never more');
    assert.equal(fastPaid + normal, 1_600_000);
    await assertLedgerSound();
  });

  test('a fixed-term product redeems every unit automatically at the close of its maturity date', async (t) => {
    t.after(() => setClock(null));
    const d = await currentBusinessDate(new Date());
    const [template] = demoWealthProducts(d).filter((p) => p.productId === 'jijiwen-90d');
    const { version: _version, ...fixedTerm } = template!;
    const shortTerm = { ...fixedTerm, productId: 'short-term-3d', name: '三日测试定期', subscriptionOpensOn: d, subscriptionClosesOn: d, termDays: 3, maturityDate: addDays(d, 3), disclosureVersion: 'short-term-3d-v1' };
    expectOk(inForce(await publishWealthProductByChange(shortTerm)));
    const published = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/short-term-3d' }));
    assert.equal(published.version, 1);
    expectOk(await publishNav('short-term-3d', d, 10_000));
    const who = await onboard();
    expectOk(await topUp(who, 200_000));
    await assess(who, 2);
    const bought = expectOk(await buy(who, 'short-term-3d', 100_000));
    const start = await balanceFen(who);
    await dayClose(); // d
    // Its 24 cooling-off hours have passed by the close of d+1, which confirms it at 1.0000.
    await setClock(new Date(bought.order.cancellableUntil));
    await dayClose(); // d+1: confirmed at 1.0000
    assert.equal((await holdingOf(who, 'short-term-3d')).unitsCenti, 100_000);
    expectOk(await publishNav('short-term-3d', addDays(d, 2), 10_050));
    await dayClose(); // d+2
    expectOk(await publishNav('short-term-3d', addDays(d, 3), 10_080));
    const matured = await dayClose(); // d+3: maturity
    assert.equal(matured.wealth.holdingsMatured, 1);
    assert.equal(matured.wealth.maturedFen, 100_800);
    assert.equal(await balanceFen(who), start + 100_800);
    assert.equal(await holdingOf(who, 'short-term-3d'), undefined);
    const orders = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-orders', token: who.token, query: { productId: 'short-term-3d' } }));
    assert.equal(orders.items[0].kindLabel, '到期赎回');
    assert.equal(orders.items[0].proceedsFen, 100_800);
    // The next close changes nothing for it.
    assert.equal((await dayClose()).wealth.holdingsMatured, 0);
    assert.equal(await balanceFen(who), start + 100_800);
    await assertLedgerSound();

    // Operators close the product: no more purchases.
    expectOk(inForce(await setWealthStatusByChange('short-term-3d', 'CLOSED')));
    const closed = expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/short-term-3d' }));
    assert.deepEqual([closed.status, closed.version], ['CLOSED', 2]);
    assert.equal(closed.onSale, false);
  });

  test('total assets count money in transit once: ¥1,500.01 bought is in transit, then market value', async (t) => {
    t.after(() => setClock(null));
    const d = await currentBusinessDate(new Date());
    const who = await onboard();
    expectOk(await topUp(who, 200_000));
    await assess(who, 3);
    const bought = expectOk(await buy(who, 'zhaozhao-money', 150_001));
    const pending = await holdings(who);
    assert.deepEqual(pending.totals, {
      totalAssetsFen: 150_001,
      heldValueFen: 0,
      inTransitFen: 150_001,
      marketValueFen: 0,
      pendingPurchaseFen: 150_001,
      pendingRedemptionFen: 0,
      yesterdayEarningsFen: 0,
      totalEarningsFen: 0,
    });
    // The close of d+1 confirms it (no income that day: the totals stay to the fen).
    await dayClose();
    expectOk(await publishYield('zhaozhao-money', addDays(d, 1), 0));
    await dayClose();
    assert.equal((await orderOf(who, bought.order.orderId)).status, 'CONFIRMED');
    const held = await holdings(who);
    assert.deepEqual([held.totals.totalAssetsFen, held.totals.heldValueFen, held.totals.inTransitFen, held.totals.marketValueFen, held.totals.pendingPurchaseFen], [150_001, 150_001, 0, 150_001, 0]);
    // A normal redemption of ¥500.00: still in the total once, now in transit.
    expectOk(await redeem(who, 'zhaozhao-money', 50_000, 'NORMAL'));
    const redeeming = await holdings(who);
    assert.deepEqual(
      [redeeming.totals.totalAssetsFen, redeeming.totals.heldValueFen, redeeming.totals.inTransitFen, redeeming.totals.pendingRedemptionFen, redeeming.items[0].pendingRedemptionFen],
      [150_001, 100_001, 50_000, 50_000, 50_000],
    );
    await assertLedgerSound();
  });

  test('operators: NAV rules; another customer’s order is 404', async () => {
    const d = await currentBusinessDate(new Date());
    expectError(await publishNav('zhaozhao-money', d, 10_100), 422, 'NAV_FIXED');
    expectError(await publishYield('anxin-bond', d, 100), 422, 'NOT_MONEY_MARKET');
    expectError(await publishNav('anxin-bond', addDays(d, 1), 10_600), 400, 'PRICE_DATE_IN_FUTURE');
    expectOk(await publishNav('anxin-bond', d, 10_600));
    expectOk(await publishNav('anxin-bond', d, 10_610));
    // The seed's NAV for the first business date: closed and used, never rewritten.
    expectError(await publishNav('anxin-bond', today, 10_600), 409, 'PRICE_ALREADY_CLOSED');

    const owner = await onboard();
    expectOk(await topUp(owner, 10_000));
    await assess(owner, 3);
    const order = expectOk(await buy(owner, 'zhaozhao-money', 500)).order;
    const stranger = await onboard();
    expectError(await call(wealth, { method: 'GET', path: `/v1/wealth-orders/${order.orderId}`, token: stranger.token }), 404, 'ORDER_NOT_FOUND');
    expectError(await cancel(stranger, order.orderId), 404, 'ORDER_NOT_FOUND');
    expectError(await call(wealth, { method: 'GET', path: '/v1/wealth-orders/..%2F..', token: owner.token }), 404, 'NOT_FOUND');
    assert.deepEqual(expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-holdings', token: stranger.token })).items, []);
    await assertLedgerSound();
  });
});

describe("the bank's clock (POST /v1/admin/clock)", () => {
  const post = (body: unknown, headers: Record<string, string> = operator()) => call(admin, { method: 'POST', path: '/v1/admin/clock', headers, body });
  const cancellableUntilNow = async (who: Onboarded) =>
    Date.parse(expectOk(await call(wealth, { method: 'GET', path: '/v1/wealth-products/jijiwen-90d/purchase-terms', token: who.token })).cancellableUntil) - 24 * HOUR_MS;

  test('takes an ISO time with its offset, or null for the wall clock; refuses anything else and changes nothing', async (t) => {
    t.after(() => setClock(null));
    expectError(await post({ time: '2026-12-06T23:50:00+08:00' }, {}), 401, 'UNAUTHENTICATED');
    for (const body of [{}, { time: 'tomorrow' }, { time: '2026-12-06 23:50' }, { time: 1_765_036_200_000 }, { time: null, offsetMs: 5 }]) {
      expectError(await post(body), 400, 'VALIDATION_FAILED');
    }
    expectError(await post({ time: '2099-01-01T00:00:00+08:00' }), 400, 'CLOCK_OUT_OF_RANGE');
    const who = await onboard();
    await assess(who, 3);
    const wallNow = Date.now();
    assert.ok(Math.abs((await cancellableUntilNow(who)) - wallNow) < 60_000, 'still the wall clock');

    const set = await setClock(new Date(wallNow + 30 * 24 * HOUR_MS));
    assert.ok(Math.abs(set.offsetMs - 30 * 24 * HOUR_MS) < 60_000, JSON.stringify(set));
    assert.ok(Math.abs((await cancellableUntilNow(who)) - (wallNow + 30 * 24 * HOUR_MS)) < 60_000, 'the moved clock');
    assert.deepEqual((await setClock(null)).offsetMs, 0);
    assert.ok(Math.abs((await cancellableUntilNow(who)) - Date.now()) < 60_000, 'the wall clock again');
  });

  describe('on a stage without clock control (production)', () => {
    let saved: string | undefined;
    let who: Onboarded;
    before(async () => {
      who = await onboard();
      await assess(who, 3);
      // An offset left in the table (it cannot be set there): production must not read it.
      await setClock(new Date(Date.now() + 30 * 24 * HOUR_MS));
      saved = process.env.ALLOW_CLOCK_CONTROL;
      process.env.ALLOW_CLOCK_CONTROL = 'false';
      resetConfigForTests();
    });
    after(async () => {
      process.env.ALLOW_CLOCK_CONTROL = saved;
      resetConfigForTests();
      await setClock(null);
    });

    test('the clock cannot be set, and a stored offset is ignored: cooling-off runs on the wall clock', async () => {
      expectError(await post({ time: new Date().toISOString() }), 403, 'CLOCK_CONTROL_DISABLED');
      assert.ok(Math.abs((await cancellableUntilNow(who)) - Date.now()) < 60_000);
    });
  });
});
