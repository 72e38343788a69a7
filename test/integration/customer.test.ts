// The signed-in customer: profile and masking, phone binding, real-name check, payment PIN.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { businessDate } from '../../functions/domain/time.js';
import { decrypt } from '../../functions/store/crypto.js';
import { getCustomer } from '../../functions/store/customers.js';
import { hashPin } from '../../functions/store/pin-hash.js';
import { call, transcript, useBank } from '../support/bank.js';
import { idNumber, onboard, setPin, signIn, uniquePhone } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { scanTable } from '../support/ledger-check.js';
import { authorize, encryptPin } from '../support/second-factor.js';

useBank();

/** Every full personal value this file sends; none may come back in any response. */
const pii = new Set<string>();

const phoneCode = async (phone: string) => {
  pii.add(phone);
  return expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone } })).code as string;
};
const bindPhone = async (token: string, phone: string) => call(customer, { method: 'POST', path: '/v1/me/phone', token, body: { code: await phoneCode(phone) } });
const realName = (token: string, name: string, id: string) => {
  if ([...name].length >= 2) pii.add(name); // a masked name shows the first character
  pii.add(id);
  return call(customer, { method: 'POST', path: '/v1/me/real-name', token, body: { name, idNumber: id } });
};
/** A PIN request with the body given as is (setPin, from the support, builds a good one). */
const postPin = (token: string, body: unknown) => call(customer, { method: 'POST', path: '/v1/me/pin', token, body });
const getMe = async (token: string) => expectOk(await call(customer, { method: 'GET', path: '/v1/me', token }));

const CHINA_TODAY = () => businessDate(new Date());
const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(5, 7)}${date.slice(8, 10)}`;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('profile', () => {
  test('/v1/me has the contract shape and shows only masked personal data', async () => {
    const c = await onboard({ name: '欧阳娜娜' });
    for (const value of [c.phone, c.name, c.idNumber, c.cardNumber]) pii.add(value);
    const body = await getMe(c.token);
    assert.deepEqual(Object.keys(body).sort(), ['account', 'customerId', 'phoneMasked', 'pinLockedUntil', 'pinSet', 'realName', 'soterEnrolled']);
    assert.equal(body.customerId, c.customerId);
    assert.equal(body.phoneMasked, `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`);
    assert.equal(body.realName.nameMasked, '欧***');
    assert.match(body.realName.idNumberMasked, /^.\*{16}.$/);
    assert.ok(!Number.isNaN(Date.parse(body.realName.verifiedAt)));
    assert.equal(body.pinSet, true);
    assert.equal(body.pinLockedUntil, null);
    assert.deepEqual(Object.keys(body.account).sort(), ['accountClass', 'accountId', 'accountNumberMasked', 'balanceFen', 'boundCard', 'openedAt', 'status']);
    assert.equal(body.account.accountId, c.accountId);
    assert.equal(body.account.accountClass, 'II');
    assert.equal(body.account.balanceFen, 0);
    assert.equal(body.account.boundCard.bankName, '中国工商银行');
    assert.match(body.account.boundCard.cardNumberMasked, new RegExp(`${c.cardNumber.slice(-4)}$`));
    assert.equal((body.account.boundCard.cardNumberMasked.match(/\d/g) ?? []).length, 4);
    assert.match(body.account.accountNumberMasked, /^\d{4} \*{4} \*{4} \d{4}$/);
  });

  test('personal data is encrypted at rest, and the full account number is a Luhn-valid bank number that never leaves', async () => {
    const c = await onboard({ name: '司马相如' });
    for (const value of [c.phone, c.name, c.idNumber, c.cardNumber]) pii.add(value);
    const items = await scanTable();
    const table = JSON.stringify(items);
    for (const value of [c.phone, c.name, c.idNumber, c.cardNumber]) assert.ok(!table.includes(value), `${value} stored in the clear`);
    const profile = items.find((i) => i.type === 'CUSTOMER' && i.customerId === c.customerId)!;
    assert.equal(await decrypt(profile.idNumberEnc), c.idNumber);
    assert.equal(await decrypt(profile.phoneEnc), c.phone);
    assert.equal(await decrypt(profile.nameEnc), c.name);
    // The PIN is stored as a keyed hash (HMAC under the PIN key in force, customer id mixed in).
    assert.match(profile.pinHash, /^hmac1\$local-1\$[A-Za-z0-9_-]{43}$/);
    assert.equal(profile.pinHash, await hashPin(c.customerId, c.pin));
    const account = items.find((i) => i.type === 'ACCOUNT' && i.accountId === c.accountId)!;
    const accountNumber = await decrypt(account.accountNumberEnc);
    assert.match(accountNumber, /^623688\d{13}$/);
    pii.add(accountNumber);
  });
});

describe('phone binding', () => {
  test('binds once; a second bind is refused and changes nothing', async () => {
    const { token } = await signIn();
    const phone = uniquePhone();
    const body = expectOk(await bindPhone(token, phone));
    assert.equal(body.phoneMasked, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expectError(await bindPhone(token, uniquePhone()), 409, 'PHONE_ALREADY_BOUND');
    expectError(await bindPhone(token, phone), 409, 'PHONE_ALREADY_BOUND');
    assert.equal((await getMe(token)).phoneMasked, body.phoneMasked);
  });

  test('a phone bound by one customer cannot be bound by another', async () => {
    const a = await signIn();
    const b = await signIn();
    const phone = uniquePhone();
    expectOk(await bindPhone(a.token, phone));
    expectError(await bindPhone(b.token, phone), 409, 'PHONE_IN_USE');
    assert.equal((await getMe(b.token)).phoneMasked, null);
    // b can still bind a phone of its own afterwards.
    expectOk(await bindPhone(b.token, uniquePhone()));
  });

  test('two customers racing for one phone: exactly one gets it', async () => {
    const [a, b] = await Promise.all([signIn(), signIn()]);
    const phone = uniquePhone();
    const code = await phoneCode(phone);
    const results = await Promise.all([a, b].map((s) => call(customer, { method: 'POST', path: '/v1/me/phone', token: s.token, body: { code } })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    expectError(results.find((r) => r.status === 409)!, 409, 'PHONE_IN_USE');
  });

  test('a phone code WeChat does not recognise is refused', async () => {
    const { token } = await signIn();
    expectError(await call(customer, { method: 'POST', path: '/v1/me/phone', token, body: { code: 'not-a-real-code' } }), 400, 'PHONE_CODE_INVALID');
    assert.equal((await getMe(token)).phoneMasked, null);
  });
});

describe('real-name verification', () => {
  test('before the phone is bound: 422 PHONE_REQUIRED', async () => {
    const { token } = await signIn();
    expectError(await realName(token, '张三', idNumber()), 422, 'PHONE_REQUIRED');
    assert.equal((await getMe(token)).realName, null);
  });

  test('a wrong check character is a 400, and nothing is recorded', async () => {
    const { token } = await signIn();
    expectOk(await bindPhone(token, uniquePhone()));
    const valid = idNumber();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expectError(await realName(token, '张三', wrong), 400, 'ID_NUMBER_INVALID');
    expectError(await realName(token, '张三', '110105' + '19900230' + '0010'), 400, 'ID_NUMBER_INVALID');
    assert.equal((await getMe(token)).realName, null);
    // The same customer can then verify with a correct number.
    expectOk(await realName(token, '张三', valid));
  });

  test('under 18 today is refused (422 UNDERAGE); turning 18 today is accepted', async () => {
    const today = CHINA_TODAY();
    const young = await signIn();
    expectOk(await bindPhone(young.token, uniquePhone()));
    expectError(await realName(young.token, '李小龙', idNumber(yearsBefore(dayAfter(today), 18))), 422, 'UNDERAGE');
    assert.equal((await getMe(young.token)).realName, null);

    const birthday = yearsBefore(today, 18);
    if (birthday.endsWith('0229') && Number(birthday.slice(0, 4)) % 4 !== 0) return; // no such birthday
    const adult = await signIn();
    expectOk(await bindPhone(adult.token, uniquePhone()));
    const verified = expectOk(await realName(adult.token, '李小龙', idNumber(birthday)));
    assert.equal(verified.realName.nameMasked, '李**');
  });

  test('one ID number verifies one customer only, whatever the case of its X', async () => {
    const a = await signIn();
    const b = await signIn();
    const c = await signIn();
    for (const s of [a, b, c]) expectOk(await bindPhone(s.token, uniquePhone()));
    let id = idNumber();
    for (let n = 0; !id.endsWith('X'); n++) id = idNumber(); // find one ending in X
    expectOk(await realName(a.token, '张三', id));
    expectError(await realName(b.token, '张三', id), 409, 'ID_NUMBER_IN_USE');
    expectError(await realName(c.token, '李四', id.toLowerCase()), 409, 'ID_NUMBER_IN_USE');
    assert.equal((await getMe(b.token)).realName, null);
    // ...and a customer verifies only once.
    expectError(await realName(a.token, '张三', idNumber()), 409, 'ALREADY_VERIFIED');
  });

  test('names must be 2–30 Han characters, counted in characters, parts joined by ·', async () => {
    const { token } = await signIn();
    expectOk(await bindPhone(token, uniquePhone()));
    for (const name of ['张', 'Zhang San', '张三1', '张'.repeat(31), '𠮷'.repeat(31), '<script>', '王😀', '王\uD842', '·王明', '王··明']) {
      expectError(await realName(token, name, idNumber()), 400, 'VALIDATION_FAILED');
    }
    assert.equal((await getMe(token)).realName, null);
    expectOk(await realName(token, '阿卜杜·热合曼', idNumber()));
  });

  test('a name in any Han character (CJK extensions too) opens an account: stored whole, shown masked by character', async () => {
    const c = await onboard({ name: '王𠮷' });
    pii.add(c.name);
    assert.equal((await getMe(c.token)).realName.nameMasked, '王*');
    const stored = (await getCustomer(c.customerId))!;
    assert.equal(await decrypt(stored.nameEnc!), '王𠮷');
    assert.equal(stored.nameMasked, '王*');
    for (const [name, masked] of [['刘䶮', '刘*'], ['陈龦', '陈*'], ['𠮷野家', '𠮷**'], ['𠮷'.repeat(30), `𠮷${'*'.repeat(29)}`]] as const) {
      const { token } = await signIn();
      expectOk(await bindPhone(token, uniquePhone()));
      assert.equal(expectOk(await realName(token, name, idNumber())).realName.nameMasked, masked, name);
    }
  });

  test('a look-alike dot is taken as the ID card’s middle dot, and the name is kept with it', async () => {
    const { token, customerId } = await signIn();
    expectOk(await bindPhone(token, uniquePhone()));
    expectOk(await realName(token, '阿沛・阿旺晋美', idNumber()));
    assert.equal(await decrypt((await getCustomer(customerId))!.nameEnc!), '阿沛·阿旺晋美');
  });
});

describe('payment PIN', () => {
  async function verifiedCustomer(birth = '19900307') {
    const session = await signIn();
    expectOk(await bindPhone(session.token, uniquePhone()));
    expectOk(await realName(session.token, '王小明', idNumber(birth)));
    return session;
  }

  test('cannot be set before the real-name check (so a birthday PIN can be recognised)', async () => {
    const { token } = await signIn();
    expectError(await setPin(token, '135790'), 422, 'PHONE_REQUIRED');
    expectOk(await bindPhone(token, uniquePhone()));
    expectError(await setPin(token, '135790'), 422, 'REAL_NAME_REQUIRED');
    assert.equal((await getMe(token)).pinSet, false);
  });

  test('weak PINs and the holder\'s birthday are refused; a strong one is accepted', async () => {
    const { token } = await verifiedCustomer('19900307');
    for (const pin of ['111111', '123456', '654321', '121212', '123123', '900307', '030790', '070390']) {
      expectError(await setPin(token, pin), 400, 'PIN_TOO_WEAK');
    }
    // Not six digits: the cipher holds no PIN the bank accepts.
    for (const pin of ['12345', '1234567', 'abcdef']) expectError(await setPin(token, pin), 403, 'PIN_CIPHER_INVALID');
    assert.equal((await getMe(token)).pinSet, false);
    assert.equal(expectOk(await setPin(token, '471395')).pinSet, true);
  });

  test('the new PIN only ever travels encrypted with a nonce asked for this request: anything else is refused and sets nothing', async () => {
    const { token } = await verifiedCustomer();
    const asked = await authorize(token, '/v1/me/pin', {});
    const good = { nonce: asked.nonce, pinCipher: encryptPin(asked, '471395') };
    for (const body of [
      { pin: '471395' },
      { newPin: '471395' },
      { newPin: good, pin: '471395' },
      { newPin: { nonce: asked.nonce } },
      { newPin: { nonce: 'not-a-nonce-at-all', pinCipher: good.pinCipher } },
      { newPin: { nonce: asked.nonce, pinCipher: good.pinCipher.toUpperCase() } },
      { newPin: { nonce: asked.nonce, pinCipher: 'ab'.repeat(40) } },
      { newPin: { ...good, pin: '471395' } },
      {},
    ]) {
      expectError(await postPin(token, body), 400, 'VALIDATION_FAILED');
    }
    // Well-formed but not this request's: another customer's nonce, one asked for another body.
    const someoneElse = await verifiedCustomer();
    const theirs = await authorize(someoneElse.token, '/v1/me/pin', {});
    expectError(await postPin(token, { newPin: { nonce: theirs.nonce, pinCipher: encryptPin(theirs, '471395') } }), 403, 'NONCE_INVALID');
    const withBody = await authorize(token, '/v1/me/pin', { pin: '471395' });
    expectError(await postPin(token, { newPin: { nonce: withBody.nonce, pinCipher: encryptPin(withBody, '471395') } }), 403, 'NONCE_MISMATCH');
    // The PIN encrypted with another challenge than its nonce's.
    expectError(await postPin(token, { newPin: { nonce: asked.nonce, pinCipher: encryptPin(asked, '471395', { challenge: withBody.challenge }) } }), 403, 'PIN_CIPHER_INVALID');
    assert.equal((await getMe(token)).pinSet, false);
    // The nonce was not used up by any of that.
    assert.equal(expectOk(await postPin(token, { newPin: good })).pinSet, true);
    // ...and now it is.
    expectError(await postPin(token, { newPin: good, secondFactor: { nonce: asked.nonce, pinCipher: encryptPin(asked, '471395') } }), 409, 'NONCE_USED');
  });

  test('changing the PIN needs the current one, and a wrong current PIN counts as a wrong attempt', async () => {
    const { token } = await verifiedCustomer();
    expectOk(await setPin(token, '471395'));
    expectError(await setPin(token, '802461'), 400, 'CURRENT_PIN_REQUIRED');
    const wrong = await setPin(token, '802461', '999990');
    expectError(wrong, 403, 'PIN_INCORRECT');
    assert.match(wrong.body.error.message, /4/);
    expectOk(await setPin(token, '802461', '471395'));
    // The old PIN is no longer the current one; the new one is.
    expectError(await setPin(token, '390517', '471395'), 403, 'PIN_INCORRECT');
    expectOk(await setPin(token, '390517', '802461'));
  });

  test('a changed PIN must still be strong', async () => {
    const { token } = await verifiedCustomer('19851123');
    expectOk(await setPin(token, '471395'));
    expectError(await setPin(token, '851123', '471395'), 400, 'PIN_TOO_WEAK');
    expectError(await setPin(token, '000000', '471395'), 400, 'PIN_TOO_WEAK');
  });
});

describe('privacy', () => {
  test('no response in this file carried a full phone, name, ID, card or account number', () => {
    assert.ok(transcript.filter((r) => !r.path.startsWith('/v1/sim/')).length > 40);
    assert.ok(pii.size > 20);
    assertNoPersonalDataInResponses(pii);
  });
});
