// A refusal decided by the rules. `kind` says what sort of refusal it is; the HTTP layer maps
// kinds to status codes so the domain never speaks HTTP.
export type RefusalKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_large'
  | 'locked'
  | 'rate_limited';

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    readonly userMessage: string,
  ) {
    super(`${code}: ${userMessage}`);
    this.name = 'Refusal';
  }
}

export const refuse = (kind: RefusalKind, code: string, userMessage: string): never => {
  throw new Refusal(kind, code, userMessage);
};
