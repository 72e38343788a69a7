// Bill answers as the contract shapes them (functions/contract/bill-schemas.ts), modelled on the
// seed billers (functions/domain/bills/biller.ts): one per amount rule.
import type { BillerCatalog, BillerView, BillPaymentResult, BillView } from '@contract/bill-schemas';

const nanjing = { code: 'nanjing', name: '南京' };

/** The bill or more, the rest kept as prepayment. */
export const powerBiller: BillerView = {
  billerId: 'nj-power',
  name: '国网南京供电公司',
  category: 'ELECTRICITY',
  categoryLabel: '电费',
  city: nanjing,
  accountNumberLabel: '户号',
  accountNumberHint: '10 位数字，见电费通知单',
  accountNumberInput: { digitsOnly: true, maxLength: 10 },
  amountRule: 'AT_LEAST_BILL',
  prepaid: false,
};

/** Prepaid: any amount in a range, in steps, with presets. */
export const phoneBiller: BillerView = {
  billerId: 'js-mobile',
  name: '江苏移动话费充值',
  category: 'PHONE',
  categoryLabel: '话费',
  city: nanjing,
  accountNumberLabel: '手机号',
  accountNumberHint: '11 位手机号',
  accountNumberInput: { digitsOnly: true, maxLength: 11 },
  amountRule: 'RANGE',
  prepaid: true,
};

/** Exactly the bill. */
export const propertyBiller: BillerView = {
  billerId: 'nj-property',
  name: '南京金陵物业',
  category: 'PROPERTY_FEE',
  categoryLabel: '物业费',
  city: nanjing,
  accountNumberLabel: '房号',
  accountNumberHint: '如 A3-1202',
  accountNumberInput: { digitsOnly: false, maxLength: 30 },
  amountRule: 'EXACT',
  prepaid: false,
};

export const catalog: BillerCatalog = {
  categories: [],
  items: [powerBiller, phoneBiller, propertyBiller],
};

/** An electricity bill of ¥356.78 in arrears: ¥160.00 overdue and a late fee of ¥12.34 included. */
export const powerBill: BillView = {
  biller: powerBiller,
  accountNumberMasked: '32******78',
  holderNameMasked: '*小明',
  bill: { period: '2026-02', amountDueFen: 35678, dueDate: '2026-03-15', arrears: { sinceDate: '2026-02-15', overdueFen: 16000, lateFeeFen: 1234 } },
  alreadyPaid: null,
  amount: { kind: 'AT_LEAST_BILL', fixedFen: null, minFen: 35678, maxFen: 500000, stepFen: 1, presetsFen: [35678] },
  payeeId: null,
  businessDate: '2026-03-02',
};

export const phoneTopUp: BillView = {
  biller: phoneBiller,
  accountNumberMasked: '138****0000',
  holderNameMasked: '*小明',
  bill: null,
  alreadyPaid: null,
  amount: { kind: 'RANGE', fixedFen: null, minFen: 1000, maxFen: 50000, stepFen: 100, presetsFen: [3000, 5000, 10000] },
  payeeId: null,
  businessDate: '2026-03-02',
};

export const propertyBill: BillView = {
  biller: propertyBiller,
  accountNumberMasked: 'A3***1202',
  holderNameMasked: '*小明',
  bill: { period: '2026-Q1', amountDueFen: 123456, dueDate: null, arrears: null },
  alreadyPaid: null,
  amount: { kind: 'EXACT', fixedFen: 123456, minFen: 123456, maxFen: 123456, stepFen: 1, presetsFen: [123456] },
  payeeId: null,
  businessDate: '2026-03-02',
};

export const PAYEE_ID = 'Y01HQ7Z3K9ABCDEFG';

/** The same electricity bill, looked up through a saved payee. */
export const payeeBill: BillView = { ...powerBill, payeeId: PAYEE_ID };

export const PAYMENT_ID = 'P01HQ7Z3K9ABCDEFGHJKMNPQRS';

export const paymentResult: BillPaymentResult = {
  paymentId: PAYMENT_ID,
  status: 'SETTLED',
  statusLabel: '缴费成功',
  journalId: 'jnl_bill_01',
  reference: 'B3HX-7QTM-5YPC',
  billerId: 'nj-power',
  billerName: '国网南京供电公司',
  category: 'ELECTRICITY',
  categoryLabel: '电费',
  cityName: '南京',
  accountNumberMasked: '32******78',
  holderNameMasked: '*小明',
  period: '2026-02',
  amountDueFen: 35678,
  amountFen: 40000,
  prepaymentFen: 4322,
  gatewayReference: 'SGCC20260302000123',
  paidAt: '2026-03-02T09:30:00.000Z',
  settledAt: '2026-03-02T09:30:02.000Z',
  voidedAt: null,
  failure: null,
  autoPay: false,
  balanceFen: 1194567,
};
