// The journals of a two-phase bill payment. Phase 1 (BILL_HOLD) moves the amount from the
// customer to the bill-clearing suspense account: it has left the customer's balance, so it
// cannot be spent twice while the gateway is asked. Phase 2 moves it on to the billers'
// settlement account when the gateway confirms (BILL_SETTLEMENT), or back to the customer when
// the gateway declines or never answers (BILL_VOID). Both phase-2 journals name the hold they
// complete, and only one of them can ever be written for a payment (the payment's HELD status
// is the condition of both).
import { assertBalanced, type Journal } from '../ledger.js';
import { assertPositiveFen } from '../money.js';

export function billHoldJournal(args: {
  journalId: string;
  customerAccountId: string;
  clearingShardAccountId: string;
  amountFen: number;
  billerName: string;
  accountNumberMasked: string;
  paymentId: string;
  createdAt: string;
  origin?: 'DAY_CLOSE';
}): Journal {
  assertPositiveFen(args.amountFen);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'BILL_HOLD',
    createdAt: args.createdAt,
    ...(args.origin ? { origin: args.origin } : {}),
    postings: [
      { accountId: args.customerAccountId, amountFen: -args.amountFen, label: `${args.billerName}缴费`, counterparty: args.accountNumberMasked },
      { accountId: args.clearingShardAccountId, amountFen: args.amountFen, label: '缴费待清算', counterparty: args.paymentId },
    ],
  });
}

/** The hold's two postings: the customer's debit and the clearing shard's credit. */
function holdParts(hold: Journal): { customer: Journal['postings'][number]; clearing: Journal['postings'][number] } {
  if (hold.kind !== 'BILL_HOLD' || hold.postings.length !== 2) throw new Error(`${hold.journalId} is not a bill hold`);
  const customer = hold.postings.find((p) => p.amountFen < 0);
  const clearing = hold.postings.find((p) => p.amountFen > 0);
  if (!customer || !clearing) throw new Error(`${hold.journalId} is not a bill hold`);
  return { customer, clearing };
}

export function billSettlementJournal(args: {
  journalId: string;
  hold: Journal;
  settlementShardAccountId: string;
  billerName: string;
  createdAt: string;
  origin?: 'DAY_CLOSE';
}): Journal {
  const { clearing } = holdParts(args.hold);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'BILL_SETTLEMENT',
    createdAt: args.createdAt,
    completes: args.hold.journalId,
    ...(args.origin ? { origin: args.origin } : {}),
    postings: [
      { accountId: clearing.accountId, amountFen: -clearing.amountFen, label: '缴费清算完成', counterparty: clearing.counterparty },
      { accountId: args.settlementShardAccountId, amountFen: clearing.amountFen, label: `应付${args.billerName}`, counterparty: clearing.counterparty },
    ],
  });
}

/** Undoes the hold posting by posting: the money is back on the customer's balance. */
export function billVoidJournal(args: { journalId: string; hold: Journal; billerName: string; createdAt: string; origin?: 'DAY_CLOSE' }): Journal {
  const { customer, clearing } = holdParts(args.hold);
  return assertBalanced({
    journalId: args.journalId,
    kind: 'BILL_VOID',
    createdAt: args.createdAt,
    reverses: args.hold.journalId,
    completes: args.hold.journalId,
    ...(args.origin ? { origin: args.origin } : {}),
    postings: [
      { accountId: customer.accountId, amountFen: -customer.amountFen, label: `${args.billerName}缴费失败退回`, counterparty: customer.counterparty },
      { accountId: clearing.accountId, amountFen: -clearing.amountFen, label: '缴费撤销', counterparty: clearing.counterparty },
    ],
  });
}
