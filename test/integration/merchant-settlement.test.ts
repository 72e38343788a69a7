// Merchants' settlement by the day close on DynamoDB Local: each marked wallet's whole balance —
// payments less the bank's fees, less the refunds it paid — goes to the merchant's settlement
// account through the settlement gateway, with the partner's settlement file, the merchant's
// statement and the `settlement.completed` event; a payout the merchant's bank refuses comes back
// to the wallet and is paid at a later close; one the gateway never answers stays PAYING until a
// later close asks; a refund after settlement comes from the reserve when the wallet is empty, and
// no wallet goes below zero.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { walletAccountId } from '../../functions/domain/open/journals.js';
import { openEventId } from '../../functions/domain/open/webhook.js';
import { handler as admin } from '../../functions/http/admin.js';
import { handler as merchantPayments } from '../../functions/http/merchant-payments.js';
import { handler as orders } from '../../functions/http/open-orders.js';
import { handler as refunds } from '../../functions/http/open-refunds.js';
import { handler as settlements } from '../../functions/http/open-settlements.js';
import { getWebhookEvent } from '../../functions/store/webhooks.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call, useBank } from '../support/bank.js';
import { onboard, type Onboarded, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, scanTable } from '../support/ledger-check.js';
import { approvedMerchant, fundReserve, openCall, registerPartner, type TestPartner } from '../support/partners.js';

useBank();

const dayClose = async () => expectOk(await call(admin, { method: 'POST', path: '/v1/admin/day-close', headers: { 'x-operator-key': localSecretsEnv().JINLIN_OPERATOR_KEY! } }));
const walletFen = async (merchantId: string) => Number((await scanTable()).find((item) => item.PK === `ACCT#${walletAccountId(merchantId)}` && item.SK === 'BALANCE')?.balanceFen ?? 0);
const assertBooksSound = async () =>
  assertLedgerSound({ unkeyedJournals: new Set((await scanTable()).filter((item) => item.type === 'JOURNAL' && item.kind === 'RESERVE_DEPOSIT').map((item) => String(item.journalId))) });

describe('merchants’ settlement at the day close', () => {
  let grocery: TestPartner;
  let paid: string;
  let refused: string;
  let silent: string;
  let alice: Onboarded;
  let n = 0;

  async function paidOrder(merchantId: string, amountFen: number): Promise<string> {
    const created = expectOk(await openCall(orders, grocery.credentials, { method: 'POST', path: '/v1/open/orders', body: { merchantId, outTradeNo: `ST-${Date.now()}-${n++}`, amountFen, description: '日用品' }, idempotencyKey: randomUUID() }));
    expectOk(await pay(alice, merchantPayments, `/v1/merchant-orders/${created.orderId}/payment`, {}));
    return created.orderId;
  }
  const refund = (orderId: string, amountFen: number) =>
    openCall(refunds, grocery.credentials, { method: 'POST', path: `/v1/open/orders/${orderId}/refunds`, body: { outRefundNo: `SR-${Date.now()}-${n++}`, amountFen }, idempotencyKey: randomUUID() });
  const file = async (closedDate: string) => expectOk(await openCall(settlements, grocery.credentials, { method: 'GET', path: '/v1/open/settlements', query: { closedDate } }));

  before(async () => {
    [grocery, alice] = await Promise.all([registerPartner({ feeRateBps: 100 }), onboard({ name: '李爱丽' })]);
    const account = (ending: string) => ({ settlementAccount: { bankName: '江苏银行南京分行', accountNumber: `320100123456${ending}`, holderName: '南京幸福里生鲜超市有限公司' } });
    [paid, refused, silent] = await Promise.all([approvedMerchant(grocery, 'ST-PAID', account('7890')), approvedMerchant(grocery, 'ST-REFUSED', account('7777')), approvedMerchant(grocery, 'ST-SILENT', account('8888'))]);
    expectOk(await topUp(alice, 300_000));
  });

  test('the day close pays each wallet out: paid − refunded − fees, with the file, the statement and the event', async () => {
    const first = await paidOrder(paid, 10_000);
    const second = await paidOrder(paid, 5_000);
    expectOk(await refund(first, 2_000));
    // (10,000 − 100) + (5,000 − 50) − (2,000 − 20)
    assert.equal(await walletFen(paid), 12_870);
    const { closedDate, merchants } = await dayClose();
    assert.equal(await walletFen(paid), 0);
    assert.ok(merchants.merchantsSettled >= 1 && merchants.settledFen >= 12_870, JSON.stringify(merchants));
    const settled = (await file(closedDate)).settlements.find((row: { merchantId: string }) => row.merchantId === paid);
    assert.deepEqual([settled.amountFen, settled.status, settled.settlementAccount.accountNumberMasked], [12_870, 'PAID', '****7890']);
    assert.match(settled.gatewayReference, /^SIMPAY/);
    const statement = expectOk(await openCall(settlements, grocery.credentials, { method: 'GET', path: `/v1/open/settlements/${settled.settlementId}` }));
    assert.deepEqual(
      statement.lines.map((line: { type: string; orderId: string | null; netFen: number }) => [line.type, line.orderId, line.netFen]).sort(),
      [['PAYMENT', first, 9_900], ['PAYMENT', second, 4_950], ['REFUND', null, -1_980]].sort(),
    );
    assert.equal(statement.lines.reduce((sum: number, line: { netFen: number }) => sum + line.netFen, 0), settled.amountFen);
    const event = await getWebhookEvent(grocery.partner.partnerId, openEventId('settlement.completed', settled.settlementId));
    assert.equal((event?.event.data as { amountFen: number }).amountFen, 12_870);
    // Another partner reads none of it.
    const other = await registerPartner();
    expectError(await openCall(settlements, other.credentials, { method: 'GET', path: `/v1/open/settlements/${settled.settlementId}` }), 404, 'SETTLEMENT_NOT_FOUND');
    assert.equal(expectOk(await openCall(settlements, other.credentials, { method: 'GET', path: '/v1/open/settlements', query: { closedDate } })).settlements.length, 0);

    // After settlement the wallet is empty: a refund comes from the reserve, or is refused.
    expectError(await refund(second, 1_000), 422, 'REFUND_FUNDS_INSUFFICIENT');
    await fundReserve(grocery, 5_000);
    assert.equal(expectOk(await refund(second, 1_000)).fundsSource, 'RESERVE');
    assert.equal(await walletFen(paid), 0);
    await assertBooksSound();
  });

  test('a payout the merchant’s bank refuses comes back to the wallet; one never answered waits and is finished by a later close', async () => {
    await paidOrder(refused, 3_000);
    await paidOrder(silent, 4_000);
    const { closedDate } = await dayClose();
    const rows = (await file(closedDate)).settlements;
    const returned = rows.find((row: { merchantId: string }) => row.merchantId === refused);
    assert.deepEqual([returned.status, returned.failure.code, returned.amountFen], ['RETURNED', 'ACCOUNT_FROZEN', 2_970]);
    assert.equal(await walletFen(refused), 2_970);
    const paying = rows.find((row: { merchantId: string }) => row.merchantId === silent);
    assert.deepEqual([paying.status, paying.amountFen], ['PAYING', 3_960]);
    assert.equal(await walletFen(silent), 0);
    // The next close asks the gateway, which never received it: that settlement is returned, and
    // the wallet is settled again (still unanswered: PAYING); the refused merchant is tried again
    // and refused again (its account is still frozen): its money stays in its wallet.
    const { closedDate: nextDate } = await dayClose();
    const before = (await file(closedDate)).settlements.find((row: { merchantId: string }) => row.merchantId === silent);
    assert.deepEqual([before.status, before.failure.code], ['RETURNED', 'PAYOUT_NOT_RECEIVED']);
    const next = (await file(nextDate)).settlements;
    const again = next.find((row: { merchantId: string }) => row.merchantId === silent);
    assert.deepEqual([again.status, again.amountFen], ['PAYING', 3_960]);
    assert.equal(await walletFen(silent), 0);
    assert.equal(next.find((row: { merchantId: string }) => row.merchantId === refused).status, 'RETURNED');
    assert.equal(await walletFen(refused), 2_970);
    // Nothing to settle for the merchant paid out yesterday: no row for it.
    assert.equal(next.some((row: { merchantId: string }) => row.merchantId === paid), false);
    await assertBooksSound();
  });
});
