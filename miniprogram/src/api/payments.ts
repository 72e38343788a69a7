// The second factor every money movement carries (second-factor contract): a one-time nonce the
// server issues for the exact request, with what the review sheet shows. Used by the main package
// and every subpackage's money forms, so it lives here.
import type { PaymentAuthorization, PaymentAuthorizationRequest } from '@contract/second-factor-schemas';
import { customerRequest } from './http';

/** Asks for a nonce for one exact request: `path` and `body` as they will be sent, without the
 *  second factor. Writes nothing on the server. */
export function authorizePayment(request: PaymentAuthorizationRequest): Promise<PaymentAuthorization> {
  return customerRequest<PaymentAuthorization>({ method: 'POST', path: '/v1/payment-authorizations', body: request });
}
