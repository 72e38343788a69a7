// 客户经理管理 in the console's contract: the bank's staff (relationship managers, branch leads) as
// administrators see them, a new staff member or a deactivation submitted as a change for a second
// administrator (console-change-schemas.ts), and a binding code issued at once. Self-contained (zod
// and the domain only), so the console's staff function bundles no customer schema.
import * as z from 'zod/mini';
import { BRANCH_ID_PATTERN, BRANCH_NAME_MAX_LENGTH, normalizeWorkPhone, STAFF_NO_PATTERN, STAFF_ROLES, WORK_PHONE_INPUT_MAX_LENGTH } from '../domain/rm/staff.js';
import { ChangeRequestView, EffectiveAt } from './console-change-schemas.js';
import { PersonName } from './person-name-schema.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
/** What an operator types: no control characters or unpaired surrogates. */
const NoControl = /^[^\p{Cc}\p{Cs}]*$/u;
export const STAFF_PAGE_MAX = 100;
export const STAFF_PAGE_DEFAULT = 20;
/** As the service desk's reasons (domain/customer-service.ts): the console asks for them in one dialog. */
export const DEACTIVATION_REASON_MIN_LENGTH = 4;
export const DEACTIVATION_REASON_MAX_LENGTH = 200;

export const StaffIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ staffId: z.string().check(z.regex(/^S[0-9a-f]{32}$/)) }));

const WorkPhone = () =>
  z
    .string()
    .check(
      z.maxLength(WORK_PHONE_INPUT_MAX_LENGTH),
      z.overwrite(normalizeWorkPhone),
      z.meta({ description: '办公电话, the number customers may call: a mainland mobile (1[3-9] and 9 digits) or a landline 0xx(x)-xxxxxxx(x); spaces are dropped; refused 400 WORK_PHONE_INVALID otherwise' }),
    );

export const NewStaff = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      name: PersonName,
      staffNo: z.string().check(z.regex(STAFF_NO_PATTERN), z.meta({ description: 'Staff number (工号), unique' })),
      branchId: z.string().check(z.regex(BRANCH_ID_PATTERN)),
      branchName: z.string().check(z.minLength(2), z.maxLength(BRANCH_NAME_MAX_LENGTH), z.regex(NoControl)),
      role: z.enum(STAFF_ROLES),
      workPhone: WorkPhone(),
    })
    .check(z.meta({ id: 'NewStaff' })),
);
export type NewStaff = z.infer<typeof NewStaff>;

export const StaffView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      staffId: z.string(),
      name: z.string(),
      staffNo: z.string(),
      branchId: z.string(),
      branchName: z.string(),
      role: z.enum(STAFF_ROLES),
      roleLabel: z.string(),
      status: z.enum(['ACTIVE', 'INACTIVE']),
      wechatBound: z.boolean(),
      workPhone: z.nullable(z.string().check(z.meta({ description: 'Null for staff created before work phones were recorded' }))),
      createdAt: IsoTime,
    })
    .check(z.meta({ id: 'StaffView' })),
);

export const ConsoleStaffQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(STAFF_PAGE_MAX), z.meta({ description: `At most ${STAFF_PAGE_MAX}; ${STAFF_PAGE_DEFAULT} when absent` }))),
      cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]*$/))),
      q: z.optional(z.string().check(z.minLength(1), z.maxLength(20), z.regex(NoControl), z.meta({ description: 'Part of a staff number or a name' }))),
      branchId: z.optional(z.string().check(z.regex(BRANCH_ID_PATTERN))),
      role: z.optional(z.enum(STAFF_ROLES)),
      status: z.optional(z.enum(['ACTIVE', 'INACTIVE'])),
    })
    .check(
      z.meta({
        id: 'ConsoleStaffQuery',
        description: `Filters apply to the ${STAFF_PAGE_MAX} or fewer staff numbers a page reads, so a filtered page may be shorter than \`limit\` (or empty) while \`nextCursor\` says there is more`,
      }),
    ),
);

export const ConsoleStaffList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      staff: z.array(
        z.object({
          ...StaffView.shape,
          pendingChangeId: z.optional(z.string().check(z.meta({ description: 'The change waiting on this staff member (a deactivation)' }))),
        }),
      ),
      nextCursor: z.optional(z.string()),
      /** Staff not created yet: their creation waits for a checker or for its time (first page only). */
      pendingCreations: z.array(ChangeRequestView),
    })
    .check(z.meta({ id: 'ConsoleStaffList', description: 'By staff number' })),
);

export const StaffCreateChangeRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ staff: NewStaff, effectiveAt: EffectiveAt }).check(z.meta({ id: 'StaffCreateChangeRequest' })));

export const StaffDeactivateChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      reason: z.string().check(z.minLength(DEACTIVATION_REASON_MIN_LENGTH), z.maxLength(DEACTIVATION_REASON_MAX_LENGTH), z.regex(NoControl), z.meta({ description: 'Why (离职, 调岗…): the checker reads it' })),
      effectiveAt: EffectiveAt,
    })
    .check(z.meta({ id: 'StaffDeactivateChangeRequest' })),
);

export const StaffWorkPhoneChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ workPhone: WorkPhone(), effectiveAt: EffectiveAt }).check(z.meta({ id: 'StaffWorkPhoneChangeRequest' })),
);

export const StaffBindingCode = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      staff: StaffView,
      bindingCode: z.string().check(z.meta({ description: 'One-time code the manager enters in the mini-program; shown once, stored hashed' })),
      bindingCodeExpiresAt: IsoTime,
    })
    .check(z.meta({ id: 'StaffBindingCode' })),
);

export { ChangeRequestView };
