// 销户 (domain/account-closure.ts): the pre-check that lists every blocker, then the closing —
// confirmed by the PIN under a nonce asked for this very request (services/second-factor.ts, as
// 更换绑定卡). The balance is swept to the bound card by a withdrawal journal whose balance update
// also closes the account (store/ledger.ts `closing`), with the customer's record of it and the
// nonce in the same transaction; then the card gateway credits the card under the journal's id,
// so a retried request credits it once. If the card refuses the money, the sweep's reversal
// reopens the account in one transaction (the closing never completed) and the customer is told.
import { cardGateway } from '../adapters/card-gateway.js';
import { config } from '../config.js';
import { type AccountClosure, CLOSURE_BLOCKER_TEXT, type ClosureBlocker, closureBlockers, retentionEnd } from '../domain/account-closure.js';
import { refuse } from '../domain/errors.js';
import { HOUSE_ACCOUNTS, reversalJournal, withdrawJournal } from '../domain/ledger.js';
import { formatYuan } from '../domain/format.js';
import { guardRefusal, type GuardText, ledgerRefusal } from '../domain/ledger-refusal.js';
import { chinaMinute } from '../domain/time.js';
import { openHeldTransferCount } from '../store/held-transfers.js';
import { allInOrder } from '../platform/all-in-order.js';
import { retry } from '../platform/retry.js';
import { closeEmptyAccountItem, recordCustomerClosure, removeCustomerClosure } from '../store/account-closure.js';
import type { AccountRecord } from '../store/accounts.js';
import { paymentHistory } from '../store/bills.js';
import { decrypt } from '../store/crypto.js';
import { CLOSING_BALANCE_MOVED, deterministicJournalId, houseShard, postJournal } from '../store/ledger.js';
import { customerLoans } from '../store/loans.js';
import { transactWrite } from '../store/transact.js';
import { customerHoldings, customerOrders } from '../store/wealth.js';
import { loadCustomer, loadOwnAccount } from './customer-guards.js';
import { GATEWAY_RETRY } from './gateway-retry.js';
import { postMessage } from './messages.js';
import { loadNonceAccount } from './money-request.js';
import { type OpenedSecondFactor, pinFactor, requireSecondFactor } from './second-factor.js';
import { sendNotice } from './sms-notice.js';

const ALREADY_CLOSED = ['ACCOUNT_CLOSED', '您的电子账户已销户'] as const;

/** What else may have changed the account between the read and the closing's transaction. */
const CLOSING_TEXTS: Readonly<Record<string, GuardText>> = {
  [CLOSING_BALANCE_MOVED]: ['ACCOUNT_CHANGED', '账户余额或状态已变化，请返回重新核对后再销户', 'conflict'],
};

/** A blocker as the pre-check and the refusal name it. */
export const blockerText = (blocker: ClosureBlocker) => ({ code: blocker, ...CLOSURE_BLOCKER_TEXT[blocker] });

/** Bill payments held are recent (the gateway answers, or the day close voids them): the newest
 *  page of the customer's payments holds any still with the biller. */
const RECENT_BILL_PAYMENTS = 50;

/** Every blocker of closing this account, read together. */
async function blockersOf(customerId: string, account: AccountRecord): Promise<ClosureBlocker[]> {
  const [loans, holdings, orders, bills, transfersHeld] = await allInOrder([
    customerLoans(customerId),
    customerHoldings(customerId),
    customerOrders(customerId),
    paymentHistory(customerId, undefined, RECENT_BILL_PAYMENTS, undefined),
    openHeldTransferCount(customerId, 1),
  ]);
  return closureBlockers({
    status: account.status,
    loansOutstanding: loans.filter((loan) => loan.status === 'ACTIVE').length,
    holdingsWithUnits: holdings.filter((holding) => holding.unitsCenti > 0).length,
    ordersPending: orders.filter((order) => order.status === 'PENDING').length,
    billPaymentsHeld: bills.items.filter((payment) => payment.status === 'HELD').length,
    transfersHeld,
  });
}

export interface ClosureCheck {
  account: AccountRecord;
  blockers: ClosureBlocker[];
  retentionYears: number;
}

/** The pre-check: the account, every blocker, and how long the records will be kept. */
export async function closureCheck(customerId: string): Promise<ClosureCheck> {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  if (account.status === 'CLOSED') return refuse('conflict', ...ALREADY_CLOSED);
  return { account, blockers: await blockersOf(customerId, account), retentionYears: config().ACCOUNT_RECORDS_RETENTION_YEARS };
}

const cardLabel = (card: AccountRecord['boundCard']) => `${card.bankName} ${card.cardNumberMasked.slice(-4)}`;

/** Closes the customer's account: the balance swept to the bound card, the account CLOSED. */
export async function closeAccount(customerId: string, secondFactor: OpenedSecondFactor, now: Date, idempotencyKey: string): Promise<{ account: AccountRecord; closure: AccountClosure }> {
  const factor = pinFactor(secondFactor);
  const { customer, account } = await loadNonceAccount(customerId, factor);
  const reference = deterministicJournalId(customerId, 'close', idempotencyKey);
  if (account.status === 'CLOSED') {
    if (account.closure?.reference !== reference) return refuse('conflict', ...ALREADY_CLOSED);
    // The request that closed it, sent again (its answer lost): the card is credited again under
    // the same reference, which the gateway credits once.
    await requireSecondFactor(customer, factor, now);
    return settle(account, account.closure);
  }
  const [blocker] = await blockersOf(customerId, account);
  if (blocker) return refuse('unprocessable', blocker, CLOSURE_BLOCKER_TEXT[blocker].message);
  const guards = await requireSecondFactor(customer, factor, now);

  const closure: AccountClosure = {
    closedAt: now.toISOString(),
    retainUntil: retentionEnd(now, config().ACCOUNT_RECORDS_RETENTION_YEARS).toISOString(),
    sweptFen: account.balanceFen,
    reference,
    sweptToCard: { bankName: account.boundCard.bankName, cardNumberMasked: account.boundCard.cardNumberMasked },
  };
  const texts = { ...guards.texts, ...CLOSING_TEXTS };
  if (account.balanceFen === 0) {
    const refusedAt = await transactWrite([closeEmptyAccountItem(account.accountId, closure), ...guards.guards.map((guard) => guard.item)]);
    if (refusedAt === 0) throw guardRefusal(CLOSING_TEXTS[CLOSING_BALANCE_MOVED]!);
    if (refusedAt !== undefined) throw guardRefusal(texts[guards.guards[refusedAt - 1]!.name]!);
  } else {
    const sweep = sweepJournal(account, reference, now);
    const outcome = await postJournal(sweep, {
      expectBalance: { accountId: account.accountId, balanceFen: account.balanceFen },
      closing: { accountId: account.accountId, close: closure },
      guards: guards.guards,
    });
    if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: texts });
  }
  const done = await settle({ ...account, balanceFen: 0, status: 'CLOSED', closure }, closure);
  // Once the close is stored and the card credited (a retry of the request is not told again).
  await sendNotice(await decrypt(customer.phoneEnc!), {
    template: 'ACCOUNT_CLOSED_NOTICE',
    params: { time: chinaMinute(now), amount: formatYuan(closure.sweptFen), last4: account.boundCard.cardNumberMasked.slice(-4) },
  });
  return done;
}

function sweepJournal(account: AccountRecord, journalId: string, now: Date) {
  return withdrawJournal({
    journalId,
    customerAccountId: account.accountId,
    cardMasked: cardLabel(account.boundCard),
    houseShardAccountId: houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, config().HOUSE_SHARDS),
    amountFen: account.balanceFen,
    createdAt: now.toISOString(),
    closing: true,
  });
}

async function closed(account: AccountRecord, closure: AccountClosure): Promise<{ account: AccountRecord; closure: AccountClosure }> {
  await postMessage({ customerId: account.ownerCustomerId, kind: 'ACCOUNT_CLOSED', ref: closure.reference, at: closure.closedAt });
  return { account, closure };
}

/** The swept money to the card the account was bound to when it closed. A card that refuses it
 *  undoes the closing: the sweep's reversal reopens the account with the money back. */
async function settle(account: AccountRecord, closure: AccountClosure): Promise<{ account: AccountRecord; closure: AccountClosure }> {
  await recordCustomerClosure(account.ownerCustomerId, closure);
  if (closure.sweptFen === 0) return closed(account, closure);
  const cardNumber = await decrypt(account.boundCard.cardNumberEnc);
  const pushed = await retry(GATEWAY_RETRY, () => cardGateway().credit({ cardNumber, amountFen: closure.sweptFen, reference: closure.reference }));
  if (pushed.ok) return closed(account, closure);
  const sweep = sweepJournal({ ...account, balanceFen: closure.sweptFen }, closure.reference, new Date(closure.closedAt));
  const reversal = reversalJournal(sweep, deterministicJournalId(closure.reference, 'close-reversal'), new Date().toISOString());
  const reopened = await postJournal(reversal, { closing: { accountId: account.accountId, reopen: closure.reference } });
  if (!reopened.ok) throw new Error(`closing ${closure.reference}: the card refused the sweep (${pushed.code}) and the reversal was refused (${reopened.reason})`);
  await removeCustomerClosure(account.ownerCustomerId, closure);
  return refuse('unprocessable', 'CLOSURE_CARD_DECLINED', `绑定卡无法入账（${pushed.message}），销户未完成，余额已退回电子账户，请更换绑定卡后再试`);
}
