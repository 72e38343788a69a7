// Shapes bill records into the contract's views.
import type { BillerCatalog, BillerView, BillPaymentResult, BillPaymentView, BillView, PayeeView } from '../contract/bill-schemas.js';
import { accountNumberInput } from '../domain/bills/account-number.js';
import { isPrepaid } from '../domain/bills/amount.js';
import { PAYMENT_STATUS_LABELS } from '../domain/bills/bill.js';
import { type Biller, CATEGORY_LABELS } from '../domain/bills/biller.js';
import { journalReference } from '../domain/history.js';
import type { BillerCatalogue, BillPaid, BillPaymentRecord, BillQuote, PayeeWithBiller } from '../services/bills.js';

export function billerView(biller: Biller): BillerView {
  return {
    billerId: biller.billerId,
    name: biller.name,
    category: biller.category,
    categoryLabel: CATEGORY_LABELS[biller.category],
    city: biller.city,
    accountNumberLabel: biller.accountNumber.label,
    accountNumberHint: biller.accountNumber.hint,
    accountNumberInput: accountNumberInput(biller.accountNumber.format),
    amountRule: biller.amountRule.kind,
    prepaid: isPrepaid(biller.amountRule),
  };
}

export function catalogueView({ categories, billers }: BillerCatalogue): BillerCatalog {
  return {
    categories: categories.map(({ category, cities }) => ({ category, label: CATEGORY_LABELS[category], cities })),
    items: billers.map(billerView),
  };
}

export function billView({ biller, accountNumberMasked, bill, alreadyPaid, amount, payeeId, businessDate }: BillQuote): BillView {
  return {
    biller: billerView(biller),
    accountNumberMasked,
    holderNameMasked: bill.holderNameMasked,
    bill: bill.outcome === 'BILL' ? { period: bill.period, amountDueFen: bill.amountDueFen, dueDate: bill.dueDate, arrears: bill.arrears } : null,
    alreadyPaid,
    amount,
    payeeId,
    businessDate,
  };
}

export function paymentView(record: BillPaymentRecord): BillPaymentView {
  return {
    paymentId: record.paymentId,
    status: record.status,
    statusLabel: PAYMENT_STATUS_LABELS[record.status],
    journalId: record.holdJournalId,
    reference: journalReference(record.holdJournalId),
    billerId: record.billerId,
    billerName: record.billerName,
    category: record.category,
    categoryLabel: CATEGORY_LABELS[record.category],
    cityName: record.cityName,
    accountNumberMasked: record.accountNumberMasked,
    holderNameMasked: record.holderNameMasked,
    period: record.period,
    amountDueFen: record.amountDueFen,
    amountFen: record.amountFen,
    prepaymentFen: record.prepaymentFen,
    gatewayReference: record.gatewayReference,
    paidAt: record.heldAt,
    settledAt: record.settledAt,
    voidedAt: record.voidedAt,
    failure: record.failure,
    autoPay: record.origin === 'AUTO_PAY',
  };
}

export const billPaidView = ({ payment, balanceFen }: BillPaid): BillPaymentResult => ({ ...paymentView(payment), balanceFen });

export function payeeView({ payee, biller }: PayeeWithBiller): PayeeView {
  return {
    payeeId: payee.payeeId,
    nickname: payee.nickname,
    biller: billerView(biller),
    accountNumberMasked: payee.accountNumberMasked,
    autoPay: payee.autoPay,
    lastAutoPay: payee.lastAutoPay,
    createdAt: payee.createdAt,
  };
}
