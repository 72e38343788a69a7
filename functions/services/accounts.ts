// The Class II e-account: opening, balance and limits, top-up, withdrawal, transfer, history.
import { randomInt, randomUUID } from 'node:crypto';
import { cardGateway } from '../adapters/card-gateway.js';
import { config } from '../config.js';
import type { MoneyMovementResult } from '../contract/schemas.js';
import { accountNumberFrom } from '../domain/account-number.js';
import { luhnValid } from '../domain/card.js';
import { assertReadyFor } from '../domain/customer.js';
import { searchableAccountNumber } from '../domain/customer-service.js';
import { Refusal, refuse } from '../domain/errors.js';
import { awaitsFollowUp, type EntryStatus, entryStatus, HISTORY_GROUPS, type HistoryDirection, type HistoryGroup, journalReference, returnsMoney } from '../domain/history.js';
import { HOUSE_ACCOUNTS, type Journal, type Posting, releaseAtOf, reversalJournal, topUpJournal, transferHoldJournal, transferJournal, transferLabels, withdrawJournal } from '../domain/ledger.js';
import { ledgerRefusal } from '../domain/ledger-refusal.js';
import { assertWithinSingleLimits, class2Charges, type LimitCharge, limitBuckets } from '../domain/limits.js';
import { maskCardNumber } from '../domain/masking.js';
import { businessDate } from '../domain/time.js';
import { allInOrder } from '../platform/all-in-order.js';
import { retry } from '../platform/retry.js';
import { type AccountRecord, getAccount, limitCounters, openAccount as storeAccount } from '../store/accounts.js';
import { cardChanges } from '../store/card-changes.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import type { CustomerRecord } from '../store/customers.js';
import { deterministicJournalId, type FollowUp, followUps, getJournal, type Guard, historyPage, houseShard, journalAmong, journalKey, postingShortOfFunds, postJournal } from '../store/ledger.js';
import { holdGuards } from '../store/held-transfers.js';
import { heldTransferOf } from './held-transfers.js';
import type { TransactItem } from '../store/transact.js';
import { movementRiskKeys, movementRiskMemory } from '../store/movement-risk.js';
import { recordCustomerEvent } from './customer-events.js';
import { class2Limits, loadCustomer, loadOwnAccount, loadPayeeByPhone, onboardingState } from './customer-guards.js';
import { COMPLETION_GUARD_TEXT, type RequestCompletion } from './idempotency.js';
import { loadNonceAccount, movementParties } from './money-request.js';
import { type OpenedSecondFactor, requireSecondFactor, type SecondFactorGuards } from './second-factor.js';
import { GATEWAY_RETRY } from './gateway-retry.js';
import { enforceMovementRisk } from './movement-risk.js';
import type { TokenDevice } from './tokens.js';
import { openAmlAlertItems } from '../store/aml-alerts.js';
import { rerateCustomer } from './customer-risk-rating.js';
import { screeningAlertFor } from './name-screening.js';

/** An account with what its limits view needs: the Class II counters of today and this year. */
export interface AccountWithUsage {
  account: AccountRecord;
  usedFen: { outToday: number; outThisYear: number; inToday: number; inThisYear: number };
}

async function withUsage(account: AccountRecord, now: Date): Promise<AccountWithUsage> {
  const today = businessDate(now);
  const out = limitBuckets('OUT', today);
  const into = limitBuckets('IN', today);
  const used = await limitCounters(account.accountId, [out.daily, out.yearly, into.daily, into.yearly]);
  return {
    account,
    usedFen: { outToday: used[out.daily]!, outThisYear: used[out.yearly]!, inToday: used[into.daily]!, inThisYear: used[into.yearly]! },
  };
}

export async function openAccount(customerId: string, cardNumber: string, now: Date): Promise<AccountWithUsage> {
  const customer = await loadCustomer(customerId);
  assertReadyFor('openAccount', onboardingState(customer));
  if (customer.accountId) return refuse('conflict', 'ACCOUNT_ALREADY_OPEN', '已开通电子账户');
  if (!luhnValid(cardNumber)) return refuse('invalid', 'CARD_NUMBER_INVALID', '银行卡号有误，请核对');
  const boundCard = await verifiedOwnCard(customer, cardNumber);
  const accountNumber = accountNumberFrom(String(randomInt(0, 1e12)).padStart(12, '0'));
  const account: AccountRecord = {
    accountId: randomUUID(),
    ownerCustomerId: customerId,
    accountNumberMasked: `${accountNumber.slice(0, 4)} **** **** ${accountNumber.slice(-4)}`,
    accountNumberEnc: await encrypt(accountNumber),
    accountClass: 'II',
    balanceFen: 0,
    status: 'ACTIVE',
    boundCard,
    openedAt: now.toISOString(),
  };
  const screeningAlert = await screeningAlertFor(customer, account, now);
  await storeAccount(account, await lookupHash('account-number', searchableAccountNumber(accountNumber)), screeningAlert ? openAmlAlertItems(screeningAlert) : []);
  // The open alert rates the customer again (never told: the customer's answer is the same).
  if (screeningAlert) await rerateCustomer(customerId, now);
  await recordCustomerEvent({ customerId, kind: 'ACCOUNT_OPENED', at: account.openedAt, ref: account.accountId });
  // A new account has used no limit yet.
  return { account, usedFen: { outToday: 0, outThisYear: 0, inToday: 0, inThisYear: 0 } };
}

/** A card the card gateway vouches is the customer's own (their name and ID number), as it is
 *  bound: its bank, masked and encrypted. At opening and at a change of card. */
export async function verifiedOwnCard(customer: CustomerRecord, cardNumber: string): Promise<AccountRecord['boundCard']> {
  const verified = await cardGateway().verify({
    cardNumber,
    holderName: await decrypt(customer.nameEnc!),
    idNumber: await decrypt(customer.idNumberEnc!),
  });
  if (!verified.ok) return refuse('unprocessable', verified.code, verified.message);
  return { bankName: verified.bankName, cardNumberMasked: maskCardNumber(cardNumber), cardNumberEnc: await encrypt(cardNumber) };
}

export async function ownAccount(customerId: string, now: Date): Promise<AccountWithUsage> {
  return withUsage(await loadOwnAccount(await loadCustomer(customerId)), now);
}

/** The answer to a movement posted without the balance known: written by an earlier attempt of
 *  the same request (a crash, a lapsed lease), or after another movement of the account. */
async function readBackAnswer(journal: Journal, ownAccountId: string, status: MovementStatus): Promise<MoneyMovementResult> {
  const account = await getAccount(ownAccountId);
  return answer(journal, ownAccountId, account!.balanceFen, status);
}

type MovementStatus = 'SUCCEEDED' | 'REVERSED';

/** A delayed transfer's hold answers HELD with when it is released, whatever the caller posted it as. */
function answer(journal: Journal, ownAccountId: string, balanceFen: number, status: MovementStatus): MoneyMovementResult {
  const own = journal.postings.find((p) => p.accountId === ownAccountId);
  if (!own) throw new Error(`journal ${journal.journalId} does not touch account ${ownAccountId}`);
  const releaseAt = releaseAtOf(journal);
  return {
    journalId: journal.journalId,
    reference: journalReference(journal.journalId),
    kind: journal.kind,
    status: releaseAt === null ? status : 'HELD',
    amountFen: Math.abs(own.amountFen),
    balanceFen,
    createdAt: journal.createdAt,
    ...(releaseAt === null ? {} : { releaseAt }),
  };
}

/** Posts a movement of the customer's account and answers with the balance after it — known
 *  from the balance read when the transaction finds it unchanged, read back otherwise (another
 *  movement came between). The second factor's guards go in the same transaction, and so does
 *  the request's stored answer when the balance is known (`completion`) or, for a workflow
 *  answered later, the lease on its key (`lease`, under first-write), so a movement is one write. */
async function postMovement(
  journal: Journal,
  {
    account,
    limitCharges = [],
    factor,
    completion,
    lease,
    records,
    guards = [],
    status = 'SUCCEEDED',
  }: {
    account: AccountRecord;
    limitCharges?: LimitCharge[];
    records?: TransactItem[];
    /** The movement's own conditions (a delayed transfer's hold record). */
    guards?: Guard[];
    factor?: SecondFactorGuards;
    completion?: RequestCompletion;
    lease?: RequestCompletion;
    status?: MovementStatus;
  },
): Promise<MoneyMovementResult> {
  const own = journal.postings.find((p) => p.accountId === account.accountId);
  if (!own) throw new Error(`journal ${journal.journalId} does not touch account ${account.accountId}`);
  const balanceAfterFen = account.balanceFen + own.amountFen;
  const result = answer(journal, account.accountId, balanceAfterFen, status);
  // Short as read: refused, unless an earlier run of this request wrote the movement.
  const outcome =
    balanceAfterFen < 0
      ? await postingShortOfFunds(journal, account.accountId)
      : await postJournal(journal, {
          limitCharges,
          records,
          guards: [...(factor?.guards ?? []), ...guards, ...(lease?.leaseGuard() ?? [])],
          // Under first-write, whichever attempt writes the movement also writes the request's key:
          // its answer when the balance is as read, else its lease (the answer is stored after).
          expectBalance: {
            accountId: account.accountId,
            balanceFen: account.balanceFen,
            exactGuards: completion ? [completion.guard(result)] : [],
            otherwiseGuards: completion?.leaseGuard() ?? [],
          },
        });
  if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: { ...factor?.texts, ...COMPLETION_GUARD_TEXT } });
  if (outcome.replayed) (completion ?? lease)?.journalWrittenBefore();
  lease?.leased();
  if (!outcome.atExpectedBalance) {
    completion?.leased();
    return readBackAnswer(outcome.journal, account.accountId, status);
  }
  completion?.stored();
  return result;
}

const houseCardShard = (journalId: string) => houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, config().HOUSE_SHARDS);
const cardLabel = (card: AccountRecord['boundCard']) => `${card.bankName} ${card.cardNumberMasked.slice(-4)}`;

/** A journal between the e-account and its bound card, as a top-up's and a withdrawal's name them. */
const cardJournalParts = (account: AccountRecord, journalId: string, amountFen: number, now: Date) => ({
  journalId,
  customerAccountId: account.accountId,
  cardMasked: cardLabel(account.boundCard),
  houseShardAccountId: houseCardShard(journalId),
  amountFen,
  createdAt: now.toISOString(),
});

export interface CardMovement {
  customerId: string;
  amountFen: number;
  secondFactor: OpenedSecondFactor;
  now: Date;
  idempotencyKey: string;
  completion?: RequestCompletion;
}

/** The customer and the account the nonce names, read once (with the request's key under
 *  first-write), with the second factor checked. */
async function confirmedAccount(
  { customerId, secondFactor, now, idempotencyKey, completion }: Omit<CardMovement, 'amountFen'>,
  alsoRead: readonly Record<string, string>[] = [],
) {
  const { customer, account, also } = await loadNonceAccount(customerId, secondFactor, completion, alsoRead);
  // Each movement's journal id derives from its Idempotency-Key (deterministicJournalId).
  const factor = await requireSecondFactor(customer, secondFactor, now, idempotencyKey);
  return { customer, account, factor, also };
}

/** The checks before money moves with the bound card (bound: no Class II limit but the single
 *  amount's), then the second factor. */
async function cardMovementAccount(movement: CardMovement, alsoRead: readonly Record<string, string>[] = []) {
  assertWithinSingleLimits(movement.amountFen, class2Limits(), false);
  return confirmedAccount(movement, alsoRead);
}

export async function topUp(movement: CardMovement): Promise<MoneyMovementResult> {
  const { customerId, amountFen, now, idempotencyKey, completion } = movement;
  const { account, factor } = await cardMovementAccount(movement);
  const journalId = deterministicJournalId(customerId, 'topUp', idempotencyKey);
  // Pull from the card first: the e-account is credited only with money that has arrived.
  const cardNumber = await decrypt(account.boundCard.cardNumberEnc);
  const pulled = await retry(GATEWAY_RETRY, () => cardGateway().debit({ cardNumber, amountFen, reference: journalId }));
  // The card network gave a definite no: nothing moved, and retrying will not change it.
  if (!pulled.ok) return refuse('unprocessable', pulled.code, pulled.message);
  const journal = topUpJournal(cardJournalParts(account, journalId, amountFen, now));
  try {
    return await postMovement(journal, { account, factor, completion });
  } catch (error) {
    // The card paid but the credit was refused for good — the nonce spent by another request,
    // the PIN locked by guesses racing this one, the account closed: the money goes back to the
    // card. (A refusal that another attempt of this same request will finish is not one of them.)
    if (error instanceof Refusal && REFUSED_AFTER_PULL.has(error.code)) {
      const refund = deterministicJournalId(customerId, 'topUp-refund', idempotencyKey);
      const returned = await retry(GATEWAY_RETRY, () => cardGateway().credit({ cardNumber, amountFen, reference: refund }));
      if (!returned.ok) throw new Error(`top-up ${journalId}: card debited, credit refused (${error.code}), refund ${refund} declined: ${returned.code}`);
    }
    throw error;
  }
}

/** Refusals of a top-up's credit that no attempt of the same request can get past. */
const REFUSED_AFTER_PULL: ReadonlySet<string> = new Set(['NONCE_USED', 'PIN_LOCKED', 'ACCOUNT_INACTIVE', 'ACCOUNT_CLOSED']);

/** What a customer asks of a movement the anti-fraud rules judge, besides its amount. */
interface JudgedMovement {
  riskAcknowledged?: true;
  /** What the access token says of the device and the session's last step-up. */
  device: TokenDevice;
}

export type WithdrawalRequest = CardMovement & JudgedMovement;

/** A withdrawal to the bound card, judged by the anti-fraud rules from the account's own read. */
export async function withdraw(movement: WithdrawalRequest): Promise<MoneyMovementResult> {
  const { customerId, amountFen, now, idempotencyKey, completion } = movement;
  const journalId = deterministicJournalId(customerId, 'withdraw', idempotencyKey);
  const parties = movementParties(customerId, movement.secondFactor, null, now);
  const { customer, account, factor, also } = await cardMovementAccount(movement, [...movementRiskKeys(parties), journalKey(journalId)]);
  // A retry of a withdrawal already debited (its answer waits on the card) finishes it: the rules
  // decided it then, and deciding again could refuse a debit that stands. The replay below answers
  // with the journal as written, so this attempt's journal needs no decision of its own.
  const decided = journalAmong(also, journalId)
    ? undefined
    : enforceMovementRisk(movementRiskMemory(parties, also), {
        ...parties,
        kind: 'WITHDRAWAL',
        amountFen,
        customer,
        acknowledged: movement.riskAcknowledged === true,
        device: movement.device,
      });
  // Debit first so the money cannot be spent twice while the card network is asked. The answer
  // depends on the card's, so it is stored after (not with the debit): the debit takes the lease.
  const debit: Journal = { ...withdrawJournal(cardJournalParts(account, journalId, amountFen, now)), ...(decided && { risk: decided.journalRisk }) };
  const debited = await postMovement(debit, { account, factor, lease: completion, records: decided?.records });
  const cardNumber = await decrypt((await cardOfDebit(account, debit, debited)).cardNumberEnc);
  const pushed = await retry(GATEWAY_RETRY, () => cardGateway().credit({ cardNumber, amountFen, reference: debit.journalId }));
  if (pushed.ok) return debited;
  // The card refused the money: it never left the bank, so it goes back by a reversal journal.
  const afterDebit = { ...account, balanceFen: debited.balanceFen };
  const reversal = reversalJournal(debit, deterministicJournalId(customerId, 'withdraw-reversal', idempotencyKey), new Date().toISOString());
  return postMovement(reversal, { account: afterDebit, status: 'REVERSED' });
}

/** The card a withdrawal's debit was sent to: the card this attempt read — unless the debit was
 *  written by an earlier attempt of the same request (its answer carries that attempt's time) and
 *  the card changed since (更换绑定卡): then the card that debit names, from the account's card
 *  history, so a retried withdrawal settles where it was sent. Only such a retry reads more. */
async function cardOfDebit(account: AccountRecord, debit: Journal, debited: MoneyMovementResult): Promise<AccountRecord['boundCard']> {
  if (debited.createdAt === debit.createdAt) return account.boundCard;
  const written = await getJournal(debit.journalId);
  const sentTo = written?.postings.find((posting) => posting.accountId === account.accountId)?.counterparty;
  if (sentTo === undefined || sentTo === cardLabel(account.boundCard)) return account.boundCard;
  const unbound = (await cardChanges(account.accountId)).find((change) => cardLabel(change.oldCard) === sentTo);
  if (!unbound) throw new Error(`withdrawal ${debit.journalId}: the card it was sent to (${sentTo}) is not in the card history`);
  return unbound.oldCard;
}

/** Whom a phone number pays, masked, for the customer to confirm before a transfer. */
export async function findPayee(customerId: string, phone: string): Promise<{ nameMasked: string }> {
  await loadOwnAccount(await loadCustomer(customerId));
  const { nameMasked } = await loadPayeeByPhone(phone);
  return { nameMasked };
}

export type TransferRequest = CardMovement &
  JudgedMovement & {
    toPhone: string;
    memo?: string;
  };

/** A transfer to the payee its nonce was issued for (resolved from `toPhone` then, and bound to
 *  it by the request hash): read the customer and account with what the anti-fraud rules judge
 *  it on, one transaction — to the payee, or, when the rules delay it, to the held-transfers
 *  account with the hold's record (services/held-transfers.ts releases or returns it). */
export async function transfer({ customerId, amountFen, secondFactor, now, idempotencyKey, memo, riskAcknowledged, device, completion }: TransferRequest): Promise<MoneyMovementResult> {
  const to = secondFactor.payee;
  if (!to) throw new Error('a transfer nonce names its payee');
  const limits = class2Limits();
  assertWithinSingleLimits(amountFen, limits, true);
  const parties = { ...movementParties(customerId, secondFactor, to.accountId, now), payeeAccountId: to.accountId };
  const { customer, account, factor, also } = await confirmedAccount({ customerId, secondFactor, now, idempotencyKey, completion }, movementRiskKeys(parties));
  if (to.accountId === account.accountId) return refuse('invalid', 'SAME_ACCOUNT', '不能转账给自己');
  const risk = enforceMovementRisk(movementRiskMemory(parties, also), { ...parties, kind: 'TRANSFER', amountFen, customer, acknowledged: riskAcknowledged === true, device });
  const today = businessDate(now);
  const journalId = deterministicJournalId(customerId, 'transfer', idempotencyKey);
  const parts = {
    journalId,
    from: { accountId: account.accountId, displayName: customer.nameMasked! },
    to: { accountId: to.accountId, displayName: to.nameMasked },
    amountFen,
    memo,
    createdAt: now.toISOString(),
  };
  // A transfer between two Class II accounts is non-bound on both sides; a held one is charged
  // when it is asked for, and given back if it is returned.
  const limitCharges = [...class2Charges(account.accountId, 'OUT', today, amountFen, limits), ...class2Charges(to.accountId, 'IN', today, amountFen, limits)];
  if (risk.journalRisk.outcome !== 'DELAY') {
    return postMovement({ ...transferJournal(parts), risk: risk.journalRisk }, { account, limitCharges, factor, completion, records: risk.records });
  }
  const hold: Journal = { ...transferHoldJournal({ ...parts, heldShardAccountId: houseShard(HOUSE_ACCOUNTS.HELD_TRANSFERS, journalId, config().HOUSE_SHARDS) }), risk: risk.journalRisk };
  const held = { customerId, accountId: account.accountId, payeeAccountId: to.accountId, senderName: parts.from.displayName, payeeLabel: transferLabels(parts).payee, amountFen };
  const guards = holdGuards(heldTransferOf(hold, held, limitCharges));
  return postMovement(hold, { account, limitCharges, factor, completion, guards, records: risk.records });
}

export interface HistoryRequest {
  limit: number;
  cursor: string | undefined;
  direction: HistoryDirection | undefined;
  group: HistoryGroup | undefined;
}

/** A page of the account's history, newest first, each entry with its status (a reversed
 *  withdrawal, a refunded purchase, a bill still with the biller). */
export async function history(customerId: string, { limit, cursor, direction, group }: HistoryRequest) {
  const account = await loadOwnAccount(await loadCustomer(customerId));
  const page = await historyPage(account.accountId, limit, cursor, { direction, kinds: group ? HISTORY_GROUPS[group] : undefined });
  const awaiting = [...new Set(page.items.filter((item) => awaitsFollowUp(item.kind)).map((item) => item.journalId))];
  const later = await followUps(awaiting);
  return {
    items: page.items.map((item) => ({ ...item, status: entryStatus(item.kind, later.get(item.journalId)?.kind) })),
    nextCursor: page.nextCursor,
  };
}

export interface HistoryEntryRecord {
  journal: Journal;
  /** The journal's posting to the customer's account. */
  own: Posting;
  account: AccountRecord;
  status: EntryStatus;
  /** The entry that gave this one's money back, or the one this gives back. */
  related: (FollowUp & { relation: 'RETURNED_BY' | 'RETURNS' }) | null;
}

const ENTRY_NOT_FOUND = ['HISTORY_ENTRY_NOT_FOUND', '未找到这笔交易'] as const;

/** One entry of the customer's own history; any other journal is not theirs to see (404). */
export async function historyEntry(customerId: string, journalId: string): Promise<HistoryEntryRecord> {
  const [account, journal, later] = await allInOrder([loadCustomer(customerId).then(loadOwnAccount), getJournal(journalId), followUps([journalId])]);
  const own = journal?.postings.find((posting) => posting.accountId === account.accountId);
  if (!journal || !own) return refuse('not_found', ...ENTRY_NOT_FOUND);
  const followUp = later.get(journalId);
  const returnsOf = journal.reverses ?? journal.refunds;
  const original = returnsOf === undefined ? undefined : await getJournal(returnsOf);
  let related: HistoryEntryRecord['related'] = null;
  if (followUp && returnsMoney(followUp.kind)) related = { ...followUp, relation: 'RETURNED_BY' };
  else if (original) related = { journalId: original.journalId, kind: original.kind, createdAt: original.createdAt, relation: 'RETURNS' };
  return { journal, own, account, status: entryStatus(journal.kind, followUp?.kind), related };
}
