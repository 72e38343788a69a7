import { describe, expect, test } from '@jest/globals';
import { type OperatorRole, permissionsOf } from '../../functions/domain/operator-roles';
import { accessFor } from '@/shell/access';
import { menuFor } from '@/shell/menu';

/** The menu an operator with these roles sees, from the server's own role → permission table. */
const menuOf = (...roles: OperatorRole[]) => menuFor(accessFor({ permissions: permissionsOf(roles) })).map((entry) => entry.name);

describe('the menu follows the operator’s permissions', () => {
  test.each<[OperatorRole, string[]]>([
    ['PRODUCT_MANAGER', ['工作台', '产品工厂', '经营看板']],
    ['RISK_OFFICER', ['工作台', '产品工厂', '客户服务', '经营看板']],
    ['OPERATIONS', ['工作台', '日终与对账', '经营看板']],
    ['CUSTOMER_SERVICE', ['工作台', '客户服务']],
    ['AUDITOR', ['工作台', '日终与对账', '经营看板', '审计日志']],
    ['ADMIN', ['工作台', '审计日志', '操作员管理', '客户经理']],
  ])('%s', (role, menu) => {
    expect(menuOf(role)).toEqual(menu);
  });

  test('roles add up', () => {
    expect(menuOf('CUSTOMER_SERVICE', 'AUDITOR')).toEqual(['工作台', '客户服务', '日终与对账', '经营看板', '审计日志']);
  });

  test('no permissions: only the 工作台', () => {
    expect(menuFor(accessFor({ permissions: [] })).map((entry) => entry.name)).toEqual(['工作台']);
  });
});
