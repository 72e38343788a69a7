// Everything the bank test does, decided up front from the seed: the customers, the sequence of
// operations (kind, who, amounts valid and invalid, Idempotency-Keys, how each is delivered) and
// when DynamoDB Local is killed. The same seed always gives the same plan.
import { createHash } from 'node:crypto';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { assertPinStrongEnough } from '../../functions/domain/pin.js';
import { SIMULATOR_CARDS } from '../../functions/adapters/simulators/card-gateway.js';
import { Rng } from './rng.js';

export type CardBehaviour = 'normal' | 'debitDeclined' | 'creditDeclined';

export interface CustomerSpec {
  index: number;
  user: string;
  name: string;
  phone: string;
  idNumber: string;
  pin: string;
  card: string;
  cardBehaviour: CardBehaviour;
  /** Money it starts with: a top-up, or (when its card declines top-ups) a transfer. */
  openingFen: number;
}

export type OpKind = 'topUp' | 'withdraw' | 'transfer' | 'loanDraw' | 'loanRepay' | 'billPay' | 'wealthBuy' | 'wealthCancel' | 'wealthRedeem' | 'read' | 'accountClose' | 'merchantPay' | 'codePay';
export type AmountClass = 'valid' | 'schemaInvalid' | 'ruleInvalid';
export type Delivery = 'once' | 'repeat' | 'concurrent' | 'reuse';

export interface PlannedOp {
  /** Position in the plan: operations are started in this order by whichever client is free. */
  id: number;
  kind: OpKind;
  who: number;
  /** Transfers: a customer index, the sender itself, or a phone no customer has. */
  to?: number | 'self' | 'stranger';
  amountClass: AmountClass;
  /** Exactly what goes into the body's amountFen (absent when `undefined`; a bill payment with
   *  `bill.overDueFen` sends the amount due it looked up plus that instead). */
  amount: unknown;
  memo?: string;
  /** Loan drawdowns: the term and repayment method asked for. */
  loanTerms?: { termMonths: number; method: 'EQUAL_INSTALLMENT' | 'EQUAL_PRINCIPAL' };
  /** Bill payments: the biller, the account number at it (its last digit picks the simulator's
   *  answer) and, when the amount follows the bill, what to add to the amount due (below 0:
   *  less than the bill). */
  bill?: { billerId: string; accountNumber: string; overDueFen?: number };
  /** Wealth redemptions: fast (T+0) or normal (T+1). */
  redeemMode?: 'FAST' | 'NORMAL';
  /** Wealth purchases: the product bought. */
  productId?: string;
  key: string;
  delivery: Delivery;
  /** Copies sent at once when delivery is 'concurrent'. */
  copies: number;
}

export interface BankPlan {
  seed: number;
  customers: CustomerSpec[];
  ops: PlannedOp[];
  totalOps: number;
  /** Kill DynamoDB Local once this many operations have been started, for outageMs. */
  kills: { afterOps: number; outageMs: number }[];
  strangerPhone: string;
  /** The second factor's own fault cases, drawn from a generator of their own: the customers,
   *  operations and kills above are what they were before these cases existed (same seed, same
   *  plan fingerprint). */
  secondFactor: SecondFactorPlan;
  /** The account-life scenarios (挂失 and its lift, a card change, 销户), from a generator of
   *  their own like the second factor's cases: the plan above is what it was before them. */
  lifecycle: LifecyclePlan;
}

export type LifecycleKind = 'freeze' | 'cardChange' | 'close';

/** One account-life scenario, run by its own two customers while the plan's operations run.
 *  freeze: the subject reports loss (挂失) while two of its debits race it; then a debit
 *    confirmed before the freeze is sent (refused), the partner's transfer to it lands (a frozen
 *    account takes money in); the loss lifted through the identity check, a debit pays again.
 *  cardChange: the subject changes its bound card while a top-up and a withdrawal race it; a
 *    withdrawal after goes to the new card.
 *  close: the subject closes its account (the balance swept to its card) while its withdrawal and
 *    the partner's transfer to it race it (a closing refused because the balance moved is tried
 *    again); then the partner's transfer and the subject's top-up, both confirmed before, are
 *    refused, and a new transfer to it is refused before it is confirmed.
 *  `amountsFen`: the racing and later movements, in the order above. */
export interface LifecycleScenario {
  index: number;
  kind: LifecycleKind;
  /** Indexes into `LifecyclePlan.customers`. */
  subject: number;
  partner: number;
  afterOps: number;
  amountsFen: number[];
  /** cardChange: the card bound instead. */
  newCard?: string;
}

export interface LifecyclePlan {
  customers: CustomerSpec[];
  scenarios: LifecycleScenario[];
}

/** A money request sent with a nonce that must not pay.
 *  replay: once the operation succeeded, its exact body — the same nonce and cipher — again
 *    under a new Idempotency-Key: refused (NONCE_USED, or a rule the repeat now breaks first; a
 *    nonce bound to the operation's key, NONCE_MISMATCH), never a second journal.
 *  mismatch: before the operation's own request, its body with a nonce asked for another amount
 *    (or payee, or order): 403 NONCE_MISMATCH, no journal — under the operation's own key (which
 *    the refusal must leave free for the real request) or a key of its own. */
export type NonceCase =
  | { opId: number; kind: 'replay' }
  | { opId: number; kind: 'mismatch'; change: 'amount' | 'payee'; sameKey: boolean };

/** Wrong PINs fired at once with the right one, by a customer of their own (a race ends in a
 *  lock, which would stop the plan's customers): top-ups of `amountFen`, each with its own key
 *  and nonce. The first PIN_MAX_ATTEMPTS + extraWrong of `wrongPins` are sent; the right PIN
 *  goes at position `rightAt` among them. */
export interface PinRace {
  index: number;
  /** Index into `racers`. */
  racer: number;
  /** Fired once this many operations have been started. */
  afterOps: number;
  wrongPins: string[];
  extraWrong: number;
  rightAt: number;
  amountFen: number;
}

export interface SecondFactorPlan {
  /** Operations whose nonces are asked bound to their Idempotency-Key (the nonce then pays under
   *  that key only); the others' nonces are not. */
  boundOps: number[];
  nonceCases: NonceCase[];
  racers: CustomerSpec[];
  races: PinRace[];
}

/** How many wrong PINs a race may send at most: the largest PIN_MAX_ATTEMPTS config allows, + 2. */
const MAX_WRONG_PINS = 12;

export interface PlanSize {
  ops: number;
  clients: number;
  customers: number;
  kills: number;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '欧阳', '司马'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '晓', '婷'];
const BINS = ['622202', '621700', '622848', '621661', '622588', '622262'];
const MEMOS = ['午饭', '房租', '还你的钱', '生日快乐', '车费', 'AA', '电费分摊', '谢谢'];

/** A Luhn-valid card of 19 digits; `ending` forces the last four (the simulator keys on them). */
function card(rng: Rng, ending?: string): string {
  for (let tries = 0; tries < 10_000; tries++) {
    const middle = String(rng.int(0, 999_999_999)).padStart(9, '0');
    if (!ending) {
      const body = `${rng.pick(BINS)}${middle}${String(rng.int(0, 999)).padStart(3, '0')}`;
      const number = body + luhnCheckDigit(body);
      if (!Object.values(SIMULATOR_CARDS).some((e) => number.endsWith(e))) return number;
      continue;
    }
    const body = `${rng.pick(BINS)}${middle}${ending.slice(0, 3)}`;
    if (luhnCheckDigit(body) === ending[3]) return body + ending[3];
  }
  throw new Error('no card number found');
}

const planBehaviour = (index: number): CardBehaviour => (index < 2 ? 'debitDeclined' : index < 4 ? 'creditDeclined' : 'normal');

function strongPin(rng: Rng, birthDate: string): string {
  for (;;) {
    const pin = String(rng.int(0, 999_999)).padStart(6, '0');
    try {
      assertPinStrongEnough(pin, birthDate);
      return pin;
    } catch {
      // weak: draw again
    }
  }
}

/** `count` customers from `rng`. The plan's own take the defaults (the first two cards decline
 *  top-ups, the next two withdrawals); the PIN racers come after them, with cards that work and
 *  phones nobody else has. */
function customers(
  rng: Rng,
  count: number,
  { firstIndex = 0, taken = [], userPrefix = 'bank', behaviourOf = planBehaviour }: { firstIndex?: number; taken?: string[]; userPrefix?: string; behaviourOf?: (index: number) => CardBehaviour } = {},
): CustomerSpec[] {
  const phones = new Set<string>(['13800138000', '13900139000', ...taken]);
  const list: CustomerSpec[] = [];
  for (let index = firstIndex; index < firstIndex + count; index++) {
    let phone: string;
    do phone = `1${rng.int(3, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
    while (phones.has(phone));
    phones.add(phone);
    // 26 to 56 years old: all adults, and inside the loan rules' age range (18–60).
    const year = rng.int(1970, 2000);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const body = `110105${year}${month}${day}${String(index).padStart(3, '0')}`;
    const cardBehaviour = behaviourOf(index);
    const ending = cardBehaviour === 'debitDeclined' ? SIMULATOR_CARDS.debitDeclined : cardBehaviour === 'creditDeclined' ? SIMULATOR_CARDS.creditDeclined : undefined;
    list.push({
      index,
      user: `${userPrefix}-${index}-${rng.int(0, 1e9).toString(36)}`,
      name: rng.pick(SURNAMES) + rng.pick(GIVEN),
      phone,
      idNumber: body + idCheckChar(body),
      pin: strongPin(rng, `${year}-${month}-${day}`),
      card: card(rng, ending),
      cardBehaviour,
      openingFen: cardBehaviour === 'debitDeclined' ? rng.int(200_000, 600_000) : rng.logInt(300_000, 3_000_000),
    });
  }
  return list;
}

/** Amounts the schema refuses: zero, negative, fractional, too big, unsafe, the wrong type. */
function schemaInvalidAmount(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => 0,
    () => -1,
    () => -rng.logInt(1, 1_000_000),
    () => rng.int(1, 100_000) + 0.5,
    () => 0.01,
    () => 100_000_000 + rng.int(1, 1_000),
    () => 1e20,
    () => 2 ** 53,
    () => String(rng.int(1, 10_000)),
    () => null,
    () => true,
    () => [rng.int(1, 100)],
    () => ({ fen: rng.int(1, 100) }),
    () => undefined,
  ])();
}

function op(rng: Rng, n: number, seed: number, customerCount: number, largeTransfer: number, billAccounts: string[]): PlannedOp {
  // 销户 is not drawn: it runs in the account-life scenarios only; a merchant payment is the open
  // platform's (open-platform.ts).
  const kind = rng.weighted<Exclude<OpKind, 'accountClose' | 'merchantPay' | 'codePay'>>({ transfer: 25, topUp: 18, withdraw: 12, loanDraw: 5, loanRepay: 7, billPay: 10, wealthBuy: 8, wealthCancel: 4, wealthRedeem: 5, read: 8 });
  const who = rng.int(0, customerCount - 1);
  const key = `bank${seed.toString(36)}-${n}`;
  const base = { id: n, kind, who, key, copies: 1 };
  if (kind === 'read') return { ...base, amountClass: 'valid', amount: undefined, delivery: 'once' };
  if (kind === 'billPay') return billPay(rng, base, billAccounts);
  if (kind === 'wealthBuy') return wealthBuy(rng, base);
  if (kind === 'wealthRedeem') return wealthRedeem(rng, base);
  // A cancel names one of the customer's orders (picked when it runs) and carries only the PIN:
  // there is no other body to reuse its key with.
  if (kind === 'wealthCancel') return { ...base, amountClass: 'valid', amount: undefined, ...delivered(rng, false) };
  const amountClass = rng.weighted<AmountClass>({ valid: 80, schemaInvalid: 12, ruleInvalid: 8 });
  let amount: unknown;
  let to: PlannedOp['to'];
  let memo: string | undefined;
  if (kind === 'transfer') {
    const target = rng.weighted({ other: 95, self: 2.5, stranger: 2.5 });
    to = target === 'other' ? (who + rng.int(1, customerCount - 1)) % customerCount : target;
    if (rng.chance(0.3)) memo = rng.pick(MEMOS);
  }
  let loanTerms: PlannedOp['loanTerms'];
  if (kind === 'loanDraw') loanTerms = { termMonths: rng.pick([3, 6, 12, 24]), method: rng.pick(['EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL'] as const) };
  if (amountClass === 'schemaInvalid') {
    amount = schemaInvalidAmount(rng);
    // A repayment without an amount is valid (it pays everything payable).
    if (kind === 'loanRepay' && amount === undefined) amount = 0;
  } else if (amountClass === 'ruleInvalid') {
    // Over the largest single movement (top-up, withdraw), the Class II daily limit (transfer),
    // the product's range (drawdown) or what is payable (repayment).
    amount = kind === 'transfer' ? rng.int(1_000_001, 100_000_000) : rng.int(50_000_001, 100_000_000);
  } else if (kind === 'loanDraw') amount = rng.logInt(100_000, 2_000_000);
  // A repayment without an amount pays everything due now; with one, run.ts prepays that principal.
  else if (kind === 'loanRepay') amount = rng.chance(0.3) ? undefined : rng.logInt(1, 60_000);
  else if (kind === 'topUp') amount = rng.chance(0.05) ? rng.logInt(300_000, 5_000_000) : rng.logInt(1, 300_000);
  else if (kind === 'withdraw') amount = rng.chance(0.1) ? rng.logInt(200_000, 4_000_000) : rng.logInt(1, 200_000);
  else amount = rng.chance(largeTransfer) ? rng.int(150_000, 1_000_000) : rng.logInt(1, 80_000);
  return {
    ...base,
    amountClass,
    amount,
    ...(to !== undefined ? { to } : {}),
    ...(memo ? { memo } : {}),
    ...(loanTerms ? { loanTerms } : {}),
    ...delivered(rng, amountClass === 'valid'),
  };
}

function delivered(rng: Rng, mayReuse: boolean): { delivery: Delivery; copies: number } {
  const delivery = rng.weighted<Delivery>({ once: 82, repeat: 8, concurrent: 7, reuse: mayReuse ? 3 : 0 });
  return { delivery, copies: delivery === 'concurrent' ? rng.int(2, 3) : 1 };
}

/** The biller the bank test pays: electricity, at least the bill, up to 5,000 yuan. */
export const BANK_BILLER = { billerId: 'nj-power', minFen: 1_000, maxFen: 500_000 } as const;
/** Simulator endings (functions/adapters/simulators/biller-gateway.ts) by what they lead to. */
const HAS_BILL = ['0', '1', '2', '3', '4', '6'];
const VOIDED = ['8', '9'];

/** A bill payment: mostly bills paid in full (looked up first) and settled; some prepayments on
 *  an account with no bill, some the gateway never answers or declines (voided, refunded), some
 *  for an account the biller does not know or a biller that does not exist; amounts below the
 *  bill, over the biller's maximum, or not amounts at all. One in five pays an account number
 *  an earlier payment used — the bill may be paid already, and must not be paid twice. */
function billPay(rng: Rng, base: Pick<PlannedOp, 'id' | 'kind' | 'who' | 'key' | 'copies'>, billAccounts: string[]): PlannedOp {
  const amountClass = rng.weighted<AmountClass>({ valid: 80, schemaInvalid: 12, ruleInvalid: 8 });
  const fresh = (ending: string) => {
    const accountNumber = `${rng.int(1, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}${ending}`;
    billAccounts.push(accountNumber);
    return accountNumber;
  };
  let billerId: string = BANK_BILLER.billerId;
  let accountNumber: string;
  let overDueFen: number | undefined;
  let amount: unknown;
  if (amountClass === 'valid') {
    accountNumber = billAccounts.length && rng.chance(0.2)
      ? rng.pick(billAccounts)
      : fresh(rng.weighted({ bill: 72, noBill: 8, voided: 20 }) === 'bill' ? rng.pick(HAS_BILL) : rng.chance(0.4) ? '5' : rng.pick(VOIDED));
    if (accountNumber.endsWith('5')) amount = rng.int(BANK_BILLER.minFen, 100_000);
    else if (accountNumber.endsWith('7')) amount = rng.int(BANK_BILLER.minFen, 100_000);
    else overDueFen = rng.chance(0.85) ? 0 : rng.logInt(1, 20_000);
  } else if (amountClass === 'schemaInvalid') {
    accountNumber = fresh(rng.pick(HAS_BILL));
    if (rng.chance(0.2)) {
      // Nine digits where the biller's account numbers have ten.
      accountNumber = accountNumber.slice(1);
      amount = rng.int(BANK_BILLER.minFen, 100_000);
    } else amount = schemaInvalidAmount(rng);
  } else {
    const why = rng.weighted({ belowBill: 35, overMax: 30, notFound: 25, noBiller: 10 });
    accountNumber = fresh(why === 'notFound' ? '7' : rng.pick(HAS_BILL));
    if (why === 'belowBill') overDueFen = -rng.int(1, 2_999);
    else amount = why === 'overMax' ? rng.int(BANK_BILLER.maxFen + 1, 5_000_000) : rng.int(BANK_BILLER.minFen, 100_000);
    if (why === 'noBiller') billerId = 'nj-nowhere-power';
  }
  return {
    ...base,
    amountClass,
    amount,
    bill: { billerId, accountNumber, ...(overDueFen !== undefined ? { overDueFen } : {}) },
    ...delivered(rng, amountClass === 'valid'),
  };
}

/** The wealth products the bank test buys (scripts/lib/seed-wealth.ts): a money-market fund and
 *  a 90-day product from 0.01 yuan (the latter with 24 h cooling-off), and a bank-issued product
 *  from 10,000 yuan in steps of 1,000 (24 h cooling-off). */
export const BANK_WEALTH = {
  moneyMarket: { productId: 'zhaozhao-money', minFen: 1, stepFen: 1, maxFen: 50_000_000 },
  coolingOff: { productId: 'jijiwen-90d', minFen: 1, stepFen: 1, maxFen: 100_000_000 },
  bankPublic: { productId: 'wenying-180d', minFen: 1_000_000, stepFen: 100_000, maxFen: 100_000_000 },
} as const;

/** What each customer buys of the money-market fund during set-up, confirmed by two day closes
 *  (NAV 1.0000, so 1 unit-centi = 1 fen; the confirming close may add a few fen of income). */
export const BANK_MONEY_MARKET_UNITS_CENTI = 100_000;

/** A redemption of the money-market fund: mostly fast (T+0, paid at once within the daily cap),
 *  some normal (T+1, frozen until a day close, which the run does not reach); valid units, more
 *  than anyone holds, or not units at all. */
function wealthRedeem(rng: Rng, base: Pick<PlannedOp, 'id' | 'kind' | 'who' | 'key' | 'copies'>): PlannedOp {
  const amountClass = rng.weighted<AmountClass>({ valid: 80, schemaInvalid: 12, ruleInvalid: 8 });
  let amount: unknown;
  if (amountClass === 'schemaInvalid') {
    amount = schemaInvalidAmount(rng);
    if (amount === undefined) amount = 0;
  } else if (amountClass === 'ruleInvalid') amount = rng.int(50_000_001, 100_000_000);
  else amount = rng.logInt(1, 20_000);
  return { ...base, amountClass, amount, productId: BANK_WEALTH.moneyMarket.productId, redeemMode: rng.chance(0.8) ? 'FAST' : 'NORMAL', ...delivered(rng, amountClass === 'valid') };
}

/** A wealth purchase: valid amounts from 1 fen; below the minimum, off the step, over the
 *  maximum, or not amounts at all. */
function wealthBuy(rng: Rng, base: Pick<PlannedOp, 'id' | 'kind' | 'who' | 'key' | 'copies'>): PlannedOp {
  const amountClass = rng.weighted<AmountClass>({ valid: 80, schemaInvalid: 12, ruleInvalid: 8 });
  let product: (typeof BANK_WEALTH)[keyof typeof BANK_WEALTH] = BANK_WEALTH[rng.weighted({ moneyMarket: 40, coolingOff: 45, bankPublic: 15 })];
  let amount: unknown;
  if (amountClass === 'schemaInvalid') amount = schemaInvalidAmount(rng);
  else if (amountClass === 'ruleInvalid') {
    const why = rng.weighted({ belowMinimum: 40, offStep: 40, overMax: 20 });
    product = why === 'overMax' ? BANK_WEALTH.moneyMarket : BANK_WEALTH.bankPublic;
    amount = why === 'belowMinimum' ? rng.int(1, product.minFen - 1) : why === 'offStep' ? product.minFen + rng.int(1, product.stepFen - 1) : rng.int(product.maxFen + 1, 100_000_000);
  } else if (product === BANK_WEALTH.bankPublic) amount = product.minFen + product.stepFen * rng.int(0, 5);
  else amount = rng.chance(0.1) ? 1 : rng.logInt(1, 300_000);
  return { ...base, amountClass, amount, productId: product.productId, ...delivered(rng, amountClass === 'valid') };
}

export function makePlan(seed: number, size: PlanSize): BankPlan {
  const root = new Rng(seed);
  const people = customers(root.fork('customers'), size.customers);
  // Large transfers press on the Class II daily limits; sized so that roughly half of the
  // customers' daily budget goes to them, however long the run.
  const largeTransfer = Math.min(0.08, Math.max(0.01, (0.5 * size.customers * 1_000_000) / (0.256 * size.ops * 575_000)));
  const rng = root.fork('operations');
  const billAccounts: string[] = [];
  const ops = Array.from({ length: size.ops }, (_, n) => op(rng, n, seed, people.length, largeTransfer, billAccounts));
  const total = ops.length;
  const faults = root.fork('kills');
  const kills = Array.from({ length: size.kills }, (_, k) => {
    const centre = (k + 1) / (size.kills + 1);
    return { afterOps: Math.floor(total * (centre + (faults.next() - 0.5) * 0.2 / size.kills)), outageMs: faults.int(800, 2_500) };
  });
  let strangerPhone: string;
  const taken = new Set(people.map((p) => p.phone));
  const strangers = root.fork('stranger');
  do strangerPhone = `1${strangers.int(3, 9)}${String(strangers.int(0, 999_999_999)).padStart(9, '0')}`;
  while (taken.has(strangerPhone) || strangerPhone === '13800138000' || strangerPhone === '13900139000');
  const secondFactor = secondFactorPlan(root.fork('second-factor'), root.fork('second-factor-binding'), ops, people, [...taken, strangerPhone]);
  const lifecycle = lifecyclePlan(root.fork('lifecycle'), total, people.length + secondFactor.racers.length, [...taken, strangerPhone, ...secondFactor.racers.map((r) => r.phone)]);
  return { seed, customers: people, ops, totalOps: total, kills, strangerPhone, secondFactor, lifecycle };
}

/** Each kind of scenario once per 2,000 operations (at least once, at most three times), spread
 *  over the run; every scenario has two customers of its own, funded. */
function lifecyclePlan(rng: Rng, total: number, firstIndex: number, takenPhones: string[]): LifecyclePlan {
  const rounds = Math.min(3, Math.max(1, Math.round(total / 2_000)));
  const kinds: LifecycleKind[] = Array.from({ length: rounds }, () => ['freeze', 'cardChange', 'close'] as const).flat();
  const people = customers(rng.fork('customers'), kinds.length * 2, { firstIndex, taken: takenPhones, userPrefix: 'life', behaviourOf: () => 'normal' });
  const scenarios = kinds.map((kind, index): LifecycleScenario => ({
    index,
    kind,
    subject: index * 2,
    partner: index * 2 + 1,
    afterOps: Math.min(total - 1, Math.floor((total * (index + 1)) / (kinds.length + 1))),
    // At most ¥400: below the anti-fraud rule that blocks ¥400.01–480 outflows (setup.ts), which
    // these movements are not about.
    amountsFen: Array.from({ length: 5 }, () => rng.logInt(100, 40_000)),
    ...(kind === 'cardChange' ? { newCard: card(rng) } : {}),
  }));
  return { customers: people, scenarios };
}

/** Operations a nonce case may ride on: money requests the clients send as planned. */
function nonceEligible(op: PlannedOp): boolean {
  return op.kind !== 'read' && op.amountClass === 'valid' && (op.kind !== 'transfer' || typeof op.to === 'number');
}

function secondFactorPlan(rng: Rng, binding: Rng, ops: PlannedOp[], people: CustomerSpec[], takenPhones: string[]): SecondFactorPlan {
  const boundOps = ops.filter((op) => op.kind !== 'read' && binding.chance(0.5)).map((op) => op.id);
  const nonceCases: NonceCase[] = [];
  for (const op of ops) {
    if (!nonceEligible(op)) continue;
    const roll = rng.next();
    // A cancel names an order, not an amount: its nonce is asked for another order's cancel.
    const change = op.kind === 'wealthCancel' ? 'payee' : op.kind === 'transfer' && rng.chance(0.5) ? 'payee' : 'amount';
    const sameKey = rng.chance(0.5);
    if (roll < 0.03) nonceCases.push({ opId: op.id, kind: 'replay' });
    else if (roll < 0.06) nonceCases.push({ opId: op.id, kind: 'mismatch', change, sameKey });
  }
  const total = ops.length;
  const count = Math.min(8, 2 + Math.floor(total / 2_000));
  const racers = customers(rng.fork('racers'), count, { firstIndex: people.length, taken: takenPhones, userPrefix: 'racer', behaviourOf: () => 'normal' }).map((spec) => ({ ...spec, openingFen: 0 }));
  const races = racers.map((racer, r): PinRace => {
    const wrongPins = new Set<string>();
    while (wrongPins.size < MAX_WRONG_PINS) {
      const pin = String(rng.int(0, 999_999)).padStart(6, '0');
      if (pin !== racer.pin) wrongPins.add(pin);
    }
    const extraWrong = rng.int(0, 2);
    return {
      index: r,
      racer: r,
      afterOps: Math.min(total - 1, Math.max(0, Math.floor((total * (r + 1)) / (count + 1) + (rng.next() - 0.5) * (total / (count + 1)) * 0.5))),
      wrongPins: [...wrongPins],
      extraWrong,
      // Anywhere among the guesses, first to last.
      rightAt: rng.int(0, 1_000),
      amountFen: rng.int(1, 50_000),
    };
  });
  return { boundOps, nonceCases, racers, races };
}

/** A short fingerprint of the plan, printed so two runs can be seen to share a sequence. (Of the
 *  customers, operations and kills only, as before the second factor's cases joined: a seed's
 *  fingerprint in docs/RELIABILITY.md still names its plan.) */
export function planFingerprint(plan: BankPlan): string {
  return createHash('sha256').update(JSON.stringify([plan.customers, plan.ops, plan.kills])).digest('hex').slice(0, 16);
}

/** The fingerprint of the second factor's cases (nonce replays and mismatches, PIN races). */
export function secondFactorFingerprint(plan: BankPlan): string {
  return createHash('sha256').update(JSON.stringify(plan.secondFactor)).digest('hex').slice(0, 16);
}
