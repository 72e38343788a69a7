// E-receipts (电子回单): the customer's receipt of a movement, and its public verification. Apart
// from the account function, so the money routes' bundle and round trips stay as they are.
import { receiptRoutes as routes } from '../contract/receipt-routes.js';
import { customerReceipt, verifyByCode, verifySigned } from '../services/receipts.js';
import { defineRoute, lambda } from './route.js';

const receipt = defineRoute('receipt', routes.receipt, async ({ customerId, params, now }) => {
  const { receipt: signed, status } = await customerReceipt(customerId, params.entryId, now);
  return { receipt: signed.fields, payload: signed.payload, signature: signed.signature, code: signed.code, status };
});

const verify = defineRoute('verifyReceipt', routes.verifyReceipt, async ({ body }) => {
  const answer = 'code' in body ? await verifyByCode(body.code) : await verifySigned(body.payload, body.signature);
  return answer.genuine ? answer : { genuine: false, receipt: null, status: null };
});

export const handler = lambda([receipt, verify]);
