// The account-life scenarios of the bank test (plan.ts `LifecycleScenario`): 挂失 and its lift, a
// card change and 销户, each raced by its own customers' money requests while the plan's
// operations run under the same faults. Their money requests are records like the plan's, so the
// final check holds them to the same rules (all or nothing, balances, nonces); what is particular
// to each scenario — no debit paid once the freeze is in, no posting to a closed account, a
// withdrawal after a card change going to the new card — is checked here.
import { handler as simulator } from '../../functions/http/simulator.js';
import { deterministicJournalId } from '../../functions/store/ledger.js';
import { getAccount } from '../../functions/store/accounts.js';
import type { AccountRecord } from '../../functions/store/accounts.js';
import type { SecondFactor } from '../../functions/contract/second-factor-schemas.js';
import { call } from '../support/bank.js';
import type { Authorization } from '../support/second-factor.js';
import type { Answer, ClientOptions } from './client.js';
import { send } from './client.js';
import type { OpRecord } from './checker.js';
import type { LifecycleScenario, OpKind } from './plan.js';
import type { LiveCustomer } from './setup.js';

type Item = Record<string, unknown>;

export interface LifecycleContext {
  seed36: string;
  /** Op ids of the scenarios' records start here (past the plan's and the races'). */
  opIdBase: number;
  /** Indexes the records' `who` from (past the plan's customers and the racers). */
  whoBase: number;
  people: LiveCustomer[];
  authorize: (c: LiveCustomer, path: string, body: Record<string, unknown>, key?: string) => Promise<{ authorization: Authorization } | { refusal: Answer }>;
  factorOf: (authorization: Authorization, pin: string) => SecondFactor;
  clientOptions: (isApiAnswer: (body: unknown) => boolean) => ClientOptions;
  /** A fresh access token for the customer (sign-in). */
  signIn: (c: LiveCustomer) => Promise<void>;
}

export interface LifecycleOutcome {
  records: OpRecord[];
  violations: string[];
  line: string;
  /** What only the final scan can show. */
  afterScan: (items: Item[]) => string[];
  /** The nonce of a request that moves no money (the card change): used up without a journal. */
  nonMoneyNonce?: string;
}

const isObject = (body: unknown) => typeof body === 'object' && body !== null;
const isMovement = (body: any) => typeof body?.journalId === 'string' && Number.isSafeInteger(body?.balanceFen);
export const isClosure = (body: any) => typeof body?.journalId === 'string' && Number.isSafeInteger(body?.sweptFen) && typeof body?.closedAt === 'string';
const said = (a: Answer) => (a.outcome === 'ok' ? '200' : a.outcome === 'unknown' ? `no answer (last ${a.status})` : `${a.status} ${a.code}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Done in this process, outside the faults, but DynamoDB Local may be down for a kill: tried
 *  again for up to a minute. */
export async function patiently<T>(step: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await step();
    } catch (error) {
      if (n >= 60) throw error;
      await sleep(1_000);
    }
  }
}

/** The account as stored. */
const accountNow = (accountId: string): Promise<AccountRecord> =>
  patiently(async () => {
    const account = await getAccount(accountId);
    if (!account) throw new Error(`account ${accountId} is gone`);
    return account;
  });

const PATH = { topUp: '/v1/account/top-up', withdraw: '/v1/account/withdraw', transfer: '/v1/account/transfer' } as const;

export async function runLifecycle(ctx: LifecycleContext, scenario: LifecycleScenario): Promise<LifecycleOutcome> {
  const subject = ctx.people[scenario.subject]!;
  const partner = ctx.people[scenario.partner]!;
  const records: OpRecord[] = [];
  const violations: string[] = [];
  const tag = `${scenario.kind} scenario ${scenario.index}`;
  const moneyClient = ctx.clientOptions(isMovement);
  const anyClient = ctx.clientOptions(isObject);
  let serial = 0;
  // Every request below goes with the token it was confirmed under and is never renewed: after
  // 挂失 a refused token is the answer.
  const signIn = (c: LiveCustomer) => patiently(() => ctx.signIn(c));
  await signIn(subject);
  await signIn(partner);

  /** A money request confirmed now (a nonce for it), to be sent when the scenario says. */
  const prepare = async (c: LiveCustomer, kind: 'topUp' | 'withdraw' | 'transfer', amountFen: number, to?: LiveCustomer) => {
    const n = serial++;
    const key = `life${ctx.seed36}-${scenario.index}-${n}`;
    const body: Record<string, unknown> = { amountFen, ...(to ? { toPhone: to.spec.phone } : {}) };
    const asked = await ctx.authorize(c, PATH[kind], body, key);
    if ('refusal' in asked) {
      violations.push(`${tag}: the nonce for ${kind} ${amountFen} was refused (${said(asked.refusal)}) before anything happened`);
      return undefined;
    }
    const record: OpRecord = {
      op: { id: ctx.opIdBase + scenario.index * 100 + n, kind, who: ctx.whoBase + ctx.people.indexOf(c), key, amountClass: 'valid', amount: amountFen, delivery: 'once', copies: 1 },
      route: kind,
      from: { customerId: c.customerId, accountId: c.accountId },
      ...(to ? { to: { customerId: to.customerId, accountId: to.accountId } } : {}),
      amount: amountFen,
      answers: [],
      nonceIds: [asked.authorization.challenge],
      nonceBoundToKey: true,
    };
    records.push(record);
    const request = { method: 'POST' as const, path: PATH[kind], key, token: c.token, body: { ...body, secondFactor: ctx.factorOf(asked.authorization, c.spec.pin) } };
    return async (): Promise<Answer> => {
      const answer = await send(moneyClient, request);
      record.answers.push(answer);
      return answer;
    };
  };
  const mustPay = async (what: string, sending: Promise<Answer> | undefined) => {
    const answer = await sending;
    if (answer && answer.outcome !== 'ok') violations.push(`${tag}: ${what} was answered ${said(answer)}`);
    return answer;
  };
  const mustNotPay = async (what: string, sending: Promise<Answer> | undefined) => {
    const answer = await sending;
    if (answer?.outcome === 'ok') violations.push(`${tag}: ${what} was paid (${answer.raw.slice(0, 200)})`);
    return answer;
  };
  const identity = { realName: subject.spec.name, idNumber: subject.spec.idNumber, cardNumber: subject.spec.card };
  const [a0, a1, a2, a3, a4] = scenario.amountsFen as [number, number, number, number, number];

  if (scenario.kind === 'freeze') {
    const debits = [await prepare(subject, 'withdraw', a0), await prepare(subject, 'transfer', a1, partner)];
    const late = await prepare(subject, 'withdraw', a2);
    const credit = await prepare(partner, 'transfer', a3, subject);
    const [report, ...raced] = await Promise.all([
      send(anyClient, { method: 'POST', path: '/v1/me/loss-report', token: subject.token, body: { lost: 'PHONE' } }),
      ...debits.map((debit) => debit?.()),
    ]);
    const frozen = (await accountNow(subject.accountId)).status === 'FROZEN';
    if (!frozen) {
      violations.push(`${tag}: 挂失 answered ${said(report)}, yet the account is not frozen`);
      return { records, violations, line: `${tag}: 挂失 did not take`, afterScan: () => [] };
    }
    const lateAnswer = await mustNotPay('a withdrawal confirmed before 挂失 and sent after it', late?.());
    await mustPay('a transfer to the frozen account (it takes money in)', credit?.());
    const codeSent = await send(anyClient, { method: 'POST', path: '/v1/loss-report/code', token: '', body: { ...identity, action: 'LIFT' } });
    const inbox = await patiently(async () => {
      const read = await call(simulator, { method: 'GET', path: '/v1/sim/sms/messages', query: { phone: subject.spec.phone } });
      if (read.status !== 200) throw new Error(`the simulated phone answered ${read.status}`);
      return read;
    });
    const smsCode = (inbox.body as any)?.messages?.find((m: { template: string }) => m.template === 'LOSS_LIFT_CODE')?.params?.code;
    const lift = typeof smsCode === 'string' ? await send(anyClient, { method: 'POST', path: '/v1/loss-report/lift', token: '', body: { ...identity, smsCode } }) : undefined;
    if ((await accountNow(subject.accountId)).status !== 'ACTIVE') {
      violations.push(`${tag}: the lift (code ${said(codeSent)}, lift ${lift ? said(lift) : 'no code arrived'}) left the account frozen`);
      return { records, violations, line: `${tag}: the lift did not take`, afterScan: () => [] };
    }
    await signIn(subject);
    const after = await mustPay('a withdrawal after the lift', (await prepare(subject, 'withdraw', a4))?.());
    return {
      records,
      violations,
      line: `${tag}: 挂失 ${said(report)} raced by two debits (${raced.map((a) => (a ? said(a) : 'not sent')).join(', ')}); a debit confirmed before it ${lateAnswer ? said(lateAnswer) : 'not sent'}; lifted ${lift ? said(lift) : '—'}; a withdrawal after ${after ? said(after) : 'not sent'}`,
      afterScan: () => [],
    };
  }

  if (scenario.kind === 'cardChange') {
    const newCard = scenario.newCard!;
    const topUp = await prepare(subject, 'topUp', a0);
    const withdrawal = await prepare(subject, 'withdraw', a1);
    const body = { idNumber: subject.spec.idNumber, cardNumber: newCard };
    const asked = await ctx.authorize(subject, '/v1/account/card', body);
    if ('refusal' in asked) {
      violations.push(`${tag}: the nonce for the card change was refused (${said(asked.refusal)})`);
      return { records, violations, line: `${tag}: not run`, afterScan: () => [] };
    }
    const [change, ...raced] = await Promise.all([
      send(anyClient, { method: 'POST', path: '/v1/account/card', token: subject.token, body: { ...body, secondFactor: ctx.factorOf(asked.authorization, subject.spec.pin) } }),
      topUp?.(),
      withdrawal?.(),
    ]);
    const bound = (await accountNow(subject.accountId)).boundCard.cardNumberMasked;
    if (!bound.endsWith(newCard.slice(-4))) {
      violations.push(`${tag}: the card change answered ${said(change)}, yet the bound card is ${bound}`);
      return { records, violations, line: `${tag}: the change did not take`, afterScan: () => [], nonMoneyNonce: asked.authorization.challenge };
    }
    const afterKey = `life${ctx.seed36}-${scenario.index}-${serial}`;
    const after = await mustPay('a withdrawal after the card change', (await prepare(subject, 'withdraw', a2))?.());
    const journalId = deterministicJournalId(subject.customerId, 'withdraw', afterKey);
    return {
      nonMoneyNonce: asked.authorization.challenge,
      records,
      violations,
      line: `${tag}: card change ${said(change)} raced by a top-up (${raced[0] ? said(raced[0]) : 'not sent'}) and a withdrawal (${raced[1] ? said(raced[1]) : 'not sent'}); a withdrawal after ${after ? said(after) : 'not sent'}`,
      afterScan: (items) => {
        if (after?.outcome !== 'ok') return [];
        const journal = items.find((i) => i.type === 'JOURNAL' && i.journalId === journalId);
        const own = (journal?.postings as { accountId: string; counterparty?: string }[] | undefined)?.find((p) => p.accountId === subject.accountId);
        return own?.counterparty?.endsWith(newCard.slice(-4)) ? [] : [`${tag}: the withdrawal after the card change went to ${own?.counterparty ?? 'no card'}, not the new card ending ${newCard.slice(-4)}`];
      },
    };
  }

  // close
  const withdrawal = await prepare(subject, 'withdraw', a0);
  const incoming = await prepare(partner, 'transfer', a1, subject);
  const lateCredit = await prepare(partner, 'transfer', a2, subject);
  const lateTopUp = await prepare(subject, 'topUp', a3);
  const closeClient = ctx.clientOptions(isClosure);
  const closeOnce = async (attempt: number): Promise<Answer | undefined> => {
    const key = `life${ctx.seed36}-${scenario.index}-close${attempt}`;
    const asked = await ctx.authorize(subject, '/v1/account/closure', {}, key);
    if ('refusal' in asked) {
      violations.push(`${tag}: the nonce for closing was refused (${said(asked.refusal)})`);
      return undefined;
    }
    const record: OpRecord = {
      op: { id: ctx.opIdBase + scenario.index * 100 + 90 + attempt, kind: 'accountClose' satisfies OpKind, who: ctx.whoBase + scenario.subject, key, amountClass: 'valid', amount: undefined, delivery: 'once', copies: 1 },
      route: 'close',
      from: { customerId: subject.customerId, accountId: subject.accountId },
      amount: undefined,
      answers: [],
      nonceIds: [asked.authorization.challenge],
    };
    records.push(record);
    const answer = await send(closeClient, { method: 'POST', path: '/v1/account/closure', key, token: subject.token, body: { secondFactor: ctx.factorOf(asked.authorization, subject.spec.pin) } });
    record.answers.push(answer);
    return answer;
  };
  const [first, ...raced] = await Promise.all([closeOnce(0), withdrawal?.(), incoming?.()]);
  const closings = [first];
  // A closing refused because the balance moved under it is asked again, as the customer would.
  for (let attempt = 1; attempt < 4 && (await accountNow(subject.accountId)).status !== 'CLOSED'; attempt++) closings.push(await closeOnce(attempt));
  const closed = await accountNow(subject.accountId);
  if (closed.status !== 'CLOSED' || closed.balanceFen !== 0) {
    violations.push(`${tag}: closing answered ${closings.map((a) => (a ? said(a) : 'not sent')).join(', ')}, yet the account is ${closed.status} with ${closed.balanceFen}`);
    return { records, violations, line: `${tag}: the closing did not take`, afterScan: () => [] };
  }
  const credit = await mustNotPay('a transfer to the closed account, confirmed before it closed', lateCredit?.());
  const topUp = await mustNotPay('a top-up of the closed account, confirmed before it closed', lateTopUp?.());
  const asked = await ctx.authorize(partner, PATH.transfer, { amountFen: a4, toPhone: subject.spec.phone });
  if (!('refusal' in asked) || asked.refusal.code !== 'PAYEE_ACCOUNT_CLOSED') {
    violations.push(`${tag}: a new transfer to the closed account was ${'refusal' in asked ? `refused ${said(asked.refusal)}` : 'given a nonce'}, not refused PAYEE_ACCOUNT_CLOSED`);
  }
  return {
    records,
    violations,
    line: `${tag}: closing ${closings.map((a) => (a ? said(a) : 'not sent')).join(' then ')} raced by a withdrawal (${raced[0] ? said(raced[0]) : 'not sent'}) and a transfer to it (${raced[1] ? said(raced[1]) : 'not sent'}); afterwards a transfer to it ${credit ? said(credit) : 'not sent'}, a top-up ${topUp ? said(topUp) : 'not sent'}`,
    afterScan: (items) => {
      const account = items.find((i) => i.type === 'ACCOUNT' && i.accountId === subject.accountId);
      return account?.status === 'CLOSED' && account.balanceFen === 0 ? [] : [`${tag}: the closed account ends ${account?.status} with ${account?.balanceFen}`];
    },
  };
}
