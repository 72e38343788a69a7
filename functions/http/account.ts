// The Class II e-account: opening, balance and limits, top-up, withdrawal, transfer, history.
import { randomInt, randomUUID } from 'node:crypto';
import { cardGateway } from '../adapters/card-gateway.js';
import { UpstreamUnavailable } from '../adapters/http-json.js';
import { config } from '../config.js';
import { coreRoutes as routes } from '../contract/core-routes.js';
import type { MoneyMovementResult } from '../contract/schemas.js';
import { accountNumberFrom } from '../domain/account-number.js';
import { luhnValid } from '../domain/card.js';
import { assertReadyFor } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import {
  HOUSE_ACCOUNTS,
  type Journal,
  reversalJournal,
  topUpJournal,
  transferJournal,
  withdrawJournal,
} from '../domain/ledger.js';
import { assertWithinSingleLimits, class2Charges } from '../domain/limits.js';
import { ledgerRefusal } from '../domain/ledger-refusal.js';
import { maskCardNumber, maskPhone } from '../domain/masking.js';
import { businessDate } from '../domain/time.js';
import { type AccountRecord, getAccount, openAccount } from '../store/accounts.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import { recordCustomerEvent } from '../services/customer-events.js';
import { customerIdByLookup, getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import { type PostOutcome, deterministicJournalId, historyPage, houseShard, postJournal } from '../store/ledger.js';
import { class2Limits, loadCustomer, loadOwnAccount, onboardingState, requirePin } from '../services/customer-guards.js';
import { defineRoute, lambda } from './route.js';
import { accountDetail } from './views.js';

const GATEWAY_ATTEMPTS = 3;

const open = defineRoute('openAccount', routes.openAccount, async ({ customerId, body, now }) => {
  const customer = await loadCustomer(customerId);
  assertReadyFor('openAccount', onboardingState(customer));
  if (customer.accountId) return refuse('conflict', 'ACCOUNT_ALREADY_OPEN', '已开通电子账户');
  if (!luhnValid(body.cardNumber)) return refuse('invalid', 'CARD_NUMBER_INVALID', '银行卡号有误，请核对');
  const verified = await cardGateway().verify({
    cardNumber: body.cardNumber,
    holderName: await decrypt(customer.nameEnc!),
    idNumber: await decrypt(customer.idNumberEnc!),
  });
  if (!verified.ok) return refuse('unprocessable', verified.code, verified.message);
  const accountNumber = accountNumberFrom(String(randomInt(0, 1e12)).padStart(12, '0'));
  const account: AccountRecord = {
    accountId: randomUUID(),
    ownerCustomerId: customerId,
    accountNumberMasked: `${accountNumber.slice(0, 4)} **** **** ${accountNumber.slice(-4)}`,
    accountNumberEnc: await encrypt(accountNumber),
    accountClass: 'II',
    balanceFen: 0,
    status: 'ACTIVE',
    boundCard: {
      bankName: verified.bankName,
      cardNumberMasked: maskCardNumber(body.cardNumber),
      cardNumberEnc: await encrypt(body.cardNumber),
    },
    openedAt: now.toISOString(),
  };
  await openAccount(account);
  await recordCustomerEvent({ customerId, kind: 'ACCOUNT_OPENED', at: account.openedAt, ref: account.accountId });
  return accountDetail(account, class2Limits(), now);
});

const detail = defineRoute('account', routes.account, async ({ customerId, now }) => {
  const account = await loadOwnAccount(await loadCustomer(customerId));
  return accountDetail(account, class2Limits(), now);
});

/** Turns a refused posting into the customer's error; success into the route's answer. */
async function settled(outcome: PostOutcome, ownAccountId: string, status: 'SUCCEEDED' | 'REVERSED' = 'SUCCEEDED'): Promise<MoneyMovementResult> {
  if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId });
  const own = outcome.journal.postings.find((p) => p.accountId === ownAccountId);
  if (!own) throw new Error(`journal ${outcome.journal.journalId} does not touch account ${ownAccountId}`);
  const account = await getAccount(ownAccountId);
  return {
    journalId: outcome.journal.journalId,
    kind: outcome.journal.kind,
    status,
    amountFen: Math.abs(own.amountFen),
    balanceFen: account!.balanceFen,
    createdAt: outcome.journal.createdAt,
  };
}

/** Calls the card gateway with bounded retries; the reference makes repeats harmless. */
async function withGatewayRetry<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof UpstreamUnavailable) || attempt >= GATEWAY_ATTEMPTS) throw error;
    }
  }
}

const houseCardShard = (journalId: string) => houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, config().HOUSE_SHARDS);

const topUp = defineRoute('topUp', routes.topUp, async ({ customerId, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  assertWithinSingleLimits(body.amountFen, class2Limits(), false);
  await requirePin(customer, body.pin, now);
  const journalId = deterministicJournalId(customerId, 'topUp', idempotencyKey);
  // Pull from the card first: the e-account is credited only with money that has arrived.
  const cardNumber = await decrypt(account.boundCard.cardNumberEnc);
  const pulled = await withGatewayRetry(() => cardGateway().debit({ cardNumber, amountFen: body.amountFen, reference: journalId }));
  // The card network gave a definite no: nothing moved, and retrying will not change it.
  if (!pulled.ok) return refuse('unprocessable', pulled.code, pulled.message);
  const journal = topUpJournal({
    journalId,
    customerAccountId: account.accountId,
    cardMasked: `${account.boundCard.bankName} ${account.boundCard.cardNumberMasked.slice(-4)}`,
    houseShardAccountId: houseCardShard(journalId),
    amountFen: body.amountFen,
    createdAt: now.toISOString(),
  });
  return settled(await postJournal(journal), account.accountId);
});

const withdraw = defineRoute('withdraw', routes.withdraw, async ({ customerId, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  assertWithinSingleLimits(body.amountFen, class2Limits(), false);
  await requirePin(customer, body.pin, now);
  // Debit first so the money cannot be spent twice while the card network is asked.
  const journalId = deterministicJournalId(customerId, 'withdraw', idempotencyKey);
  const journal = withdrawJournal({
    journalId,
    customerAccountId: account.accountId,
    cardMasked: `${account.boundCard.bankName} ${account.boundCard.cardNumberMasked.slice(-4)}`,
    houseShardAccountId: houseCardShard(journalId),
    amountFen: body.amountFen,
    createdAt: now.toISOString(),
  });
  const debited = await postJournal(journal);
  if (!debited.ok) return settled(debited, account.accountId);
  const cardNumber = await decrypt(account.boundCard.cardNumberEnc);
  const pushed = await withGatewayRetry(() =>
    cardGateway().credit({ cardNumber, amountFen: body.amountFen, reference: debited.journal.journalId }),
  );
  if (pushed.ok) return settled(debited, account.accountId);
  // The card refused the money: it never left the bank, so it goes back by a reversal journal.
  const reversal: Journal = reversalJournal(
    debited.journal,
    deterministicJournalId(customerId, 'withdraw-reversal', idempotencyKey),
    new Date().toISOString(),
  );
  return settled(await postJournal(reversal), account.accountId, 'REVERSED');
});

async function payeeByPhone(phone: string) {
  const payeeId = await customerIdByLookup(keys.phone(await lookupHash('phone', phone)));
  const payee = payeeId ? await getCustomer(payeeId) : undefined;
  if (!payee?.accountId || !payee.nameMasked) return refuse('not_found', 'PAYEE_NOT_FOUND', '未找到该手机号对应的近邻银行账户');
  return { customer: payee, accountId: payee.accountId, nameMasked: payee.nameMasked };
}

const payee = defineRoute('payee', routes.payee, async ({ customerId, query }) => {
  await loadOwnAccount(await loadCustomer(customerId));
  const found = await payeeByPhone(query.phone);
  return { nameMasked: found.nameMasked, phoneMasked: maskPhone(query.phone) };
});

const transfer = defineRoute('transfer', routes.transfer, async ({ customerId, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  const limits = class2Limits();
  assertWithinSingleLimits(body.amountFen, limits, true);
  const to = await payeeByPhone(body.toPhone);
  if (to.accountId === account.accountId) return refuse('invalid', 'SAME_ACCOUNT', '不能转账给自己');
  await requirePin(customer, body.pin, now);
  const today = businessDate(now);
  const journal = transferJournal({
    journalId: deterministicJournalId(customerId, 'transfer', idempotencyKey),
    from: { accountId: account.accountId, displayName: customer.nameMasked! },
    to: { accountId: to.accountId, displayName: to.nameMasked },
    amountFen: body.amountFen,
    memo: body.memo,
    createdAt: now.toISOString(),
  });
  // A transfer between two Class II accounts is non-bound on both sides.
  const outcome = await postJournal(journal, { limitCharges: [
    ...class2Charges(account.accountId, 'OUT', today, body.amountFen, limits),
    ...class2Charges(to.accountId, 'IN', today, body.amountFen, limits),
  ] });
  return settled(outcome, account.accountId);
});

const history = defineRoute('history', routes.history, async ({ customerId, query }) => {
  const account = await loadOwnAccount(await loadCustomer(customerId));
  return historyPage(account.accountId, query.limit ?? 20, query.cursor);
});

export const handler = lambda([open, detail, topUp, withdraw, payee, transfer, history]);
