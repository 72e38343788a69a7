// The message centre (issue 17 point 5) through the real handlers on DynamoDB Local, WeChat
// simulated: a transfer is a message to both sides with its signed amount; security events are
// stored by their workflows; preferences are honoured and security stays on; one-time WeChat
// grants are used once each (a retry sends nothing, no grant sends nothing); paging merges
// movements and stored messages newest first; nobody sees another customer's messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MessageItem, MessagePage } from '../../functions/contract/messages-schemas.js';
import { simulatorSubscribeMessages } from '../../functions/adapters/simulators/wechat.js';
import { handler as lossReportHandler } from '../../functions/http/loss-report.js';
import { handler as messagesHandler } from '../../functions/http/messages.js';
import { handler as pushJob } from '../../functions/jobs/message-push.js';
import { postMessage, templateIds } from '../../functions/services/messages.js';
import { getCustomer } from '../../functions/store/customers.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard, setPin, topUp, transfer } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';

useBank();

const list = async (who: Onboarded, query: Record<string, string> = {}) =>
  expectOk(await call(messagesHandler, { method: 'GET', path: '/v1/messages', token: who.token, query })) as MessagePage;
const unreadOf = async (who: Onboarded) => expectOk(await call(messagesHandler, { method: 'GET', path: '/v1/messages/unread', token: who.token })).unread as number;
const savePreferences = (who: Onboarded, preferences: Record<string, boolean>) =>
  call(messagesHandler, { method: 'POST', path: '/v1/messages/preferences', token: who.token, body: preferences });
const grant = (who: Onboarded, accepted: string[]) => call(messagesHandler, { method: 'POST', path: '/v1/messages/subscriptions', token: who.token, body: { accepted } });
const sentTo = async (who: Onboarded) => simulatorSubscribeMessages((await getCustomer(who.customerId))!.openid);
const runPush = () => pushJob({} as never, {} as never) as Promise<{ customers: number; sent: number; refused: number }>;

describe('消息中心', () => {
  test('a transfer is a message to the payer (−) and the payee (+), with its history entry; reading moves the unread count', async () => {
    const payer = await onboard({ name: '钱学森' });
    const payee = await onboard({ name: '邓稼先' });
    expectOk(await topUp(payer, 50_000));
    const moved = expectOk(await transfer(payer, payee, 12_345));

    const [out] = (await list(payer, { category: 'MONEY' })).items;
    assert.equal(out!.amountFen, -12_345);
    assert.equal(out!.entryId, moved.journalId);
    assert.equal(out!.title, '支出通知');
    assert.match(out!.body, /^转账 · /);
    const [into] = (await list(payee, { category: 'MONEY' })).items;
    assert.equal(into!.amountFen, 12_345);
    assert.equal(into!.entryId, moved.journalId);
    assert.equal(into!.title, '入账通知');
    assert.match(into!.body, /^转账 · /);

    // The payer: the top-up and the transfer, both unread until read.
    assert.equal(await unreadOf(payer), 2);
    const page = await list(payer);
    assert.deepEqual(page.items.map((m) => [m.kind, m.unread]), [['TRANSFER', true], ['TOP_UP', true]]);
    assert.deepEqual(expectOk(await call(messagesHandler, { method: 'POST', path: '/v1/messages/read', token: payer.token, body: { upTo: page.items[1]!.at } })), { unread: 1 });
    // The mark never moves back.
    expectOk(await call(messagesHandler, { method: 'POST', path: '/v1/messages/read', token: payer.token, body: { upTo: '2020-01-01T00:00:00.000Z' } }));
    assert.equal(await unreadOf(payer), 1);
    assert.deepEqual(expectOk(await call(messagesHandler, { method: 'POST', path: '/v1/messages/read', token: payer.token, body: {} })), { unread: 0 });
    assert.deepEqual((await list(payer)).items.map((m) => m.unread), [false, false]);
    assert.equal(await unreadOf(payee), 1, 'the payee\'s mark is their own');
  });

  test('a PIN change and 挂失 are security messages, each once, to their customer only; another customer\'s centre never shows them', async () => {
    const who = await onboard({ name: '华罗庚' });
    const other = await onboard({ name: '陈景润' });
    expectOk(await setPin(who.token, '246813', who.pin));
    const [changed] = (await list(who, { category: 'SECURITY' })).items;
    assert.equal(changed!.kind, 'PIN_CHANGED');
    assert.equal(changed!.title, '支付密码已修改');
    assert.match(changed!.body, /如非本人操作/);
    assert.equal(changed!.amountFen, undefined);
    // A repeated post of the same event keeps one message.
    await postMessage({ customerId: who.customerId, kind: 'CARD_CHANGED', ref: 'change-1', at: new Date(), detail: '新卡尾号 1234' });
    await postMessage({ customerId: who.customerId, kind: 'CARD_CHANGED', ref: 'change-1', at: new Date(Date.now() + 5), detail: '新卡尾号 1234' });
    const security = (await list(who, { category: 'SECURITY' })).items;
    assert.deepEqual(security.map((m) => m.kind), ['CARD_CHANGED', 'PIN_CHANGED']);
    assert.match(security[0]!.body, /（新卡尾号 1234）/);

    // 挂失, as its workflow stores it: a security message with the report's time.
    const reported = expectOk(await call(lossReportHandler, { method: 'POST', path: '/v1/me/loss-report', token: who.token, body: { lost: 'PHONE' } }));
    const [loss] = (await list(who, { category: 'SECURITY' })).items;
    assert.deepEqual([loss!.kind, loss!.at, loss!.title], ['LOSS_REPORTED', reported.reportedAt, '账户已挂失']);

    const seenByOther = JSON.stringify(await list(other)) + JSON.stringify(await list(other, { category: 'SECURITY' }));
    assert.ok(!['PIN_CHANGED', 'CARD_CHANGED', 'LOSS_REPORTED'].some((kind) => seenByOther.includes(kind)), seenByOther);
    // A's message ids as B's cursor show B nothing of A's: a cursor is a position in B's own lists.
    const cursor = Buffer.from(JSON.stringify({ m: `MSG#${loss!.at}` })).toString('base64url');
    assert.deepEqual((await list(other, { category: 'SECURITY', cursor })).items, []);
    expectError(await call(messagesHandler, { method: 'GET', path: '/v1/messages', token: other.token, query: { cursor: 'bm90LWEtY3Vyc29y' } }), 400, 'INVALID_CURSOR');
  });

  test('preferences: a category turned off is not counted nor pushed; security cannot be turned off (422, nothing changed)', async () => {
    const who = await onboard({ name: '竺可桢' });
    const refused = await savePreferences(who, { MONEY: true, SECURITY: false, SERVICE: true });
    expectError(refused, 422, 'SECURITY_MESSAGES_ALWAYS_ON');
    const view = expectOk(await call(messagesHandler, { method: 'GET', path: '/v1/messages/preferences', token: who.token }));
    assert.deepEqual(view.preferences, { MONEY: true, SECURITY: true, SERVICE: true });
    assert.deepEqual(view.templates, templateIds());

    expectOk(await topUp(who, 10_000));
    assert.equal(await unreadOf(who), 1);
    assert.deepEqual(expectOk(await savePreferences(who, { MONEY: false, SECURITY: true, SERVICE: false })).preferences, { MONEY: false, SECURITY: true, SERVICE: false });
    assert.equal(await unreadOf(who), 0, 'money turned off: not counted');
    assert.equal((await list(who, { category: 'MONEY' })).items.length, 1, 'still listed in the centre');
    await postMessage({ customerId: who.customerId, kind: 'COMPLAINT_ANSWERED', ref: 'ticket-1', at: new Date() });
    await postMessage({ customerId: who.customerId, kind: 'LOSS_LIFTED', ref: 'lift-1', at: new Date() });
    assert.equal(await unreadOf(who), 1, 'service off, security on');

    // Granted, but turned off: nothing is pushed, and no grant is used.
    const { MONEY, SERVICE } = templateIds();
    expectOk(await grant(who, [MONEY, SERVICE]));
    await postMessage({ customerId: who.customerId, kind: 'COMPLAINT_ANSWERED', ref: 'ticket-2', at: new Date() });
    expectOk(await topUp(who, 1_000));
    await runPush();
    assert.deepEqual(await sentTo(who), []);
    const grants = expectOk(await call(messagesHandler, { method: 'GET', path: '/v1/messages/preferences', token: who.token })).grants;
    assert.deepEqual(grants, { MONEY: 1, SECURITY: 0, SERVICE: 1 });
  });

  test('one-time grants: each send uses one, a retry sends nothing more, no grant sends nothing; an unknown template is refused', async () => {
    const who = await onboard({ name: '茅以升' });
    const payee = await onboard({ name: '詹天佑' });
    const { MONEY, SECURITY } = templateIds();
    expectError(await grant(who, ['not-a-template']), 422, 'UNKNOWN_TEMPLATE');

    // No grant: the event is stored, nothing is sent.
    expectOk(await setPin(who.token, '246813', who.pin));
    who.pin = '246813';
    assert.deepEqual(await sentTo(who), []);
    // One security grant: the next event is sent, the one after is not.
    expectOk(await grant(who, [SECURITY]));
    await postMessage({ customerId: who.customerId, kind: 'LOSS_REPORTED', ref: 'r-1', at: new Date() });
    await postMessage({ customerId: who.customerId, kind: 'LOSS_REPORTED', ref: 'r-1', at: new Date() });
    await postMessage({ customerId: who.customerId, kind: 'LOSS_LIFTED', ref: 'l-1', at: new Date() });
    const sent = await sentTo(who);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.templateId, SECURITY);
    assert.equal(sent[0]!.data.thing1, '账户已挂失');

    // Money: movements before the grant are never pushed; two grants push the next two movements,
    // oldest first, and a second run sends nothing more.
    expectOk(await topUp(who, 90_000));
    expectOk(await grant(who, [MONEY]));
    expectOk(await grant(who, [MONEY]));
    expectOk(await transfer(who, payee, 1_000));
    expectOk(await transfer(who, payee, 2_000));
    expectOk(await transfer(who, payee, 3_000));
    await runPush();
    await runPush();
    const money = (await sentTo(who)).filter((m) => m.templateId === MONEY);
    assert.deepEqual(money.map((m) => m.data.amount2), ['-10', '-20']);
    assert.deepEqual(await sentTo(payee), [], 'the payee granted nothing');
    const state = expectOk(await call(messagesHandler, { method: 'GET', path: '/v1/messages/preferences', token: who.token }));
    assert.deepEqual(state.grants, { MONEY: 0, SECURITY: 0, SERVICE: 0 });
    // Used up: off the push index, so a run reads nothing of this customer.
    const listed = (await scanTable()).filter((item) => String(item.PK).startsWith('MSGPUSH#') && item.SK === who.customerId);
    assert.deepEqual(listed, []);
    // A new grant pushes only what comes after it.
    expectOk(await grant(who, [MONEY]));
    await runPush();
    assert.equal((await sentTo(who)).filter((m) => m.templateId === MONEY).length, 2);
    expectOk(await transfer(who, payee, 4_000));
    await runPush();
    assert.deepEqual((await sentTo(who)).filter((m) => m.templateId === MONEY).map((m) => m.data.amount2), ['-10', '-20', '-40']);
  });

  test('paging: movements and stored messages merged newest first, every message once, one category at a time too', async () => {
    const who = await onboard({ name: '李四光' });
    const at = (i: number) => new Date(Date.now() - 60_000 + i * 1_000);
    for (let i = 0; i < 4; i++) {
      expectOk(await topUp(who, 100 + i));
      await postMessage({ customerId: who.customerId, kind: 'DEVICE_SIGNED_OUT', ref: `d-${i}`, at: at(i) });
    }
    await postMessage({ customerId: who.customerId, kind: 'CONSENT_WITHDRAWN', ref: 'c-1', at: new Date() });
    const whole = (await list(who, { limit: '50' })).items;
    assert.equal(whole.length, 9);
    const seen: MessageItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(who, { limit: '2', ...(cursor ? { cursor } : {}) });
      assert.ok(page.items.length <= 2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    assert.deepEqual(seen.map((m) => m.messageId), whole.map((m) => m.messageId));
    const times = seen.map((m) => m.at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    assert.equal(new Set(seen.map((m) => m.messageId)).size, 9);
    const security = (await list(who, { category: 'SECURITY', limit: '3' }));
    assert.deepEqual(security.items.map((m) => m.kind), ['DEVICE_SIGNED_OUT', 'DEVICE_SIGNED_OUT', 'DEVICE_SIGNED_OUT']);
    assert.ok(security.nextCursor);
    assert.equal((await list(who, { category: 'SECURITY', cursor: security.nextCursor! })).items.length, 1);
    assert.deepEqual((await list(who, { category: 'SERVICE' })).items.map((m) => m.kind), ['CONSENT_WITHDRAWN']);
    assert.deepEqual((await list(who, { category: 'MONEY' })).items.map((m) => m.amountFen), [103, 102, 101, 100]);
    expectError(await call(messagesHandler, { method: 'GET', path: '/v1/messages', token: who.token, query: { limit: '51' } }), 400, 'VALIDATION_FAILED');
  });
});
