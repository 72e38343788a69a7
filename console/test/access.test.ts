import { describe, expect, test } from '@jest/globals';
import { type OperatorRole, permissionsOf } from '../../functions/domain/operator-roles';
import { accessFor } from '@/shell/access';
import { menuFor } from '@/shell/menu';

/** The menu an operator with these roles sees, from the server's own role → permission table. */
const menuOf = (...roles: OperatorRole[]) => menuFor(accessFor({ permissions: permissionsOf(roles) })).map((entry) => entry.name);

describe('the menu follows the operator’s permissions, and lists only the sections that are built', () => {
  test.each<[OperatorRole, string[]]>([
    ['PRODUCT_MANAGER', ['工作台']],
    ['RISK_OFFICER', ['工作台']],
    ['OPERATIONS', ['工作台']],
    ['CUSTOMER_SERVICE', ['工作台']],
    ['AUDITOR', ['工作台', '审计日志']],
    ['ADMIN', ['工作台', '审计日志']],
  ])('%s', (role, menu) => {
    expect(menuOf(role)).toEqual(menu);
  });

  test('roles add up', () => {
    expect(menuOf('CUSTOMER_SERVICE', 'AUDITOR')).toEqual(['工作台', '审计日志']);
  });

  test('no permissions: only the 工作台', () => {
    expect(menuFor(accessFor({ permissions: [] })).map((entry) => entry.name)).toEqual(['工作台']);
  });

  test('the audit log needs audit.read and nothing else', () => {
    expect(accessFor({ permissions: ['audit.read'] })).toEqual({ canReadAudit: true });
    expect(accessFor({ permissions: ['console.me', 'dayclose.read', 'dashboards.read', 'operators.manage'] })).toEqual({ canReadAudit: false });
  });
});
