// The bank test's customers, created before the clients start: signed in, phone bound, real
// name checked, PIN set, e-account opened and funded, a consumer credit line approved, the wealth
// risk questionnaire answered, money-market units bought and confirmed — through the real handlers, in this process
// (no faults here: the faults belong to the run, not to its preparation).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import assert from 'node:assert/strict';
import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { handler as account } from '../../functions/http/account.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { handler as wealth } from '../../functions/http/wealth.js';
import { runDayClose } from '../../functions/services/day-close.js';
import { releaseDueTransfers } from '../../functions/services/held-transfers.js';
import { DEFAULT_RISK_RULE_SET, MAX_DELAY_HOURS, type RiskRuleSet } from '../../functions/domain/risk-rules.js';
import { putRiskRuleSet } from '../../functions/store/movement-risk.js';
import { RISK_QUESTIONNAIRE_VERSION, RISK_QUESTIONS } from '../../functions/domain/wealth/risk.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { call } from '../support/bank.js';
import { deviceOf, setPin } from '../support/customers.js';
import { loanApplicationRequest } from '../support/loan-application.js';
import { confirmed } from '../support/second-factor.js';
import { BANK_MONEY_MARKET_UNITS_CENTI, BANK_WEALTH, type CustomerSpec } from './plan.js';

export interface LiveCustomer {
  spec: CustomerSpec;
  customerId: string;
  accountId: string;
  token: string;
  tokenIssuedAt: number;
  /** Loans the clients were told were drawn, oldest first (repayments pick from them). */
  loanIds: string[];
  /** Wealth orders the clients were told were bought, oldest first (cancels pick from them). */
  orderIds: string[];
}

/** The product the bank test borrows from, and the application every customer makes for it. */
export const BANK_LOAN_PRODUCT = 'consumer-credit';
const LOAN_APPLICATION = loanApplicationRequest({ amountFen: 5_000_000, monthlyIncomeFen: 3_000_000 });

/** Every answer scores 3: 30 points, C3 — may buy R1–R3, so every product the test buys. */
const RISK_ANSWERS = {
  questionnaireVersion: RISK_QUESTIONNAIRE_VERSION,
  answers: RISK_QUESTIONS.map((question) => ({ questionId: question.questionId, optionId: question.options.find((option) => option.score === 3)!.optionId })),
};

const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** The bank customers start with legacy scrypt PIN hashes, as a table written before keyed hashes
 *  holds them (functions/store/pin-hash.ts): each customer's first right PIN is verified by scrypt
 *  and rewrites the hash to the keyed form, under the harness's faults; later checks are keyed.
 *  Legacy hashes were N = 2^15 (~150 ms of CPU per check here); the verifier reads N from the
 *  stored hash, so the fixture stores N = 2^10 to keep set-up and first checks cheap. */
export const BANK_PIN_SCRYPT_N = 2 ** 10;

async function cheapPinHash(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(pin, salt, 32, { N: BANK_PIN_SCRYPT_N, r: 8, p: 1 });
  return `scrypt$${BANK_PIN_SCRYPT_N}$${salt.toString('base64')}$${derived.toString('base64')}`;
}

const ok = <T = any>(res: { status: number; body: T }, what: string): T => {
  assert.equal(res.status, 200, `${what}: ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A fresh access token for the customer, through the sign-in route. */
export async function signIn(user: string): Promise<{ token: string; customerId: string }> {
  const code = ok(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user } }), 'login code').code;
  // One device per customer, as the mini-program keeps one per installation: a renewal signs in
  // on a known device, trusted with money.
  const session = ok(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code, deviceId: deviceOf(user) } }), 'sign-in');
  return { token: session.accessToken, customerId: session.me.customerId };
}

/** A money POST in the set-up, confirmed as the device does (a nonce for it, the PIN encrypted). */
async function pay(handler: Parameters<typeof call>[0], token: string, path: string, key: string, body: Record<string, unknown>, pin: string) {
  return call(handler, { method: 'POST', path, token, idempotencyKey: key, body: await confirmed(token, path, body, pin) });
}

export async function onboard(spec: CustomerSpec): Promise<LiveCustomer> {
  const { token, customerId } = await signIn(spec.user);
  const phoneCode = ok(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone: spec.phone } }), 'phone code').code;
  ok(await call(customer, { method: 'POST', path: '/v1/me/phone', token, body: { code: phoneCode } }), 'bind phone');
  ok(await call(customer, { method: 'POST', path: '/v1/me/real-name', token, body: { name: spec.name, idNumber: spec.idNumber } }), 'real name');
  ok(await setPin(token, spec.pin), 'set PIN');
  const opened = ok(await call(account, { method: 'POST', path: '/v1/account', token, body: { cardNumber: spec.card } }), 'open account');
  const { doc, tableName } = db();
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.customer(customerId),
      UpdateExpression: 'SET pinHash = :h',
      ConditionExpression: 'attribute_exists(pinHash)',
      ExpressionAttributeValues: { ':h': await cheapPinHash(spec.pin) },
    }),
  );
  const decision = ok(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token, body: LOAN_APPLICATION }), 'loan application');
  assert.equal(decision.outcome, 'APPROVED', `bank customer ${spec.index}'s credit line: ${JSON.stringify(decision)}`);
  ok(await call(wealth, { method: 'POST', path: '/v1/wealth-risk-assessment', token, body: RISK_ANSWERS }), 'risk questionnaire');
  for (const { productId } of Object.values(BANK_WEALTH)) {
    const terms = ok(await call(wealth, { method: 'GET', path: `/v1/wealth-products/${productId}/purchase-terms`, token }), 'purchase terms');
    assert.ok(terms.suitable, `bank customer ${spec.index} may not buy ${productId}: ${JSON.stringify(terms.suitability)}`);
  }
  return { spec, customerId, accountId: opened.accountId, token, tokenIssuedAt: Date.now(), loanIds: [], orderIds: [] };
}

/** The PIN racers: onboarded like the others (legacy PIN hash included), with no money — each
 *  race tops up. */
export async function prepareRacers(specs: CustomerSpec[]): Promise<LiveCustomer[]> {
  const live: LiveCustomer[] = [];
  for (const spec of specs) live.push(await onboard(spec));
  return live;
}

/** The account-life scenarios' customers: onboarded like the others, and funded by a top-up. */
export async function prepareLifecycle(specs: CustomerSpec[], seed: number): Promise<LiveCustomer[]> {
  const live: LiveCustomer[] = [];
  for (const spec of specs) {
    const c = await onboard(spec);
    ok(await pay(account, c.token, '/v1/account/top-up', `life-${seed}-${spec.index}`, { amountFen: spec.openingFen }, spec.pin), 'lifecycle top-up');
    live.push(c);
  }
  return live;
}

/** The rules in force during the bank test's run: the bank's own, and bands of everyday amounts
 *  that are delayed (延时到账, an hour) or blocked, so that a run of any size has transfers held,
 *  cancelled, released and refused by the rules. The bands lie above what the account-life
 *  scenarios send (≤ 500 yuan), whose transfers must go through. */
export const BANK_RISK_RULES: RiskRuleSet = {
  version: 2,
  rules: [
    ...DEFAULT_RISK_RULE_SET.rules,
    {
      ruleId: 'BANK_TEST_DELAY',
      version: 1,
      name: '银行测试延时',
      conditions: [{ field: 'amountFen', op: 'between', value: [50_001, 70_000] }],
      outcome: 'DELAY',
      delayHours: 1,
      reason: '单笔 500 至 700 元的转账延时 1 小时到账（银行测试规则）',
    },
    ...[
      [70_001, 80_000],
      [900_000, 1_000_000],
    ].map(([min, max], index) => ({
      ruleId: `BANK_TEST_BLOCK_${index + 1}`,
      version: 1,
      name: '银行测试拦截',
      conditions: [{ field: 'amountFen' as const, op: 'between' as const, value: [min!, max!] as [number, number] }],
      outcome: 'BLOCK' as const,
      reason: `单笔 ${min! / 100} 至 ${max! / 100} 元的转账暂不支持（银行测试规则）`,
    })),
    {
      ruleId: 'BANK_TEST_BLOCK_OUT',
      version: 1,
      name: '银行测试拦截提现缴费',
      kinds: ['WITHDRAWAL', 'BILL_PAYMENT'],
      conditions: [{ field: 'amountFen', op: 'between', value: [40_001, 48_000] }],
      outcome: 'BLOCK',
      reason: '单笔 400 至 480 元的提现和缴费暂不支持（银行测试规则）',
    },
  ],
};

/** The risk disclosure version each product's purchase must acknowledge, as the API shows it. */
export async function disclosureVersions(token: string): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for (const { productId } of Object.values(BANK_WEALTH)) {
    const terms = ok(await call(wealth, { method: 'GET', path: `/v1/wealth-products/${productId}/purchase-terms`, token }), 'purchase terms');
    versions.set(productId, terms.disclosure.version);
  }
  return versions;
}

/** Onboards and funds every customer; returns them in plan order. */
export async function prepareCustomers(specs: CustomerSpec[], seed: number, parallel = 4): Promise<LiveCustomer[]> {
  const live: LiveCustomer[] = new Array(specs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < specs.length) {
        const spec = specs[next++]!;
        live[spec.index] = await onboard(spec);
      }
    }),
  );
  // Opening balances: top-ups from the bound card, except where the card declines top-ups —
  // those customers are paid by transfer from a funded customer instead.
  const funders = live.filter((c) => c.spec.cardBehaviour === 'normal');
  for (const c of live) {
    if (c.spec.cardBehaviour === 'debitDeclined') continue;
    ok(await pay(account, c.token, '/v1/account/top-up', `open-${seed}-${c.spec.index}`, { amountFen: c.spec.openingFen }, c.spec.pin), 'opening top-up');
  }
  let f = 0;
  for (const c of live) {
    if (c.spec.cardBehaviour !== 'debitDeclined') continue;
    const funder = funders[f++ % funders.length]!;
    ok(await pay(account, funder.token, '/v1/account/top-up', `fund-${seed}-${c.spec.index}`, { amountFen: c.spec.openingFen }, funder.spec.pin), 'funder top-up');
    // A large first payment to a new payee: the anti-fraud rules warn, the funder confirms, and
    // the transfer is held (延时到账) — released below, as the release job would a day later.
    const gift = { toPhone: c.spec.phone, amountFen: c.spec.openingFen, memo: '开户资金', riskAcknowledged: true };
    ok(await pay(account, funder.token, '/v1/account/transfer', `gift-${seed}-${c.spec.index}`, gift, funder.spec.pin), 'opening transfer');
  }
  const released = await releaseDueTransfers(new Date(Date.now() + (MAX_DELAY_HOURS + 1) * 3_600_000), (ref, error) => assert.fail(`opening transfer ${ref} not released: ${String(error)}`));
  assert.equal(released.released, live.filter((c) => c.spec.cardBehaviour === 'debitDeclined' && c.spec.openingFen >= 500_000).length, 'opening transfers held and released');
  // The rules of the run (BANK_RISK_RULES).
  await putRiskRuleSet(BANK_RISK_RULES);
  // Money-market units for the run's redemptions: bought, then confirmed by two day closes (an
  // order placed on T is confirmed at the close of T+1, at that day's NAV of 1.0000).
  const disclosure = (await disclosureVersions(live[0]!.token)).get(BANK_WEALTH.moneyMarket.productId);
  for (const c of live) {
    ok(
      await pay(wealth, c.token, '/v1/wealth-orders', `mmf-${seed}-${c.spec.index}`, { productId: BANK_WEALTH.moneyMarket.productId, amountFen: BANK_MONEY_MARKET_UNITS_CENTI, riskDisclosure: { acknowledged: true, version: disclosure } }, c.spec.pin),
      'money-market purchase',
    );
  }
  for (let day = 0; day < 2; day++) await runDayClose(new Date());
  for (const c of live) {
    const holdings = ok(await call(wealth, { method: 'GET', path: '/v1/wealth-holdings', token: c.token }), 'holdings');
    const units = holdings.items.find((h: { productId: string }) => h.productId === BANK_WEALTH.moneyMarket.productId)?.unitsCenti;
    // The close that confirms the units may also pay that day's income, as new units.
    assert.ok(units >= BANK_MONEY_MARKET_UNITS_CENTI && units < BANK_MONEY_MARKET_UNITS_CENTI * 1.01, `bank customer ${c.spec.index}'s money-market units after the day closes: ${units}`);
  }
  return live;
}
