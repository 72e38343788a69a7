// The operations console's part of the API contract (see schemas.ts for the conventions): the
// operators' two-step sign-in, their session and who they are. Self-contained (zod and the
// domain's enumerations only), so the console function bundles none of the customer schemas.
import * as z from 'zod/mini';
import { OPERATOR_LOGIN_PATTERN, OPERATOR_PASSWORD_MAX_LENGTH, OPERATOR_PASSWORD_MIN_LENGTH, OPERATOR_ROLES, PERMISSION_NAMES } from '../domain/operator-roles.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));

export const OperatorLogin = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(OPERATOR_LOGIN_PATTERN), z.meta({ description: 'Operator login, 3–32 of a–z 0–9 . _ - (e.g. pm.li)' })));

export const ConsoleSignInRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      login: OperatorLogin,
      password: z
        .string()
        // Any characters but control characters and unpaired surrogates.
        .check(z.minLength(OPERATOR_PASSWORD_MIN_LENGTH), z.maxLength(OPERATOR_PASSWORD_MAX_LENGTH), z.regex(/^[^\p{Cc}\p{Cs}]*$/u)),
    })
    .check(z.meta({ id: 'ConsoleSignInRequest' })),
);

export const ConsoleSignInChallenge = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      challengeId: z.string().check(z.meta({ description: 'Send it with the TOTP code; single use' })),
      expiresAt: IsoTime,
    })
    .check(z.meta({ id: 'ConsoleSignInChallenge', description: 'The password was right; the authenticator code is next' })),
);

export const ConsoleTotpRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      challengeId: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
      code: z.string().check(z.regex(/^\d{6}$/), z.meta({ description: 'The 6-digit code of the operator’s authenticator app (RFC 6238)' })),
    })
    .check(z.meta({ id: 'ConsoleTotpRequest' })),
);

export const OperatorView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      operatorId: z.string(),
      login: z.string(),
      displayName: z.string(),
      roles: z.array(z.enum(OPERATOR_ROLES)),
      permissions: z.array(z.enum(PERMISSION_NAMES)).check(z.meta({ description: 'What the roles allow; each console route names the one it needs' })),
    })
    .check(z.meta({ id: 'OperatorView' })),
);
export type OperatorView = z.infer<typeof OperatorView>;

export const ConsoleSession = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      accessToken: z.string().check(z.meta({ description: 'Bearer token for console routes (JWT, audience jinlin-console); ends at sign-out' })),
      expiresAt: IsoTime,
      operator: OperatorView,
    })
    .check(z.meta({ id: 'ConsoleSession' })),
);

export const ConsoleSignedOut = /* @__PURE__ */ lazySchema(() => z.object({ signedOut: z.literal(true) }).check(z.meta({ id: 'ConsoleSignedOut' })));

export const SimulatorTotpQuery = /* @__PURE__ */ lazySchema(() => z.strictObject({ login: OperatorLogin }).check(z.meta({ id: 'SimulatorTotpQuery' })));

export const SimulatorTotpCode = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ code: z.string().check(z.meta({ description: 'The demo operator’s current TOTP code' })) })
    .check(z.meta({ id: 'SimulatorTotpCode' })),
);

/** The most entries one page of the audit log holds, and how many when the query names none. */
export const AUDIT_PAGE_MAX_ENTRIES = 100;
export const AUDIT_PAGE_DEFAULT_ENTRIES = 20;

export const AuditPageQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      beforeSeq: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.meta({ description: 'Entries numbered below this one; the newest when absent' }))),
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(AUDIT_PAGE_MAX_ENTRIES), z.meta({ description: `At most ${AUDIT_PAGE_MAX_ENTRIES}; ${AUDIT_PAGE_DEFAULT_ENTRIES} when absent` }))),
    })
    .check(z.meta({ id: 'AuditPageQuery' })),
);

const AuditParty = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      kind: z.string().check(z.meta({ description: 'operator, system, automation or anonymous (an actor); operator, login, customer… (a target)' })),
      id: z.string(),
      login: z.optional(z.string().check(z.meta({ description: 'An operator’s login, when the party is one' }))),
      displayName: z.optional(z.string().check(z.meta({ description: 'An operator’s name, when the party is one' }))),
    })
    .check(z.meta({ id: 'AuditParty' })),
);

const AuditEntryView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      seq: z.int(),
      at: IsoTime,
      actor: AuditParty,
      action: z.string().check(z.meta({ description: 'Dotted words, e.g. console.sign-in, console.sign-in.failed.password' })),
      target: AuditParty,
      reason: z.optional(z.string().check(z.meta({ description: 'Why, as the operator typed it' }))),
      before: z.optional(z.unknown().check(z.meta({ description: 'What the target was (JSON), for a change' }))),
      after: z.optional(z.unknown().check(z.meta({ description: 'What it became (JSON)' }))),
    })
    .check(z.meta({ id: 'AuditEntryView' })),
);

const UnreadableAuditEntry = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ seq: z.int(), unreadable: z.literal(true) })
    .check(z.meta({ id: 'UnreadableAuditEntry', description: 'An item of the log that is not a well-formed entry (verification names it)' })),
);

export const AuditPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      headSeq: z.int().check(z.meta({ description: 'The newest entry’s number when the page was read' })),
      entries: z.array(z.union([AuditEntryView, UnreadableAuditEntry])).check(z.meta({ description: 'Newest first' })),
      nextBeforeSeq: z.nullable(z.int()).check(z.meta({ description: 'beforeSeq of the next (older) page; null after entry 1' })),
    })
    .check(z.meta({ id: 'AuditPage' })),
);
export type AuditPage = z.infer<typeof AuditPage>;

const AuditAnchorView = /* @__PURE__ */ lazySchema(() =>
  z
    .nullable(z.object({ seq: z.int(), at: IsoTime }))
    .check(z.meta({ description: 'The newest anchor of the head kept outside the table (null before the first day close)' })),
);

export const AuditVerification = /* @__PURE__ */ lazySchema(() =>
  z
    .union([
      z.object({
        ok: z.literal(true),
        checkedEntries: z.int(),
        headSeq: z.int().check(z.meta({ description: 'The last entry checked' })),
        anchor: AuditAnchorView,
      }),
      z.object({
        ok: z.literal(false),
        problem: z.object({
          kind: z.enum(['edited', 'reordered', 'missing', 'out-of-sequence', 'truncated', 'anchor-mismatch', 'head-mismatch']),
          seq: z.int(),
        }),
        message: z.string().check(z.meta({ description: 'The first problem, in Chinese, with its entry number' })),
        anchor: AuditAnchorView,
      }),
    ])
    .check(z.meta({ id: 'AuditVerification', description: 'The MAC chain checked from entry 1, against the head item and the newest anchor' })),
);
export type AuditVerification = z.infer<typeof AuditVerification>;
