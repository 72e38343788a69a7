// Loan answers as the contract shapes them (functions/contract/loan-schemas.ts). Every figure is
// one the client could not derive from another on the page (grouped, with fen), so a test can
// tell the server's number from a recomputed one.
import type {
  CalculatorResponse,
  CreditLineView,
  LoanProductList,
  LoanProductView,
  LoanContractView,
  LoanView,
  PayoffQuoteView,
  PrepaymentQuoteView,
  RepaymentResult,
} from '@contract/loan-schemas';

export const loanProduct: LoanProductView = {
  productId: 'jinlin-e-loan',
  version: 3,
  name: '近邻e贷',
  kind: 'CONSUMER',
  minAmountFen: 100000,
  maxAmountFen: 20000000,
  termsMonths: [3, 6, 12, 24],
  methods: [
    { method: 'EQUAL_INSTALLMENT', label: '等额本息' },
    { method: 'EQUAL_PRINCIPAL', label: '等额本金' },
    { method: 'INTEREST_FIRST', label: '先息后本' },
  ],
  purposes: [{ purpose: 'CONSUMPTION', label: '日常消费' }],
  requiresBusinessLicence: false,
  coolingOffDays: 7,
  disclosureVersion: 'loan-2026-01',
  rateFromBps: 365,
  rateFromDisplay: '3.65%',
};

export const businessProduct: LoanProductView = {
  ...loanProduct,
  productId: 'jinlin-biz-loan',
  name: '近邻经营贷',
  kind: 'BUSINESS',
  minAmountFen: 500000,
  maxAmountFen: 50000000,
  requiresBusinessLicence: true,
};

export const productList: LoanProductList = {
  items: [loanProduct, businessProduct],
  lprBps: 310,
  lprDisplay: '3.10%',
  applicationTerms: { bureauConsentTextVersion: 'bureau-2026-01', bureauConsentText: '授权查询征信', creditCodePattern: '^[0-9A-Z]{18}$' },
};

/** Less is available than the product's maximum: the drawdown cap is the line's figure. */
export const creditLine: CreditLineView = {
  productId: 'jinlin-e-loan',
  productName: '近邻e贷',
  grade: 'B',
  creditLimitFen: 8000000,
  availableFen: 5432100,
  annualRateBps: 612,
  annualRateDisplay: '6.12%',
  lineExpiresOn: '2027-03-01',
};

export const businessLine: CreditLineView = {
  productId: 'jinlin-biz-loan',
  productName: '近邻经营贷',
  grade: 'A',
  creditLimitFen: 30000000,
  availableFen: 27654300,
  annualRateBps: 488,
  annualRateDisplay: '4.88%',
  lineExpiresOn: '2027-06-30',
};

/** The server's price of ¥12,000.00 over 3 months, equal installments. */
export const drawdownQuote: CalculatorResponse = {
  productId: 'jinlin-e-loan',
  amountFen: 1200000,
  termMonths: 3,
  method: 'EQUAL_INSTALLMENT',
  grade: 'B',
  annualRateBps: 612,
  annualRateDisplay: '6.12%',
  annualizedRateBps: 613,
  annualizedRateDisplay: '6.13%',
  totalInterestFen: 12257,
  totalPaymentFen: 1212257,
  installments: [
    { period: 1, dueDate: '2026-04-02', principalFen: 397962, interestFen: 6120, paymentFen: 404082, closingPrincipalFen: 802038 },
    { period: 2, dueDate: '2026-05-02', principalFen: 399993, interestFen: 4089, paymentFen: 404082, closingPrincipalFen: 402045 },
    { period: 3, dueDate: '2026-06-02', principalFen: 402045, interestFen: 2048, paymentFen: 404093, closingPrincipalFen: 0 },
  ],
};

/** The loan contract text the server publishes (abridged). */
export const loanContract: LoanContractView = {
  textVersion: 'loan-contract-2026-12',
  title: '近邻银行个人借款合同',
  clauses: ['第一条 合同双方。贷款人为近邻银行股份有限公司。', '第六条 提前还款。提前归还的本金按实际天数/360 计息。'],
};

export const LOAN_ID = 'L01HQ7Z3K9ABCDEF';

export const loan: LoanView = {
  loanId: LOAN_ID,
  contractNo: 'JL-2026-000123',
  drawdownJournalId: 'jnl_draw_01',
  drawdownReference: 'D7QM-4PX9-2HTR',
  productId: 'jinlin-e-loan',
  productName: '近邻e贷',
  status: 'ACTIVE',
  principalFen: 1200000,
  outstandingPrincipalFen: 802038,
  annualRateBps: 612,
  annualRateDisplay: '6.12%',
  annualizedRateBps: 613,
  annualizedRateDisplay: '6.13%',
  method: 'EQUAL_INSTALLMENT',
  methodLabel: '等额本息',
  termMonths: 3,
  drawdownDate: '2026-03-02',
  maturityDate: '2026-06-02',
  nextDue: { dueDate: '2026-05-02', amountFen: 404082 },
  dueNowFen: 404082,
  overdue: { daysPastDue: 0, bucket: 'CURRENT', overdueTotalFen: 0 },
  deferralsUsed: 0,
  installments: [],
  prepayments: [],
  contract: {
    productVersion: 3,
    disclosureVersion: 'loan-2026-01',
    penaltyRateMarkupPercent: 50,
    coolingOffDays: 7,
    signedAt: '2026-03-02T09:30:00.000Z',
    textVersion: 'loan-contract-2026-12',
  },
};

export const overdueLoan: LoanView = {
  ...loan,
  nextDue: { dueDate: '2026-05-02', amountFen: 404082 },
  dueNowFen: 408871,
  overdue: { daysPastDue: 12, bucket: 'DPD_1_30', overdueTotalFen: 408871 },
};

export const paidOffLoan: LoanView = {
  ...loan,
  status: 'PAID_OFF',
  outstandingPrincipalFen: 0,
  nextDue: null,
  dueNowFen: 0,
};

/** What a drawdown of ¥12,000.00 answers: the new loan, as the server wrote it. */
export const drawnLoan: LoanView = {
  ...loan,
  outstandingPrincipalFen: 1200000,
  nextDue: { dueDate: '2026-04-02', amountFen: 404082 },
  dueNowFen: 0,
};

export const repaymentResult: RepaymentResult = {
  journalId: 'jnl_repay_01',
  reference: 'R8KW-3NMB-7CXE',
  paidFen: 404082,
  principalFen: 399993,
  interestFen: 4089,
  penaltyFen: 0,
  balanceFen: 876543,
  loan: { ...loan, outstandingPrincipalFen: 402045 },
};

/** What the server quotes for 3,000 yuan prepaid with 缩短期限 on a loan with nothing due. */
export const prepaymentQuote: PrepaymentQuoteView = {
  loanId: LOAN_ID,
  asOf: '2026-03-22',
  adjustment: 'SHORTEN_TERM',
  adjustmentLabel: '缩短期限',
  principalFen: 300000,
  interestFen: 1020,
  interestDays: 20,
  dayCountBasis: 'ACT/360',
  coolingOff: false,
  totalFen: 301020,
  outstandingAfterFen: 900000,
  remainingPeriods: 2,
  nextPaymentFen: 404082,
  newMaturityDate: '2026-05-02',
  remainingInterestFen: 6897,
  annualRateBps: 612,
  annualRateDisplay: '6.12%',
  annualizedRateBps: 611,
  annualizedRateDisplay: '6.11%',
  installments: [
    { period: 1, dueDate: '2026-04-02', principalFen: 399492, interestFen: 4590, penaltyFen: 0, dueFen: 404082, paidFen: 0, status: 'DUE' },
    { period: 2, dueDate: '2026-05-02', principalFen: 500508, interestFen: 2307, penaltyFen: 0, dueFen: 502815, paidFen: 0, status: 'UPCOMING' },
  ],
};

export const prepaymentResult: RepaymentResult = {
  journalId: 'jnl_prepay_01',
  reference: 'P5TQ-9HZV-4GMA',
  paidFen: 301020,
  principalFen: 300000,
  interestFen: 1020,
  penaltyFen: 0,
  balanceFen: 899000,
  loan: { ...drawnLoan, outstandingPrincipalFen: 900000, maturityDate: '2026-05-02', annualizedRateBps: 611, annualizedRateDisplay: '6.11%' },
};

export const payoffQuote: PayoffQuoteView = {
  loanId: LOAN_ID,
  asOf: '2026-04-20',
  validUntil: '2099-04-20T10:15:00.000Z',
  totalFen: 806287,
  principalFen: 802038,
  interestFen: 2486,
  penaltyFen: 1763,
  accruedInterestDays: 18,
  dayCountBasis: 'ACT/360',
  coolingOff: false,
};

export const payoffResult: RepaymentResult = {
  journalId: 'jnl_payoff_01',
  reference: 'Z2SJ-6WRD-8FKN',
  paidFen: 806287,
  principalFen: 802038,
  interestFen: 2486,
  penaltyFen: 1763,
  balanceFen: 70256,
  loan: paidOffLoan,
};
