// What a kind of maker-checker change gives the workflow (services/change-requests.ts); each kind's
// module under services/change-kinds/ exports one, and services/change-kinds.ts lists them.
import type { ChangeRequest } from '../../domain/change-requests.js';
import type { Permission } from '../../domain/operator-roles.js';

export interface ChangeKindHandler {
  /** What a checker's roles must allow to approve or reject a change of this kind. */
  permissionToApprove: Permission;
  /** Makes `change.after` true. Must be idempotent: it may run twice for one change (the
   *  scheduler and the approving request racing, or a crash between applying and marking it
   *  effective). */
  apply(change: ChangeRequest, now: Date): Promise<void>;
}
