// Shapes stored records into the contract's response bodies. Only masked values leave.
import type { AccountClosure, AccountDetail, AccountSummary, HistoryEntry, Me } from '../contract/schemas.js';
import { journalReference } from '../domain/history.js';
import { KIND_LABELS } from '../domain/journal-kind-labels.js';
import { releaseAtOf } from '../domain/ledger.js';
import type { Class2Limits } from '../domain/limits.js';
import { usage } from '../domain/limits.js';
import type { AccountWithUsage, HistoryEntryRecord } from '../services/accounts.js';
import type { AccountRecord } from '../store/accounts.js';
import type { CustomerRecord } from '../store/customers.js';

export function accountSummary(account: AccountRecord): AccountSummary {
  return {
    accountId: account.accountId,
    accountNumberMasked: account.accountNumberMasked,
    accountClass: account.accountClass,
    balanceFen: account.balanceFen,
    status: account.status,
    boundCard: { bankName: account.boundCard.bankName, cardNumberMasked: account.boundCard.cardNumberMasked },
    openedAt: account.openedAt,
    ...(account.closure ? { closure: accountClosureView(account.closure) } : {}),
  };
}

export function accountClosureView({ closedAt, sweptFen, sweptToCard, reference, retainUntil }: NonNullable<AccountRecord['closure']>): AccountClosure {
  return {
    closedAt,
    sweptFen,
    sweptToCard: { bankName: sweptToCard.bankName, cardNumberMasked: sweptToCard.cardNumberMasked },
    journalId: sweptFen > 0 ? reference : null,
    retainUntil,
  };
}

export function meView(customer: CustomerRecord, account: AccountRecord | undefined, now: Date): Me {
  const lockedUntil = customer.pinLockedUntil && new Date(customer.pinLockedUntil) > now ? customer.pinLockedUntil : null;
  return {
    customerId: customer.customerId,
    phoneMasked: customer.phoneMasked ?? null,
    realName:
      customer.realNameVerifiedAt && customer.nameMasked && customer.idNumberMasked
        ? { nameMasked: customer.nameMasked, idNumberMasked: customer.idNumberMasked, verifiedAt: customer.realNameVerifiedAt }
        : null,
    pinSet: Boolean(customer.pinHash),
    pinLockedUntil: lockedUntil,
    soterEnrolled: customer.soterEnrolment ? { authMode: customer.soterEnrolment.authMode, enrolledAt: customer.soterEnrolment.enrolledAt } : null,
    account: account ? accountSummary(account) : null,
  };
}

export function accountDetail({ account, usedFen }: AccountWithUsage, limits: Class2Limits): AccountDetail {
  return {
    ...accountSummary(account),
    limits: {
      nonBoundOutToday: usage(limits.nonBoundDailyFen, usedFen.outToday),
      nonBoundOutThisYear: usage(limits.nonBoundYearlyFen, usedFen.outThisYear),
      nonBoundInToday: usage(limits.nonBoundDailyFen, usedFen.inToday),
      nonBoundInThisYear: usage(limits.nonBoundYearlyFen, usedFen.inThisYear),
      boundCard: 'UNLIMITED',
      maxSingleAmountFen: limits.maxSingleAmountFen,
    },
  };
}

/** An entry's receipt: the customer's own posting of the journal, its reference and status. */
export function historyEntryView({ journal, own, account, status, related }: HistoryEntryRecord): HistoryEntry {
  return {
    journalId: journal.journalId,
    reference: journalReference(journal.journalId),
    kind: journal.kind,
    kindLabel: KIND_LABELS[journal.kind],
    label: own.label,
    counterparty: own.counterparty,
    amountFen: own.amountFen,
    createdAt: journal.createdAt,
    status,
    accountNumberMasked: account.accountNumberMasked,
    related: related && {
      journalId: related.journalId,
      reference: journalReference(related.journalId),
      kind: related.kind,
      kindLabel: KIND_LABELS[related.kind],
      createdAt: related.createdAt,
      relation: related.relation,
    },
    releaseAt: releaseAtOf(journal),
  };
}
