// 指纹/面容支付 (functions/contract/soter-routes.ts): turned on with the PIN — encrypted like every
// PIN, with a nonce asked for the enrolment itself — and off.
import type { Me } from '@contract/schemas';
import type { SoterEnrolRequest } from '@contract/second-factor-schemas';
import { customerRequest } from './http';

/** Where the enrolment is sent, and the path its nonce is asked for (body `{ authMode }`). */
export const SOTER_PATH = '/v1/me/soter';

export function enrolSoter(body: SoterEnrolRequest): Promise<Me> {
  return customerRequest<Me>({ method: 'POST', path: SOTER_PATH, body });
}

export function revokeSoter(): Promise<Me> {
  return customerRequest<Me>({ method: 'POST', path: `${SOTER_PATH}/revoke` });
}
