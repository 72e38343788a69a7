// Access flags per operator, as Ant Design Pro's access.ts does: computed once from the
// permissions the server sent with the operator (the server checks every route again; these only
// decide what the console shows).
import type { OperatorView, Permission } from '@/api/types';

export interface Access {
  canManageProducts: boolean;
  canServeCustomers: boolean;
  canRunOperations: boolean;
  canReadDashboards: boolean;
  canReadAudit: boolean;
  canManageOperators: boolean;
  canManageStaff: boolean;
}

export type AccessFlag = keyof Access;

export function accessFor(operator: Pick<OperatorView, 'permissions'>): Access {
  const granted = new Set<string>(operator.permissions);
  const any = (...permissions: Permission[]) => permissions.some((permission) => granted.has(permission));
  return {
    canManageProducts: any('products.draft', 'products.approve'),
    canServeCustomers: any('customers.read'),
    canRunOperations: any('dayclose.read', 'reconciliation.manage'),
    canReadDashboards: any('dashboards.read'),
    canReadAudit: any('audit.read'),
    canManageOperators: any('operators.manage'),
    canManageStaff: any('staff.manage'),
  };
}
