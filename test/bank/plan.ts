// Everything the bank test does, decided up front from the seed: the customers, the sequence of
// operations (kind, who, amounts valid and invalid, Idempotency-Keys, how each is delivered) and
// when DynamoDB Local is killed. The same seed always gives the same plan.
import { createHash } from 'node:crypto';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { assertPinStrongEnough } from '../../functions/domain/pin.js';
import { SIMULATOR_CARDS } from '../../functions/adapters/card-gateway.js';
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

export type OpKind = 'topUp' | 'withdraw' | 'transfer' | 'loanDraw' | 'loanRepay' | 'read';
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
  /** Exactly what goes into the body's amountFen (absent when `undefined`). */
  amount: unknown;
  memo?: string;
  /** Loan drawdowns: the term and repayment method asked for. */
  loanTerms?: { termMonths: number; method: 'EQUAL_INSTALLMENT' | 'EQUAL_PRINCIPAL' };
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
}

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

function customers(rng: Rng, count: number): CustomerSpec[] {
  const phones = new Set<string>(['13800138000', '13900139000']);
  const list: CustomerSpec[] = [];
  for (let index = 0; index < count; index++) {
    let phone: string;
    do phone = `1${rng.int(3, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
    while (phones.has(phone));
    phones.add(phone);
    // 26 to 56 years old: all adults, and inside the loan rules' age range (18–60).
    const year = rng.int(1970, 2000);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const body = `110105${year}${month}${day}${String(index).padStart(3, '0')}`;
    const cardBehaviour: CardBehaviour = index < 2 ? 'debitDeclined' : index < 4 ? 'creditDeclined' : 'normal';
    const ending = cardBehaviour === 'debitDeclined' ? SIMULATOR_CARDS.debitDeclined : cardBehaviour === 'creditDeclined' ? SIMULATOR_CARDS.creditDeclined : undefined;
    list.push({
      index,
      user: `bank-${index}-${rng.int(0, 1e9).toString(36)}`,
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

function op(rng: Rng, n: number, seed: number, customerCount: number, largeTransfer: number): PlannedOp {
  const kind = rng.weighted<OpKind>({ transfer: 30, topUp: 20, withdraw: 16, loanDraw: 6, loanRepay: 8, read: 12 });
  const who = rng.int(0, customerCount - 1);
  const key = `bank${seed.toString(36)}-${n}`;
  const base = { id: n, kind, who, key, copies: 1 };
  if (kind === 'read') return { ...base, amountClass: 'valid', amount: undefined, delivery: 'once' };
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
  // A repayment without an amount pays everything payable now.
  else if (kind === 'loanRepay') amount = rng.chance(0.3) ? undefined : rng.logInt(1, 60_000);
  else if (kind === 'topUp') amount = rng.chance(0.05) ? rng.logInt(300_000, 5_000_000) : rng.logInt(1, 300_000);
  else if (kind === 'withdraw') amount = rng.chance(0.1) ? rng.logInt(200_000, 4_000_000) : rng.logInt(1, 200_000);
  else amount = rng.chance(largeTransfer) ? rng.int(150_000, 1_000_000) : rng.logInt(1, 80_000);
  const delivery = rng.weighted<Delivery>({ once: 82, repeat: 8, concurrent: 7, reuse: amountClass === 'valid' ? 3 : 0 });
  return {
    ...base,
    amountClass,
    amount,
    ...(to !== undefined ? { to } : {}),
    ...(memo ? { memo } : {}),
    ...(loanTerms ? { loanTerms } : {}),
    delivery,
    copies: delivery === 'concurrent' ? rng.int(2, 3) : 1,
  };
}

export function makePlan(seed: number, size: PlanSize): BankPlan {
  const root = new Rng(seed);
  const people = customers(root.fork('customers'), size.customers);
  // Large transfers press on the Class II daily limits; sized so that roughly half of the
  // customers' daily budget goes to them, however long the run.
  const largeTransfer = Math.min(0.08, Math.max(0.01, (0.5 * size.customers * 1_000_000) / (0.256 * size.ops * 575_000)));
  const rng = root.fork('operations');
  const ops = Array.from({ length: size.ops }, (_, n) => op(rng, n, seed, people.length, largeTransfer));
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
  return { seed, customers: people, ops, totalOps: total, kills, strangerPhone };
}

/** A short fingerprint of the plan, printed so two runs can be seen to share a sequence. */
export function planFingerprint(plan: BankPlan): string {
  return createHash('sha256').update(JSON.stringify([plan.customers, plan.ops, plan.kills])).digest('hex').slice(0, 16);
}
