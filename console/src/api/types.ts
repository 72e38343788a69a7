// The console's view of the API, typed from the contract (functions/contract/console-schemas.ts).
// `import type` only: the schemas (zod) never reach the console's bundle.
import type * as z from 'zod/mini';
import type { ConsoleSession, ConsoleSignInChallenge, ConsoleSignedOut, OperatorView, SimulatorTotpCode } from '@contract/console-schemas';

export type { OperatorView };
export type Permission = OperatorView['permissions'][number];
export type SignInChallenge = z.infer<typeof ConsoleSignInChallenge>;
export type ConsoleSignIn = z.infer<typeof ConsoleSession>;
export type SignedOut = z.infer<typeof ConsoleSignedOut>;
export type DemoCode = z.infer<typeof SimulatorTotpCode>;
