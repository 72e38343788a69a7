// Access flags per operator, as Ant Design Pro's access.ts does: computed once from the
// permissions the server sent with the operator (the server checks every route again; these only
// decide what the console shows). A flag comes with the first section that needs it.
import type { OperatorView, Permission } from '@/api/types';

export interface Access {
  canReadAudit: boolean;
}

export type AccessFlag = keyof Access;

export function accessFor(operator: Pick<OperatorView, 'permissions'>): Access {
  const granted = new Set<string>(operator.permissions);
  const any = (...permissions: Permission[]) => permissions.some((permission) => granted.has(permission));
  return {
    canReadAudit: any('audit.read'),
  };
}
