import { describe, expect, test } from '@jest/globals';
import { type OperatorRole, type Permission, permissionsOf } from '../../functions/domain/operator-roles';
import { accessFor } from '@/shell/access';
import { layoutRoutes, menuFor } from '@/shell/menu';

/** The menu an operator with these roles sees, from the server's own role → permission table. */
const menuOf = (...roles: OperatorRole[]) => menuFor(accessFor({ permissions: permissionsOf(roles) })).map((entry) => entry.name);

describe('the menu follows the operator’s permissions, and lists only the sections that are built', () => {
  test.each<[OperatorRole, string[]]>([
    ['PRODUCT_MANAGER', ['工作台', '经营看板', '产品工厂', '复核中心', '合作方', '商户进件审核']],
    ['RISK_OFFICER', ['工作台', '经营看板', '产品工厂', '复核中心', '客户服务', '风控规则', '可疑交易预警', '名单管理', '合作方', '商户进件审核']],
    ['OPERATIONS', ['工作台', '经营看板', '复核中心', '运营管理']],
    ['CUSTOMER_SERVICE', ['工作台', '复核中心', '客户服务']],
    ['AUDITOR', ['工作台', '经营看板', '产品工厂', '复核中心', '客户服务', '风控规则', '可疑交易预警', '名单管理', '合作方', '商户进件审核', '运营管理', '审计日志']],
    ['ADMIN', ['工作台', '复核中心', '客户经理管理', '运营人员管理', '审计日志']],
  ])('%s', (role, menu) => {
    expect(menuOf(role)).toEqual(menu);
  });

  test('roles add up', () => {
    expect(menuOf('CUSTOMER_SERVICE', 'ADMIN')).toEqual(['工作台', '复核中心', '客户服务', '客户经理管理', '运营人员管理', '审计日志']);
  });

  test('no permissions: only the 工作台', () => {
    expect(menuFor(accessFor({ permissions: [] })).map((entry) => entry.name)).toEqual(['工作台']);
  });

  test('客户经理管理 needs staff.manage and nothing else', () => {
    expect(accessFor({ permissions: ['staff.manage'] }).canManageStaff).toBe(true);
    expect(accessFor({ permissions: ['console.me', 'operators.manage', 'changes.read', 'products.draft', 'audit.read'] }).canManageStaff).toBe(false);
  });

  test('客户服务 opens with customers.read or complaints.read; answering a ticket needs complaints.answer', () => {
    expect(accessFor({ permissions: ['complaints.read'] })).toMatchObject({ canOpenServiceDesk: true, canReadCustomers: false, canReadComplaints: true, canAnswerComplaints: false });
    expect(accessFor({ permissions: permissionsOf(['CUSTOMER_SERVICE']) })).toMatchObject({ canReadComplaints: true, canAnswerComplaints: true });
    expect(accessFor({ permissions: permissionsOf(['RISK_OFFICER']) })).toMatchObject({ canOpenServiceDesk: true, canReadComplaints: false });
  });

  test('the audit log needs audit.read and nothing else', () => {
    expect(accessFor({ permissions: ['audit.read'] }).canReadAudit).toBe(true);
    expect(accessFor({ permissions: ['console.me', 'dayclose.read', 'dashboards.read', 'operators.manage'] }).canReadAudit).toBe(false);
  });

  test('产品工厂 needs products.read; drafting in it products.draft; 复核中心 changes.read', () => {
    const flags = (...permissions: Permission[]) => {
      const { canReadProducts, canDraftProducts, canReadChanges } = accessFor({ permissions });
      return { canReadProducts, canDraftProducts, canReadChanges };
    };
    expect(flags('products.read')).toEqual({ canReadProducts: true, canDraftProducts: false, canReadChanges: false });
    expect(flags('products.draft')).toEqual({ canReadProducts: false, canDraftProducts: true, canReadChanges: false });
    expect(flags('changes.read')).toEqual({ canReadProducts: false, canDraftProducts: false, canReadChanges: true });
    expect(flags('products.approve', 'accounts.unfreeze.approve', 'audit.read')).toEqual({ canReadProducts: false, canDraftProducts: false, canReadChanges: false });
  });

  test('开放平台 needs partners.read; drafting a partner or a review opinion partners.draft (product managers, not risk officers, who approve)', () => {
    expect(accessFor({ permissions: ['partners.read'] })).toMatchObject({ canReadPartners: true, canDraftPartners: false });
    expect(accessFor({ permissions: ['partners.approve', 'products.draft'] })).toMatchObject({ canReadPartners: false, canDraftPartners: false });
    expect(accessFor({ permissions: permissionsOf(['PRODUCT_MANAGER']) })).toMatchObject({ canReadPartners: true, canDraftPartners: true });
    expect(accessFor({ permissions: permissionsOf(['RISK_OFFICER']) })).toMatchObject({ canReadPartners: true, canDraftPartners: false });
  });

  test('风控规则 needs risk.rules.read; 起草新版本 risk.rules.draft (risk officers, not auditors)', () => {
    expect(accessFor({ permissions: ['risk.rules.read'] })).toMatchObject({ canReadRiskRules: true, canDraftRiskRules: false });
    expect(accessFor({ permissions: ['risk.rules.draft'] })).toMatchObject({ canReadRiskRules: false, canDraftRiskRules: true });
    expect(accessFor({ permissions: ['risk.rules.approve', 'products.approve', 'customers.read'] })).toMatchObject({ canReadRiskRules: false, canDraftRiskRules: false });
    expect(accessFor({ permissions: permissionsOf(['RISK_OFFICER']) })).toMatchObject({ canReadRiskRules: true, canDraftRiskRules: true });
    expect(accessFor({ permissions: permissionsOf(['AUDITOR']) })).toMatchObject({ canReadRiskRules: true, canDraftRiskRules: false });
  });

  test('可疑交易预警 needs aml.alerts.read; 排除可疑 and 提交可疑交易报告 aml.alerts.work (risk officers, not auditors)', () => {
    expect(accessFor({ permissions: ['aml.alerts.read'] })).toMatchObject({ canReadAmlAlerts: true, canWorkAmlAlerts: false });
    expect(accessFor({ permissions: ['aml.alerts.work'] })).toMatchObject({ canReadAmlAlerts: false, canWorkAmlAlerts: true });
    expect(accessFor({ permissions: ['risk.rules.read', 'risk.rules.draft', 'reconciliation.manage'] })).toMatchObject({ canReadAmlAlerts: false, canWorkAmlAlerts: false });
    expect(accessFor({ permissions: permissionsOf(['RISK_OFFICER']) })).toMatchObject({ canReadAmlAlerts: true, canWorkAmlAlerts: true });
    expect(accessFor({ permissions: permissionsOf(['AUDITOR']) })).toMatchObject({ canReadAmlAlerts: true, canWorkAmlAlerts: false });
    expect(menuFor(accessFor({ permissions: ['aml.alerts.read'] })).map((entry) => entry.name)).toEqual(['工作台', '可疑交易预警', '名单管理']);
  });

  test('名单管理 reads with aml.alerts.read; 编辑名单 needs aml.watchlist.draft (risk officers, not auditors)', () => {
    expect(accessFor({ permissions: ['aml.watchlist.draft'] })).toMatchObject({ canDraftWatchList: true });
    expect(accessFor({ permissions: ['aml.watchlist.approve', 'aml.alerts.work', 'risk.rules.draft'] })).toMatchObject({ canDraftWatchList: false });
    expect(accessFor({ permissions: permissionsOf(['RISK_OFFICER']) })).toMatchObject({ canReadAmlAlerts: true, canDraftWatchList: true });
    expect(accessFor({ permissions: permissionsOf(['AUDITOR']) })).toMatchObject({ canReadAmlAlerts: true, canDraftWatchList: false });
  });

  test('风控规则 and 可疑交易预警 sit in the 风险管理 group of the layout’s menu, 合作方 and 商户进件审核 in 开放平台', () => {
    const routes = layoutRoutes(menuFor(accessFor({ permissions: permissionsOf(['RISK_OFFICER']) })));
    expect(routes.map(({ name, routes: children }) => [name, children?.map((child) => child.name)])).toEqual([
      ['工作台', undefined],
      ['经营看板', undefined],
      ['产品工厂', undefined],
      ['复核中心', undefined],
      ['客户服务', undefined],
      ['风险管理', ['风控规则', '可疑交易预警', '名单管理']],
      ['开放平台', ['合作方', '商户进件审核']],
    ]);
    expect(routes.find((route) => route.name === '风险管理')?.routes?.map((route) => route.path)).toEqual(['/risk/rules', '/risk/aml-alerts', '/risk/watch-list']);
  });
});
