import { describe, expect, test } from '@jest/globals';
import { type OperatorRole, type Permission, permissionsOf } from '../../functions/domain/operator-roles';
import { accessFor } from '@/shell/access';
import { menuFor } from '@/shell/menu';

/** The menu an operator with these roles sees, from the server's own role → permission table. */
const menuOf = (...roles: OperatorRole[]) => menuFor(accessFor({ permissions: permissionsOf(roles) })).map((entry) => entry.name);

describe('the menu follows the operator’s permissions, and lists only the sections that are built', () => {
  test.each<[OperatorRole, string[]]>([
    ['PRODUCT_MANAGER', ['工作台', '经营看板', '产品工厂', '复核中心']],
    ['RISK_OFFICER', ['工作台', '经营看板', '产品工厂', '复核中心', '客户服务']],
    ['OPERATIONS', ['工作台', '经营看板', '复核中心', '运营管理']],
    ['CUSTOMER_SERVICE', ['工作台', '复核中心', '客户服务']],
    ['AUDITOR', ['工作台', '经营看板', '产品工厂', '复核中心', '客户服务', '运营管理', '审计日志']],
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
});
