// The review sheet and its nonce (POST /v1/payment-authorizations) for every money request: apart
// from the money routes, whose bundles then carry none of the quotes it reads (loans, wealth).
import { coreRoutes as routes } from '../contract/core-routes.js';
import { authorizePayment } from '../services/payment-authorization.js';
import { defineRoute, lambda } from './route.js';

const authorize = defineRoute('paymentAuthorization', routes.paymentAuthorization, ({ customerId, tokenIssuedAtMs, tokenSessionId, deviceVerified, tokenDevice, body, now }) =>
  authorizePayment(customerId, { issuedAtMs: tokenIssuedAtMs, sessionId: tokenSessionId, deviceVerified, device: tokenDevice }, body, now),
);

export const handler = lambda([authorize]);
