// Customers built through the real API, step by step, as the mini-program does.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { SIMULATOR_CARDS } from '../../functions/adapters/simulators/card-gateway.js';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { call } from './bank.js';
import { authorize, encryptPin } from './second-factor.js';

let sequence = 0;

/** A valid resident ID number for someone born on `birth` (YYYYMMDD), unique per call. */
export function idNumber(birth = '19900307'): string {
  sequence += 1;
  const body = `110105${birth}${String(sequence % 1000).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

export function uniquePhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** A Luhn-valid debit card number with the given last digits before the check digit. */
export function cardNumber(bin = '622202', ending?: string): string {
  if (ending) {
    // Find a body whose completed number ends with `ending` (the simulator keys on it).
    for (let n = 0; n < 10_000; n++) {
      const body = `${bin}${String(n).padStart(9, '0')}${ending.slice(0, -1)}`;
      if (luhnCheckDigit(body) === ending.slice(-1)) return body + ending.slice(-1);
    }
    throw new Error(`no card number ends with ${ending}`);
  }
  // A random card never ends as the simulator's failing cards do (1 in 10,000 each: a suite that
  // onboards thousands of customers met one now and then).
  for (let attempt = 0; attempt < 100; attempt++) {
    const body = `${bin}${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
    const card = body + luhnCheckDigit(body);
    if (!Object.values(SIMULATOR_CARDS).some((failing) => card.endsWith(failing))) return card;
  }
  throw new Error('no card number that the simulator accepts');
}

/** The device a simulated user signs in on unless a test names another: one per user, as the
 *  mini-program keeps one per installation, so signing in again is on a known device. */
export const deviceOf = (user: string) => `t-${createHash('sha256').update(user).digest('hex').slice(0, 32)}`;

export async function signIn(user: string = randomUUID(), deviceId: string = deviceOf(user)): Promise<{ token: string; refreshToken: string; customerId: string }> {
  const code = await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user } });
  assert.equal(code.status, 200, JSON.stringify(code.body));
  const session = await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: code.body.code, deviceId } });
  assert.equal(session.status, 200, JSON.stringify(session.body));
  return { token: session.body.accessToken, refreshToken: session.body.refreshToken, customerId: session.body.me.customerId };
}

export interface Onboarded {
  token: string;
  customerId: string;
  phone: string;
  name: string;
  pin: string;
  accountId: string;
  idNumber: string;
  cardNumber: string;
}

/** Everyone `onboard` created in this test process, for privacy scans of the responses. */
export const onboarded: Onboarded[] = [];

/** Signs a new customer in and takes them through phone, real name, PIN and account opening. */
export async function onboard(options: { name?: string; pin?: string; card?: string; idNumber?: string; deviceId?: string; user?: string } = {}): Promise<Onboarded> {
  // A device that opened a manager's link signs in attributed to that manager.
  const { token, customerId } = await signIn(options.user, options.deviceId);
  const phone = uniquePhone();
  const name = options.name ?? '王小明';
  const pin = options.pin ?? '135790';
  const id = options.idNumber ?? idNumber();
  const card = options.card ?? cardNumber();
  const phoneCode = await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone } });
  const steps = [
    await call(customer, { method: 'POST', path: '/v1/me/phone', token, body: { code: phoneCode.body.code } }),
    await call(customer, { method: 'POST', path: '/v1/me/real-name', token, body: { name, idNumber: id } }),
  ];
  steps.push(await setPin(token, pin));
  steps.push(await call(account, { method: 'POST', path: '/v1/account', token, body: { cardNumber: card } }));
  for (const step of steps) assert.equal(step.status, 200, JSON.stringify(step.body));
  const who = { token, customerId, phone, name, pin, accountId: steps[3]!.body.accountId, idNumber: id, cardNumber: card };
  onboarded.push(who);
  return who;
}

/** Sets the first PIN (`current` absent) or changes it, both encrypted as the keypad does. */
export async function setPin(token: string, pin: string, current?: string) {
  const authorization = await authorize(token, '/v1/me/pin', {});
  const newPin = { nonce: authorization.nonce, pinCipher: encryptPin(authorization, pin) };
  const secondFactor = current === undefined ? undefined : { nonce: authorization.nonce, pinCipher: encryptPin(authorization, current) };
  return call(customer, { method: 'POST', path: '/v1/me/pin', token, body: { newPin, ...(secondFactor ? { secondFactor } : {}) } });
}

/** A money POST confirmed with `pin` (the customer's own unless given). A request refused when
 *  its nonce is asked (no account, no such payee…) answers with that refusal, as the device
 *  shows it before the review sheet. */
/** A money request through its review sheet and PIN, as the app sends it. A transfer the
 *  anti-fraud rules warn about is confirmed as the customer would (the body asked again with
 *  riskAcknowledged: true) unless `confirmRisk` is false: then the warned body is sent as it was. */
export async function pay(
  who: { token: string; pin: string },
  handler: Parameters<typeof call>[0],
  path: string,
  body: Record<string, unknown>,
  { key = randomUUID() as string, pin = who.pin, confirmRisk = true }: { key?: string; pin?: string; confirmRisk?: boolean } = {},
) {
  const ask = (asked: Record<string, unknown>) => call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: who.token, body: { method: 'POST', path, body: asked, idempotencyKey: key } });
  let sent = body;
  let asked = await ask(sent);
  if (asked.status !== 200) return asked;
  if (confirmRisk && asked.body.review?.risk?.acknowledged === false) {
    sent = { ...body, riskAcknowledged: true };
    asked = await ask(sent);
    if (asked.status !== 200) return asked;
  }
  const secondFactor = { nonce: asked.body.nonce, pinCipher: encryptPin(asked.body, pin) };
  return call(handler, { method: 'POST', path, token: who.token, idempotencyKey: key, body: { ...sent, secondFactor } });
}

export async function topUp(who: Onboarded, amountFen: number, key: string = randomUUID()) {
  return pay(who, account, '/v1/account/top-up', { amountFen }, { key });
}

export async function withdraw(who: Onboarded, amountFen: number, key: string = randomUUID()) {
  return pay(who, account, '/v1/account/withdraw', { amountFen }, { key });
}

export async function transfer(from: Onboarded, to: Onboarded, amountFen: number, key: string = randomUUID()) {
  return pay(from, account, '/v1/account/transfer', { toPhone: to.phone, amountFen }, { key });
}

export async function balanceFen(who: Onboarded): Promise<number> {
  const detail = await call(account, { method: 'GET', path: '/v1/account', token: who.token });
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  return detail.body.balanceFen;
}

/** The customer's receipt of one journal (交易详情), as the history detail route answers it. */
export async function historyEntry(who: { token: string }, journalId: string) {
  const entry = await call(account, { method: 'GET', path: `/v1/account/history/${journalId}`, token: who.token });
  assert.equal(entry.status, 200, JSON.stringify(entry.body));
  return entry.body;
}
