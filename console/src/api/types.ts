// The console's view of the API, typed from the contract (functions/contract/console-schemas.ts).
// `import type` only: the schemas (zod) never reach the console's bundle.
import type * as z from 'zod/mini';
import type {
  AuditPage,
  AuditVerification,
  ConsoleSession,
  ConsoleSignInChallenge,
  ConsoleSignedOut,
  OperatorView,
  SimulatorTotpCode,
} from '@contract/console-schemas';

export type { AuditPage, AuditVerification, OperatorView };
export type AuditItem = AuditPage['entries'][number];
/** A readable entry of the audit log. */
export type AuditEntry = Exclude<AuditItem, { unreadable: true }>;
export type AuditParty = AuditEntry['actor'];
export type Permission = OperatorView['permissions'][number];
export type SignInChallenge = z.infer<typeof ConsoleSignInChallenge>;
export type ConsoleSignIn = z.infer<typeof ConsoleSession>;
export type SignedOut = z.infer<typeof ConsoleSignedOut>;
export type DemoCode = z.infer<typeof SimulatorTotpCode>;
