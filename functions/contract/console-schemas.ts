// The operations console's part of the API contract (see schemas.ts for the conventions): the
// operators' two-step sign-in, their session and who they are. Self-contained (zod and the
// domain's enumerations only), so the console function bundles none of the customer schemas.
import * as z from 'zod/mini';
import { OPERATOR_LOGIN_PATTERN, OPERATOR_PASSWORD_MAX_LENGTH, OPERATOR_PASSWORD_MIN_LENGTH, OPERATOR_ROLES, PERMISSION_NAMES } from '../domain/operator-roles.js';

const IsoTime = z.string().check(z.meta({ description: 'ISO-8601 time' }));

export const OperatorLogin = z.string().check(z.regex(OPERATOR_LOGIN_PATTERN), z.meta({ description: 'Operator login, 3–32 of a–z 0–9 . _ - (e.g. pm.li)' }));

export const ConsoleSignInRequest = z
  .strictObject({
    login: OperatorLogin,
    password: z
      .string()
      // Any characters but control characters and unpaired surrogates.
      .check(z.minLength(OPERATOR_PASSWORD_MIN_LENGTH), z.maxLength(OPERATOR_PASSWORD_MAX_LENGTH), z.regex(/^[^\p{Cc}\p{Cs}]*$/u)),
  })
  .check(z.meta({ id: 'ConsoleSignInRequest' }));

export const ConsoleSignInChallenge = z
  .object({
    challengeId: z.string().check(z.meta({ description: 'Send it with the TOTP code; single use' })),
    expiresAt: IsoTime,
  })
  .check(z.meta({ id: 'ConsoleSignInChallenge', description: 'The password was right; the authenticator code is next' }));

export const ConsoleTotpRequest = z
  .strictObject({
    challengeId: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
    code: z.string().check(z.regex(/^\d{6}$/), z.meta({ description: 'The 6-digit code of the operator’s authenticator app (RFC 6238)' })),
  })
  .check(z.meta({ id: 'ConsoleTotpRequest' }));

export const OperatorView = z
  .object({
    operatorId: z.string(),
    login: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(OPERATOR_ROLES)),
    permissions: z.array(z.enum(PERMISSION_NAMES)).check(z.meta({ description: 'What the roles allow; each console route names the one it needs' })),
  })
  .check(z.meta({ id: 'OperatorView' }));
export type OperatorView = z.infer<typeof OperatorView>;

export const ConsoleSession = z
  .object({
    accessToken: z.string().check(z.meta({ description: 'Bearer token for console routes (JWT, audience jinlin-console); ends at sign-out' })),
    expiresAt: IsoTime,
    operator: OperatorView,
  })
  .check(z.meta({ id: 'ConsoleSession' }));

export const ConsoleSignedOut = z.object({ signedOut: z.literal(true) }).check(z.meta({ id: 'ConsoleSignedOut' }));

export const SimulatorTotpQuery = z.strictObject({ login: OperatorLogin }).check(z.meta({ id: 'SimulatorTotpQuery' }));

export const SimulatorTotpCode = z
  .object({ code: z.string().check(z.meta({ description: 'The demo operator’s current TOTP code' })) })
  .check(z.meta({ id: 'SimulatorTotpCode' }));
