// Operator management (运营人员管理) in the console's contract: the operators' list, the changes an
// administrator drafts for another to approve (a new operator, roles, a deactivation), the direct
// actions (unlock, reset the authenticator, an activation code) and the new operator's own
// activation. Self-contained (zod and the domain's enumerations only).
import * as z from 'zod/mini';
import {
  ACTIVATION_CODE_PATTERN,
  DEACTIVATION_REASON_MAX_LENGTH,
  DEACTIVATION_REASON_MIN_LENGTH,
  OPERATOR_DISPLAY_NAME_MAX_LENGTH,
} from '../domain/operator-admin.js';
import { OPERATOR_PASSWORD_MAX_LENGTH, OPERATOR_PASSWORD_MIN_LENGTH, OPERATOR_ROLES, OPERATOR_STATUSES } from '../domain/operator-roles.js';
import { characterCount } from '../domain/person-name.js';
import { ChangeRequestView } from './console-change-schemas.js';
import { OperatorLogin } from './console-schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

export { OPERATOR_STATUS_LABELS } from '../domain/operator-admin.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
/** What an operator types: no control characters or unpaired surrogates. */
const NoControl = /^[^\p{Cc}\p{Cs}]*$/u;
export const OPERATOR_PAGE_MAX = 100;
export const OPERATOR_PAGE_DEFAULT = 20;

const Roles = /* @__PURE__ */ lazySchema(() => z.array(z.enum(OPERATOR_ROLES)).check(z.minLength(1), z.maxLength(OPERATOR_ROLES.length)));

export const OperatorIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ operatorId: z.string().check(z.regex(/^O[0-9a-f]{32}$/)) }));

export const OperatorListQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      q: z.optional(z.string().check(z.minLength(1), z.maxLength(32), z.regex(NoControl), z.meta({ description: 'Part of a login or a name' }))),
      status: z.optional(z.enum(OPERATOR_STATUSES)),
      role: z.optional(z.enum(OPERATOR_ROLES)),
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(OPERATOR_PAGE_MAX))),
      cursor: z.optional(z.string().check(z.regex(/^LOGIN#[a-z0-9._-]{3,32}$/))),
    })
    .check(z.meta({ id: 'OperatorListQuery' })),
);

export const OperatorRow = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      operatorId: z.string(),
      login: z.string(),
      displayName: z.string(),
      roles: z.array(z.enum(OPERATOR_ROLES)),
      status: z.enum(OPERATOR_STATUSES),
      lockedUntil: z.optional(IsoTime.check(z.meta({ description: 'Locked by wrong passwords or codes until then' }))),
      lastSignInAt: z.optional(IsoTime),
      createdAt: IsoTime,
      deactivatedAt: z.optional(IsoTime),
      activationExpiresAt: z.optional(IsoTime.check(z.meta({ description: 'PENDING_ACTIVATION: until when the activation code in force works (none issued yet when absent)' }))),
      pendingChangeId: z.optional(z.string().check(z.meta({ description: 'The change waiting on this operator (roles or deactivation)' }))),
    })
    .check(z.meta({ id: 'OperatorRow' })),
);

export const OperatorList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ operators: z.array(OperatorRow), nextCursor: z.optional(z.string()) })
    .check(z.meta({ id: 'OperatorList', description: 'By login; a page may be shorter than the limit when filters drop entries, nextCursor goes on' })),
);

export const OperatorCreateChangeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      login: OperatorLogin,
      // Counted in characters: a name with 𠮷 is not two characters longer than it looks.
      displayName: z
        .string()
        .check(
          z.minLength(1),
          z.maxLength(OPERATOR_DISPLAY_NAME_MAX_LENGTH * 2),
          z.refine((name) => characterCount(name) <= OPERATOR_DISPLAY_NAME_MAX_LENGTH, `at most ${OPERATOR_DISPLAY_NAME_MAX_LENGTH} characters`),
          z.regex(NoControl),
        ),
      roles: Roles,
    })
    .check(z.meta({ id: 'OperatorCreateChangeRequest' })),
);

export const OperatorRolesChangeRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ roles: Roles }).check(z.meta({ id: 'OperatorRolesChangeRequest' })));

export const OperatorDeactivationRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ reason: z.string().check(z.minLength(DEACTIVATION_REASON_MIN_LENGTH), z.maxLength(DEACTIVATION_REASON_MAX_LENGTH), z.regex(NoControl)) })
    .check(z.meta({ id: 'OperatorDeactivationRequest' })),
);

export const ActivationCodeIssued = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      operatorId: z.string(),
      login: z.string(),
      activationCode: z.string().check(z.meta({ description: 'Shown once: hand it to the operator in person; any earlier code stops working' })),
      expiresAt: IsoTime,
    })
    .check(z.meta({ id: 'ActivationCodeIssued' })),
);

const ActivationCode = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(ACTIVATION_CODE_PATTERN), z.meta({ description: 'XXXX-XXXX-XXXX-XXXX, as issued' })));

export const ActivationStartRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ login: OperatorLogin, activationCode: ActivationCode }).check(z.meta({ id: 'ActivationStartRequest' })));

export const ActivationEnrolment = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      enrolmentId: z.string().check(z.meta({ description: 'Send it with the password and the first code; single use' })),
      login: z.string(),
      displayName: z.string(),
      totpSecret: z.string().check(z.meta({ description: 'Base32, for an authenticator app that cannot scan' })),
      otpauthUri: z.string().check(z.meta({ description: 'otpauth://totp/… for the QR code' })),
      expiresAt: IsoTime,
    })
    .check(z.meta({ id: 'ActivationEnrolment', description: 'The new authenticator’s secret, shown to the operator only' })),
);

export const ActivationCompleteRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      enrolmentId: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
      password: z.string().check(z.minLength(OPERATOR_PASSWORD_MIN_LENGTH), z.maxLength(OPERATOR_PASSWORD_MAX_LENGTH), z.regex(NoControl)),
      code: z.string().check(z.regex(/^\d{6}$/)),
    })
    .check(z.meta({ id: 'ActivationCompleteRequest' })),
);

export const ActivationCompleted = /* @__PURE__ */ lazySchema(() => z.object({ activated: z.literal(true), login: z.string() }).check(z.meta({ id: 'ActivationCompleted' })));

export { ChangeRequestView };
