// Access flags per operator, as Ant Design Pro's access.ts does: computed once from the
// permissions the server sent with the operator (the server checks every route again; these only
// decide what the console shows). A flag comes with the first section that needs it.
import type { OperatorView, Permission } from '@/api/types';

export interface Access {
  canReadAudit: boolean;
  /** 运营管理: the day close or the reconciliation alerts. */
  canReadOperations: boolean;
  /** 日终批处理, 逾期贷款, 待确认理财订单, 业务日期 (reading). */
  canReadDayClose: boolean;
  /** 立即执行 the day close; moving the business date where the stage allows it. */
  canRunDayClose: boolean;
  /** 对账差异 and 对账报告, read only (operations and auditors). */
  canReadReconciliation: boolean;
  /** 对账差异: 确认, 挂账解决, 接受差异. */
  canManageReconciliation: boolean;
  /** 产品工厂: the products, their versions and previews. */
  canReadProducts: boolean;
  /** Drafting product and LPR changes (新建产品, 复制为新版本, 调整 LPR). */
  canDraftProducts: boolean;
  /** 复核中心: the maker-checker inbox (deciding also needs the change kind's permission). */
  canReadChanges: boolean;
  /** 客户服务: finding customers and their masked 360 view. */
  canReadCustomers: boolean;
  /** 查看完整 (a phone or ID number, with a reason). */
  canRevealCustomers: boolean;
  /** 冻结账户. */
  canFreezeAccounts: boolean;
  /** 申请解冻. */
  canRequestUnfreeze: boolean;
  /** 客户服务 itself: finding customers, or the complaint tickets. */
  canOpenServiceDesk: boolean;
  /** 投诉工单: the queues and a ticket. */
  canReadComplaints: boolean;
  /** 开始处理 and 答复 a ticket. */
  canAnswerComplaints: boolean;
  /** 差错调整 from a dispute ticket (a second operator approves it). */
  canProposeCorrections: boolean;
  /** 客户经理管理: staff, their creation and deactivation (four eyes), binding codes. */
  canManageStaff: boolean;
  /** 运营人员管理: operators, their creation, roles and deactivation (four eyes), unlock, authenticator reset. */
  canManageOperators: boolean;
  /** 经营看板: the day close's snapshots, drawn. */
  canReadDashboards: boolean;
  /** 风控规则: the anti-fraud rule set in force. */
  canReadRiskRules: boolean;
  /** 起草新版本 of the rule set (a second operator approves it). */
  canDraftRiskRules: boolean;
  /** 可疑交易预警: the day close's suspicious-pattern alerts and the reports filed from them. */
  canReadAmlAlerts: boolean;
  /** 排除可疑 or 提交可疑交易报告 on an open alert. */
  canWorkAmlAlerts: boolean;
  /** 名单管理: a new version of the watch lists (a second operator approves it). */
  canDraftWatchList: boolean;
  /** 开放平台: partners and the merchants they propose. */
  canReadPartners: boolean;
  /** 接入 or 修改 a partner, and a review opinion on a proposed merchant (a second operator approves each). */
  canDraftPartners: boolean;
}

export type AccessFlag = keyof Access;

export function accessFor(operator: Pick<OperatorView, 'permissions'>): Access {
  const granted = new Set<string>(operator.permissions);
  const any = (...permissions: Permission[]) => permissions.some((permission) => granted.has(permission));
  return {
    canReadAudit: any('audit.read'),
    canReadOperations: any('dayclose.read', 'reconciliation.read'),
    canReadDayClose: any('dayclose.read'),
    canRunDayClose: any('dayclose.run'),
    canReadReconciliation: any('reconciliation.read'),
    canManageReconciliation: any('reconciliation.manage'),
    canReadProducts: any('products.read'),
    canDraftProducts: any('products.draft'),
    canReadChanges: any('changes.read'),
    canReadCustomers: any('customers.read'),
    canRevealCustomers: any('customers.reveal'),
    canFreezeAccounts: any('accounts.freeze'),
    canRequestUnfreeze: any('accounts.unfreeze.request'),
    canOpenServiceDesk: any('customers.read', 'complaints.read'),
    canReadComplaints: any('complaints.read'),
    canAnswerComplaints: any('complaints.answer'),
    canProposeCorrections: any('corrections.propose'),
    canManageStaff: any('staff.manage'),
    canManageOperators: any('operators.manage'),
    canReadDashboards: any('dashboards.read'),
    canReadRiskRules: any('risk.rules.read'),
    canDraftRiskRules: any('risk.rules.draft'),
    canReadAmlAlerts: any('aml.alerts.read'),
    canWorkAmlAlerts: any('aml.alerts.work'),
    canDraftWatchList: any('aml.watchlist.draft'),
    canReadPartners: any('partners.read'),
    canDraftPartners: any('partners.draft'),
  };
}
