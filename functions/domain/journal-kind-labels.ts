// What each kind of movement is called, in Chinese: on receipts, in the history, in messages and in
// the console. Free of imports but types, so the console bundles it.
import type { JournalKind } from './ledger.js';

/** What each movement is called on its receipt and wherever else a person reads it. */
export const KIND_LABELS: Record<JournalKind, string> = {
  TOP_UP: '银行卡充值',
  WITHDRAW: '提现到银行卡',
  WITHDRAW_REVERSAL: '提现退回',
  TRANSFER: '转账',
  TRANSFER_HOLD: '转账（延时到账）',
  TRANSFER_RELEASE: '转账',
  TRANSFER_RETURN: '转账退回',
  LOAN_DRAWDOWN: '贷款放款',
  LOAN_REPAYMENT: '贷款还款',
  WEALTH_PURCHASE: '理财申购',
  WEALTH_REFUND: '理财退款',
  WEALTH_REDEMPTION: '理财赎回',
  WEALTH_INCOME: '理财收益',
  BILL_HOLD: '生活缴费',
  BILL_SETTLEMENT: '缴费清算',
  BILL_VOID: '缴费退回',
  CORRECTION: '差错调整',
  MERCHANT_PAYMENT: '社区消费',
  MERCHANT_REFUND: '社区消费退款',
  RESERVE_DEPOSIT: '保证金入账',
  MERCHANT_SETTLEMENT: '商户结算',
  SETTLEMENT_RETURN: '商户结算退回',
};
