// 更换手机号 (issue 17 point 1, the phone) through the real handlers on DynamoDB Local, the SMS
// gateway simulated: a code to the old phone and one to the new phone — or, the old phone lost,
// the identity check with the new phone's code — then the phone's lookup item moved with the
// phone in one transaction (payers find the customer by the new phone only), the history kept,
// the event recorded and both phones told. Every refusal changes nothing but the codes' counts.
import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { handler as account } from '../../functions/http/account.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as messagesHandler } from '../../functions/http/messages.js';
import { handler as phoneChange } from '../../functions/http/phone-change.js';
import { handler as pinReset } from '../../functions/http/pin-reset.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { customerEvents } from '../../functions/store/customer-events.js';
import { call, type CallResult, useBank } from '../support/bank.js';
import { balanceFen, cardNumber, type Onboarded, onboard, pay, signIn, topUp, transfer, uniquePhone } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, type Item, scanTable } from '../support/ledger-check.js';

useBank();

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

const sendCode = (who: { token: string }, body: { to: 'OLD' } | { to: 'NEW'; newPhone: string }) =>
  call(phoneChange, { method: 'POST', path: '/v1/me/phone-change/code', token: who.token, body });
const change = (who: { token: string }, body: Record<string, string>) => call(phoneChange, { method: 'POST', path: '/v1/me/phone-change', token: who.token, body });
const bindingsOf = async (who: { token: string }) => expectOk(await call(phoneChange, { method: 'GET', path: '/v1/me/phone-changes', token: who.token }));
const payee = (who: { token: string }, phone: string) => call(account, { method: 'GET', path: '/v1/account/payee', token: who.token, query: { phone } });

async function inbox(phone: string): Promise<{ template: string; text: string; params: Record<string, string> }[]> {
  return expectOk(await call(simulator, { method: 'GET', path: '/v1/sim/sms/messages', query: { phone } })).messages;
}

/** Sends a code to the old phone (or the new one) and reads it off that simulated phone. */
async function codeTo(who: Onboarded, to: 'OLD' | string): Promise<string> {
  const sent = expectOk(await sendCode(who, to === 'OLD' ? { to } : { to: 'NEW', newPhone: to }));
  const phone = to === 'OLD' ? who.phone : to;
  assert.equal(sent.phoneMasked, masked(phone));
  const [latest] = await inbox(phone);
  assert.equal(latest?.template, to === 'OLD' ? 'PHONE_CHANGE_CODE' : 'PHONE_CHANGE_NEW_CODE');
  return latest!.params.code!;
}

/** The refusal's message, once it is the one expected. */
function messageOf(res: CallResult, status: number, code: string): string {
  expectError(res, status, code);
  return res.body.error.message;
}

/** A code other than `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The table but the codes' counts and the simulated phones' inboxes: what a refusal must not change. */
async function tableButCodes(): Promise<Item[]> {
  return (await scanTable()).filter((item) => !String(item.PK).startsWith('SIMSMS#') && item.SK !== 'PINRESET' && item.SK !== 'NEWPHONECODE');
}

/** The phone lookup items that name `who`. */
const phoneItemsOf = (items: Item[], who: Onboarded) => items.filter((item) => item.type === 'PHONE' && item.customerId === who.customerId);

describe('更换手机号 with the old phone', () => {
  test('both codes: the phone changes, payers find the customer by the new phone only, the history keeps both, both phones are told', async () => {
    const [a, payer] = await Promise.all([onboard({ name: '孙悟空' }), onboard({ name: '猪八戒' })]);
    expectOk(await topUp(payer, 10_000));
    const before = await bindingsOf(a);
    assert.deepEqual(before, { phoneMasked: masked(a.phone), changes: [] });
    const phoneItemBefore = phoneItemsOf(await scanTable(), a);
    assert.equal(phoneItemBefore.length, 1);

    const newPhone = uniquePhone();
    const oldCode = await codeTo(a, 'OLD');
    const newCode = await codeTo(a, newPhone);
    const done = expectOk(await change(a, { newPhone, newPhoneCode: newCode, oldPhoneCode: oldCode }));
    assert.equal(done.phoneMasked, masked(newPhone));
    assert.deepEqual({ ...done.change, changedAt: '-' }, { oldPhoneMasked: masked(a.phone), newPhoneMasked: masked(newPhone), changedAt: '-', verifiedBy: 'OLD_PHONE_CODE' });
    assert.deepEqual(await bindingsOf(a), { phoneMasked: masked(newPhone), changes: [done.change] });
    const me = expectOk(await call(customer, { method: 'GET', path: '/v1/me', token: a.token }));
    assert.equal(me.phoneMasked, masked(newPhone));

    // One lookup item, the new phone's; no phone in the clear anywhere.
    const items = await scanTable();
    const phoneItems = phoneItemsOf(items, a);
    assert.equal(phoneItems.length, 1);
    assert.notEqual(phoneItems[0]!.PK, phoneItemBefore[0]!.PK);
    const raw = JSON.stringify(items.filter((item) => !String(item.PK).startsWith('SIMSMS#')));
    assert.ok(!raw.includes(newPhone) && !raw.includes(a.phone), 'no item holds a phone in the clear');
    assert.equal(items.filter((item) => item.type === 'PHONE_CHANGE' && item.customerId === a.customerId).length, 1);

    // Both phones told; the event recorded.
    for (const phone of [a.phone, newPhone]) {
      const [notice] = await inbox(phone);
      assert.equal(notice!.template, 'PHONE_CHANGED_NOTICE');
      assert.ok(notice!.text.includes(`由 ${masked(a.phone)} 更换为 ${masked(newPhone)}`), notice!.text);
    }
    assert.equal((await customerEvents(a.customerId)).filter((event) => event.kind === 'PHONE_CHANGED').length, 1);
    const messages = expectOk(await call(messagesHandler, { method: 'GET', path: '/v1/messages', token: a.token })).items as { kind: string; category: string }[];
    assert.deepEqual(messages.filter((m) => m.kind === 'PHONE_CHANGED').map((m) => m.category), ['SECURITY'], 'a security message in the message centre');

    // A payer: the new phone reaches the customer, the old phone finds nobody.
    assert.equal(expectOk(await payee(payer, newPhone)).nameMasked, '孙**');
    expectError(await payee(payer, a.phone), 404, 'PAYEE_NOT_FOUND');
    const balance = await balanceFen(a);
    expectOk(await transfer(payer, { ...a, phone: newPhone }, 1_234));
    assert.equal(await balanceFen(a), balance + 1_234);
    expectError(await transfer(payer, a, 100), 404, 'PAYEE_NOT_FOUND');

    // The codes are used up; the next change needs new ones, and the old phone is no longer the bound one.
    expectError(await change(a, { newPhone: uniquePhone(), newPhoneCode: newCode, oldPhoneCode: oldCode }), 422, 'SMS_CODE_EXPIRED');
    await assertLedgerSound();
  });

  test('a wrong or expired code is refused by name, counted, and changes nothing', async (t) => {
    t.after(() => mock.timers.reset());
    const start = Date.now();
    mock.timers.enable({ apis: ['Date'], now: start });
    const a = await onboard({ name: '沙和尚' });
    const newPhone = uniquePhone();
    const oldCode = await codeTo(a, 'OLD');
    const newCode = await codeTo(a, newPhone);
    const before = await tableButCodes();

    const wrongOld = messageOf(await change(a, { newPhone, newPhoneCode: newCode, oldPhoneCode: wrong(oldCode) }), 422, 'SMS_CODE_INVALID');
    assert.equal(wrongOld, '原手机号验证码错误，还可尝试 2 次');
    const wrongNew = messageOf(await change(a, { newPhone, newPhoneCode: wrong(newCode), oldPhoneCode: oldCode }), 422, 'SMS_CODE_INVALID');
    assert.equal(wrongNew, '新手机号验证码错误，还可尝试 2 次');
    // The new phone's code is that phone's only.
    expectError(await change(a, { newPhone: uniquePhone(), newPhoneCode: newCode, oldPhoneCode: oldCode }), 422, 'SMS_CODE_INVALID');
    assert.deepEqual(await tableButCodes(), before);

    // Five minutes on, both codes are spent.
    mock.timers.setTime(start + 5 * 60_000 + 1_000);
    const expired = messageOf(await change(a, { newPhone, newPhoneCode: newCode, oldPhoneCode: oldCode }), 422, 'SMS_CODE_EXPIRED');
    assert.equal(expired, '原手机号验证码已失效，请重新获取');
    assert.deepEqual(await tableButCodes(), before);
    assert.equal(expectOk(await payee(a, a.phone)).nameMasked, '沙**');
  });

  test('a phone another customer holds: 409 PHONE_IN_USE when the code is asked and when the change is sent, nothing changes', async () => {
    const [a, b] = await Promise.all([onboard({ name: '唐三藏' }), onboard({ name: '白龙马' })]);
    expectError(await sendCode(a, { to: 'NEW', newPhone: b.phone }), 409, 'PHONE_IN_USE');
    assert.deepEqual(await inbox(b.phone), [], 'no code went to the other customer\'s phone');
    expectError(await sendCode(a, { to: 'NEW', newPhone: a.phone }), 422, 'PHONE_UNCHANGED');

    // Taken between the code and the change: a newcomer binds it at sign-up.
    const newPhone = uniquePhone();
    const oldCode = await codeTo(a, 'OLD');
    const newCode = await codeTo(a, newPhone);
    const newcomer = await signIn();
    const phoneCode = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone: newPhone } })).code;
    expectOk(await call(customer, { method: 'POST', path: '/v1/me/phone', token: newcomer.token, body: { code: phoneCode } }));
    const before = await scanTable();
    const refused = messageOf(await change(a, { newPhone, newPhoneCode: newCode, oldPhoneCode: oldCode }), 409, 'PHONE_IN_USE');
    assert.equal(refused, '该手机号已被其他用户绑定');
    assert.deepEqual(await scanTable(), before);
    assert.equal(expectOk(await payee(b, a.phone)).nameMasked, '唐**');
    assert.deepEqual((await bindingsOf(a)).changes, []);
  });
});

describe('更换手机号 with the old phone lost: the identity check', () => {
  test('real name, ID number and bound card with the new phone\'s code; a wrong answer is one IDENTITY_MISMATCH and changes nothing', async () => {
    const [a, payer] = await Promise.all([onboard({ name: '林黛玉' }), onboard({ name: '贾宝玉' })]);
    expectOk(await topUp(payer, 5_000));
    const newPhone = uniquePhone();
    const newCode = await codeTo(a, newPhone);
    const identity = { realName: a.name, idNumber: a.idNumber, cardNumber: a.cardNumber };
    const before = await tableButCodes();
    for (const answers of [{ ...identity, realName: '薛宝钗' }, { ...identity, cardNumber: cardNumber() }]) {
      expectError(await change(a, { newPhone, newPhoneCode: newCode, ...answers }), 422, 'IDENTITY_MISMATCH');
    }
    // A wrong code is named before the answers are judged.
    expectError(await change(a, { newPhone, newPhoneCode: wrong(newCode), ...identity, realName: '薛宝钗' }), 422, 'SMS_CODE_INVALID');
    assert.deepEqual(await tableButCodes(), before);
    assert.deepEqual(await inbox(a.phone), [], 'nothing went to the lost phone yet');

    const done = expectOk(await change(a, { newPhone, newPhoneCode: newCode, ...identity, idNumber: a.idNumber.toLowerCase() }));
    assert.equal(done.change.verifiedBy, 'IDENTITY_CHECK');
    assert.deepEqual((await bindingsOf(a)).changes, [done.change]);
    assert.equal((await inbox(a.phone))[0]!.template, 'PHONE_CHANGED_NOTICE', 'the lost phone is told too');
    expectOk(await pay(payer, account, '/v1/account/transfer', { toPhone: newPhone, amountFen: 500 }));
    assert.equal(await balanceFen(a), 500);
    expectError(await payee(payer, a.phone), 404, 'PAYEE_NOT_FOUND');
  });

  test('five wrong answers lock the new phone\'s check for a day', async () => {
    const a = await onboard({ name: '王熙凤' });
    const newPhone = uniquePhone();
    const newCode = await codeTo(a, newPhone);
    const wrongIdentity = { realName: '平儿', idNumber: a.idNumber, cardNumber: a.cardNumber };
    for (let n = 1; n <= 4; n++) expectError(await change(a, { newPhone, newPhoneCode: newCode, ...wrongIdentity }), 422, 'IDENTITY_MISMATCH');
    expectError(await change(a, { newPhone, newPhoneCode: newCode, ...wrongIdentity }), 423, 'PIN_RESET_LOCKED');
    expectError(await change(a, { newPhone, newPhoneCode: newCode, realName: a.name, idNumber: a.idNumber, cardNumber: a.cardNumber }), 423, 'PIN_RESET_LOCKED');
    expectError(await sendCode(a, { to: 'NEW', newPhone }), 423, 'PIN_RESET_LOCKED');
    assert.equal((await bindingsOf(a)).phoneMasked, masked(a.phone));
  });
});

describe('the limits on sending', () => {
  test('60 s between codes to each phone, 5 a day; the old phone\'s codes count with the identity check\'s', async (t) => {
    t.after(() => mock.timers.reset());
    // Ten minutes of one China day: an hour on when the real clock is near its midnight.
    const chinaMinutesOfDay = (Date.now() / 60_000 + 8 * 60) % (24 * 60);
    const start = Date.now() + (chinaMinutesOfDay > 23 * 60 ? 3_600_000 : 0);
    mock.timers.enable({ apis: ['Date'], now: start });
    const a = await onboard({ name: '刘姥姥' });
    const newPhone = uniquePhone();
    await codeTo(a, newPhone);
    expectError(await sendCode(a, { to: 'NEW', newPhone }), 409, 'SMS_CODE_TOO_FREQUENT');
    // The old phone's wait is the identity check's: a PIN-reset code was just sent.
    expectOk(await call(pinReset, { method: 'POST', path: '/v1/me/pin-reset/code', token: a.token, body: {} }));
    expectError(await sendCode(a, { to: 'OLD' }), 409, 'SMS_CODE_TOO_FREQUENT');

    for (let n = 2; n <= 5; n++) {
      mock.timers.setTime(start + n * 61_000);
      assert.equal(expectOk(await sendCode(a, { to: 'NEW', newPhone })).sendsLeftToday, 5 - n);
    }
    mock.timers.setTime(start + 7 * 61_000);
    expectError(await sendCode(a, { to: 'NEW', newPhone }), 422, 'SMS_SEND_LIMIT');
    expectError(await sendCode(a, { to: 'NEW', newPhone: uniquePhone() }), 422, 'SMS_SEND_LIMIT');
    assert.equal((await inbox(newPhone)).length, 5);
  });
});
