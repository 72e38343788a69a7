// The bank's operators (运营中台 users) and what each role may do, as data: a console route names
// the one permission it needs (functions/contract, `permission`), the server grants it when one of
// the operator's roles carries it (http/route.ts), and the console shows what the operator's
// permissions allow. Adding a route means naming its permission here and giving it to roles.
// Four eyes: a change is approved by an operator other than its maker — refused by the
// maker-checker workflow itself, whatever the roles (an ADMIN manages operators but never
// approves their own change).

export const OPERATOR_ROLES = ['PRODUCT_MANAGER', 'RISK_OFFICER', 'OPERATIONS', 'CUSTOMER_SERVICE', 'AUDITOR', 'ADMIN'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const OPERATOR_ROLE_LABELS: Record<OperatorRole, string> = {
  PRODUCT_MANAGER: '产品经理',
  RISK_OFFICER: '风险官',
  OPERATIONS: '运营',
  CUSTOMER_SERVICE: '客服',
  AUDITOR: '审计',
  ADMIN: '管理员',
};

/** PENDING_ACTIVATION: created (or its authenticator reset), waiting for its activation code. */
export const OPERATOR_STATUSES = ['PENDING_ACTIVATION', 'ACTIVE', 'DEACTIVATED'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

/** Every permission, with what it allows. */
export const PERMISSIONS = {
  'console.me': '登录控制台：查看本人信息、退出登录',
  'operators.manage': '管理操作员：新建、停用、分配角色',
  'staff.manage': '管理客户经理：新建、停用、重发绑定码',
  'audit.read': '查看与导出审计日志',
  'changes.read': '查看变更申请（复核中心）：待复核、已通过、已驳回的变更及其前后对比',
  'products.read': '查看产品工厂：贷款产品、版本历史、LPR 与预览',
  'products.draft': '起草产品变更：贷款产品、LPR、理财产品及净值、缴费机构',
  'products.approve': '复核产品变更（不能复核本人起草的变更）',
  'customers.read': '查找客户，查看脱敏后的客户信息',
  'customers.reveal': '填写理由后查看完整手机号或证件号',
  'accounts.freeze': '立即冻结电子账户',
  'accounts.unfreeze.request': '申请解冻电子账户',
  'accounts.unfreeze.approve': '复核解冻申请（不能复核本人的申请）',
  'dayclose.read': '查看日终批处理的状态与历史',
  'dayclose.run': '手动发起日终批处理',
  'reconciliation.read': '查看对账差异（含处理记录）与对账报告',
  'reconciliation.manage': '处理对账差异：确认、挂账解决、接受',
  'dashboards.read': '查看经营看板',
  'complaints.read': '查看投诉工单',
  'complaints.answer': '受理并答复投诉工单',
  'corrections.propose': '从交易争议工单发起差错调整（向客户电子账户入账）',
  'corrections.approve': '复核差错调整（不能复核本人发起的调整）',
  'risk.rules.read': '查看风控规则（反欺诈规则及其版本）',
  'risk.rules.draft': '起草风控规则新版本',
  'risk.rules.approve': '复核风控规则变更（不能复核本人起草的变更）',
  'aml.alerts.read': '查看可疑交易预警及已提交的可疑交易报告',
  'aml.alerts.work': '处理可疑交易预警：排除可疑或提交可疑交易报告',
  'aml.watchlist.draft': '起草监控名单变更（涉恐、制裁、本行关注名单）',
  'aml.watchlist.approve': '复核监控名单变更（不能复核本人起草的变更）',
  'partners.read': '查看开放平台：合作方与商户进件',
  'partners.draft': '起草合作方变更，提交商户进件审核意见',
  'partners.approve': '复核合作方变更与商户进件审核（不能复核本人提交的）',
} as const;
export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

export const ROLE_PERMISSIONS: Record<OperatorRole, readonly Permission[]> = {
  // Product managers bring partners and their merchants; a risk officer approves (knowing the
  // merchants the bank acquires for is a risk duty).
  PRODUCT_MANAGER: ['console.me', 'changes.read', 'products.read', 'products.draft', 'products.approve', 'dashboards.read', 'partners.read', 'partners.draft'],
  RISK_OFFICER: [
    'console.me',
    'changes.read',
    'products.read',
    'products.approve',
    'customers.read',
    // An AML investigation reads the customer unmasked only with a reason, audited.
    'customers.reveal',
    'accounts.freeze',
    'accounts.unfreeze.request',
    'accounts.unfreeze.approve',
    'dashboards.read',
    'risk.rules.read',
    'risk.rules.draft',
    'risk.rules.approve',
    'aml.alerts.read',
    'aml.alerts.work',
    'aml.watchlist.draft',
    'aml.watchlist.approve',
    'partners.read',
    'partners.approve',
  ],
  // Operations keep the books (day close, reconciliation): they approve what a correction pays.
  OPERATIONS: ['console.me', 'changes.read', 'dayclose.read', 'dayclose.run', 'reconciliation.read', 'reconciliation.manage', 'dashboards.read', 'corrections.approve'],
  CUSTOMER_SERVICE: ['console.me', 'changes.read', 'customers.read', 'customers.reveal', 'accounts.freeze', 'accounts.unfreeze.request', 'complaints.read', 'complaints.answer', 'corrections.propose'],
  AUDITOR: ['console.me', 'audit.read', 'changes.read', 'products.read', 'dayclose.read', 'reconciliation.read', 'dashboards.read', 'complaints.read', 'risk.rules.read', 'aml.alerts.read', 'partners.read'],
  ADMIN: ['console.me', 'operators.manage', 'staff.manage', 'audit.read', 'changes.read'],
};

/** What the roles together allow, in the order of PERMISSIONS. */
export function permissionsOf(roles: readonly OperatorRole[]): Permission[] {
  const granted = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
  return PERMISSION_NAMES.filter((permission) => granted.has(permission));
}

/** Operator logins: 3–32 of a–z 0–9 . _ - (e.g. pm.li). */
export const OPERATOR_LOGIN_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const OPERATOR_PASSWORD_MIN_LENGTH = 8;
export const OPERATOR_PASSWORD_MAX_LENGTH = 128;

/** Wrong passwords or codes in a row that lock an operator, and for how long. */
export const OPERATOR_MAX_FAILED_ATTEMPTS = 5;
export const OPERATOR_LOCK_MINUTES = 30;
/** How long a right password waits for its code. */
export const SIGN_IN_CHALLENGE_MINUTES = 5;
/** A console session: its access token's lifetime; signing out or deactivation ends it sooner. */
export const CONSOLE_SESSION_MINUTES = 15;
