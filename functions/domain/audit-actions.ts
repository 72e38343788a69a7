// The audit log's actions that operators' sign-ins record (domain/audit-chain.ts AuditAction), and
// what the console calls every action it shows, in Chinese. The console reads the labels from here,
// so an action the server records and the console names are one list.

/** Why a sign-in failed: action `console.sign-in.failed.<cause>`. */
export const SIGN_IN_FAILURES = ['password', 'unknown-login', 'inactive', 'totp', 'totp-used', 'locked', 'expired'] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];
export const signInFailedAction = (cause: SignInFailure) => `console.sign-in.failed.${cause}` as const;

type KnownAction = 'console.sign-in' | 'console.sign-out' | ReturnType<typeof signInFailedAction> | 'operator.create' | 'day-close.run' | ServiceDeskAction | OperationsAction | ChangeAction | StaffAction | OperatorAction | OpenPlatformAction;

/** The service desk's actions (services/customer-service.ts, services/change-kinds/account-unfreeze.ts, services/complaint-desk.ts,
 *  services/change-kinds/complaint-correction.ts). */
type ServiceDeskAction = 'customer.reveal.phone' | 'customer.reveal.id-number' | 'account.freeze' | 'account.unfreeze' | 'complaint.take' | 'complaint.answer' | 'complaint.correction.pay';

/** Maker-checker's actions (services/change-requests.ts), target kind `change`. */
type ChangeAction = 'change.submit' | 'change.approve' | 'change.reject' | 'change.withdraw' | 'change.apply' | 'change.fail';

/** Operations' actions (services/reconciliation-alerts.ts, services/business-date.ts, services/day-close-runs.ts). */
type OperationsAction = 'reconciliation.acknowledge' | 'reconciliation.resolve' | 'reconciliation.accept' | 'business-date.set' | 'day-close.start';

/** 运营人员管理's direct actions and a new operator's activation (services/operator-admin.ts), target kind `operator`. */
type OperatorAction =
  | 'operator.activation-code.issue'
  | 'operator.totp-reset'
  | 'operator.unlock'
  | 'operator.activate'
  | 'operator.activation.failed.code'
  | 'operator.activation.failed.totp'
  | 'operator.activation.failed.unknown';

/** 开放平台's direct action (services/webhook-delivery.ts), target kind `webhook-event`: it changes no configuration. */
type OpenPlatformAction = 'webhook.redeliver';

/** 客户经理管理's direct action (services/staff-console.ts), target kind `staff`. */
type StaffAction = 'staff.binding-code';

export const AUDIT_ACTION_LABELS: Record<KnownAction, string> = {
  'console.sign-in': '登录成功',
  'console.sign-out': '退出登录',
  'console.sign-in.failed.password': '登录失败：密码错误',
  'console.sign-in.failed.unknown-login': '登录失败：用户名不存在',
  'console.sign-in.failed.inactive': '登录失败：操作员已停用',
  'console.sign-in.failed.totp': '登录失败：动态口令错误',
  'console.sign-in.failed.totp-used': '登录失败：动态口令已使用',
  'console.sign-in.failed.locked': '登录被拒：账户已锁定',
  'console.sign-in.failed.expired': '登录失败：登录已过期',
  'operator.create': '新建操作员',
  'day-close.run': '日终批处理',
  'customer.reveal.phone': '查看完整手机号',
  'customer.reveal.id-number': '查看完整证件号',
  'account.freeze': '冻结电子账户',
  'account.unfreeze': '解冻电子账户',
  'complaint.take': '受理投诉工单',
  'complaint.answer': '答复投诉工单',
  'complaint.correction.pay': '差错调整入账',
  'reconciliation.acknowledge': '确认对账差异',
  'reconciliation.resolve': '对账差异挂账解决',
  'reconciliation.accept': '接受对账差异',
  'business-date.set': '调整营业日期',
  'day-close.start': '发起日终批处理',
  'change.submit': '提交变更申请',
  'change.approve': '复核通过变更',
  'change.reject': '驳回变更',
  'change.withdraw': '撤回变更申请',
  'change.apply': '变更生效',
  'change.fail': '变更未能生效',
  'operator.activation-code.issue': '签发运营人员激活码',
  'operator.totp-reset': '重置运营人员动态口令',
  'operator.unlock': '解锁运营人员',
  'operator.activate': '运营人员激活账户',
  'operator.activation.failed.code': '激活失败：激活码错误',
  'operator.activation.failed.totp': '激活失败：动态口令错误',
  'operator.activation.failed.unknown': '激活失败：登录名或状态不符',
  'staff.binding-code': '签发客户经理绑定码',
  'webhook.redeliver': '重新推送事件通知',
};

/** Who acted (domain/audit-chain.ts AuditActor kinds). */
export const AUDIT_ACTOR_KIND_LABELS: Record<'operator' | 'system' | 'automation' | 'anonymous', string> = {
  operator: '操作员',
  system: '系统',
  automation: '自动化',
  anonymous: '未知用户',
};

/** What was acted on, by target kind. */
export const AUDIT_TARGET_KIND_LABELS: Record<string, string> = {
  operator: '操作员',
  login: '登录名',
  'sign-in-challenge': '登录验证',
  'business-date': '营业日',
  customer: '客户',
  account: '电子账户',
  'reconciliation-alert': '对账差异',
  change: '变更申请',
  staff: '客户经理',
  complaint: '投诉工单',
};
