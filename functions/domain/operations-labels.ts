// What the console calls the day close's steps, counts and overdue buckets, in Chinese. Apart
// from the rules (domain/day-close.ts, which reads the loan products' buckets) and free of
// imports but types, so the console bundles these tables and nothing else of the server.
import type { DayCloseStep } from './day-close.js';

export const DAY_CLOSE_STEP_LABELS: Record<DayCloseStep, string> = {
  LOANS: '贷款：罚息计提、自动扣款、逾期提醒',
  WEALTH: '理财：订单确认、收益分配、产品到期',
  BILLS: '缴费：挂起订单处理、自动缴费、对账',
  HELD_TRANSFERS: '延时到账：到期转账放行',
  AML: '反洗钱：可疑交易模式监测',
  DASHBOARD: '经营看板：当日数据快照',
  BUSINESS_DATE: '切换营业日期',
  AUDIT: '审计日志记录与锚定',
};

/** The counts the steps report, in Chinese; a count the table does not name shows its key. */
export const DAY_CLOSE_COUNT_LABELS: Record<string, string> = {
  loansChecked: '检查贷款',
  released: '延时到账放行笔数',
  returned: '延时到账退回笔数',
  alreadyDone: '已撤销或已处理',
  failed: '未能完成（下次重试）',
  journals: '监测交易笔数',
  findings: '发现可疑模式',
  opened: '新开可疑交易预警',
  alreadyOpen: '已有未结预警',
  truncatedDays: '交易过多、未能全部监测的天数',
  autoDebits: '自动扣款笔数',
  autoDebitedFen: '自动扣款金额',
  overdueLoans: '逾期贷款',
  remindersSent: '发送还款提醒',
  purchasesConfirmed: '申购确认',
  purchasesFailed: '申购失败',
  residualRefundedFen: '申购余额退款',
  redemptionsSettled: '赎回到账',
  redeemedFen: '赎回金额',
  incomePaidFen: '收益分配金额',
  holdingsMatured: '到期持仓',
  maturedFen: '到期兑付金额',
  inCoolingOff: '冷静期内暂不确认',
  skipped: '顺延至下次',
  heldSettled: '挂起订单补记成功',
  heldVoided: '挂起订单撤销退款',
  autoPayChecked: '自动缴费检查',
  autoPaid: '自动缴费成功',
  autoPaidFen: '自动缴费金额',
  autoPayFailed: '自动缴费失败',
  notificationsSent: '发送缴费通知',
  reconciliationMatched: '对账一致',
  reconciliationMismatches: '对账差异',
  auditSeq: '审计日志序号',
  anchored: '已锚定',
  loansCounted: '看板统计贷款',
  wealthProductsCounted: '看板统计理财产品',
  billPaymentsCounted: '看板统计缴费笔数',
  managersRanked: '看板排行客户经理',
  funnelFirstReaches: '漏斗新增到达',
};
