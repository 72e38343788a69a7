// The service desk's views: stored records shaped into the console contract, masked — no full
// phone, ID or account number leaves here (a reveal answers its one value itself).
import type { ConsoleAccountView, Customer360View } from '../contract/console-service-schemas.js';
import type { ChangeRequest } from '../domain/change-requests.js';
import { PIN_LOCK_HINT } from '../domain/customer-service.js';
import { outstandingPrincipalFen } from '../domain/loan/state.js';
import type { Customer360, CustomerMatch } from '../services/customer-service.js';
import type { AccountRecord } from '../store/accounts.js';
import { CUSTOMER_RISK_RATING_LABELS } from '../domain/customer-risk-rating.js';
import { deviceLabel } from '../domain/sessions.js';

export function customerMatchView({ customer, account }: CustomerMatch) {
  return {
    customerId: customer.customerId,
    nameMasked: customer.nameMasked ?? null,
    phoneMasked: customer.phoneMasked ?? null,
    accountId: account?.accountId ?? null,
    accountNumberMasked: account?.accountNumberMasked ?? null,
    accountStatus: account?.status ?? null,
    realNameVerified: Boolean(customer.realNameVerifiedAt),
    createdAt: customer.createdAt,
  };
}

export function consoleAccountView(account: AccountRecord, pendingUnfreeze: ChangeRequest | undefined): ConsoleAccountView {
  return {
    accountId: account.accountId,
    accountNumberMasked: account.accountNumberMasked,
    accountClass: account.accountClass,
    balanceFen: account.balanceFen,
    status: account.status,
    freeze: account.status === 'FROZEN' && account.freeze ? { reason: account.freeze.reason, frozenAt: account.freeze.frozenAt, frozenBy: account.freeze.login } : null,
    boundCard: { bankName: account.boundCard.bankName, cardNumberMasked: account.boundCard.cardNumberMasked },
    openedAt: account.openedAt,
    closure: account.closure ? { closedAt: account.closure.closedAt, retainUntil: account.closure.retainUntil, sweptFen: account.closure.sweptFen } : null,
    pendingUnfreeze: pendingUnfreeze
      ? { changeId: pendingUnfreeze.changeId, status: pendingUnfreeze.status, makerLogin: pendingUnfreeze.maker.login, submittedAt: pendingUnfreeze.submittedAt }
      : null,
  };
}

export function customer360View({ customer, account, pendingUnfreeze, journals, loans, bills, holdings, manager, devices, riskRating }: Customer360, now: Date): Customer360View {
  const lockedUntil = customer.pinLockedUntil && new Date(customer.pinLockedUntil) > now ? customer.pinLockedUntil : null;
  return {
    profile: {
      customerId: customer.customerId,
      nameMasked: customer.nameMasked ?? null,
      phoneMasked: customer.phoneMasked ?? null,
      idNumberMasked: customer.idNumberMasked ?? null,
      realNameVerifiedAt: customer.realNameVerifiedAt ?? null,
      createdAt: customer.createdAt,
    },
    devices: devices.map((session) => ({
      deviceLabel: deviceLabel(session),
      platform: session.platform ?? null,
      place: session.place,
      signedInAt: new Date(session.startedAt).toISOString(),
      lastUsedAt: session.lastUsedAt,
      deviceVerified: session.deviceVerified,
      knownSince: session.deviceFirstSeenAt ?? null,
    })),
    riskRating: riskRating
      ? { rating: riskRating.rating, label: CUSTOMER_RISK_RATING_LABELS[riskRating.rating], reasons: riskRating.reasons.map((reason) => reason.text), ratedAt: riskRating.ratedAt }
      : null,
    account: account ? consoleAccountView(account, pendingUnfreeze) : null,
    journals: journals.map(({ journalId, kind, label, counterparty, amountFen, createdAt }) => ({ journalId, kind, label, counterparty, amountFen, createdAt })),
    loans: loans.map((loan) => ({
      loanId: loan.loanId,
      productName: loan.productName,
      status: loan.status,
      principalFen: loan.state.principalFen,
      outstandingPrincipalFen: outstandingPrincipalFen(loan.state.installments),
      termMonths: loan.termMonths,
      annualizedRateDisplay: loan.annualizedRateDisplay,
      signedAt: loan.signedAt,
    })),
    bills: bills.map(({ paymentId, billerName, category, amountFen, status, heldAt }) => ({ paymentId, billerName, category, amountFen, status, heldAt })),
    wealth: holdings.map(({ productId, productName, unitsCenti, investedFen }) => ({ productId, productName, unitsCenti, investedFen })),
    manager: manager
      ? {
          staffId: manager.attribution.staffId,
          name: manager.staff?.name ?? null,
          staffNo: manager.staff?.staffNo ?? null,
          branchName: manager.staff?.branchName ?? null,
          since: manager.attribution.attributedAt,
        }
      : null,
    pin: {
      set: Boolean(customer.pinHash),
      failedAttempts: customer.pinFailedAttempts ?? 0,
      lockedUntil,
      hint: PIN_LOCK_HINT,
    },
  };
}
