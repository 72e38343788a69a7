// The e-receipt routes' calls (shapes from functions/contract/receipt-schemas.ts); only
// packageReceipts uses them.
import type { CustomerReceipt, ReceiptVerification } from '@contract/receipt-schemas';
import { customerRequest, publicRequest } from '@/api/http';

export function getReceipt(entryId: string): Promise<CustomerReceipt> {
  return customerRequest<CustomerReceipt>({ method: 'GET', path: `/v1/account/history/${encodeURIComponent(entryId)}/receipt` });
}

/** Anyone may ask, signed in or not. */
export function verifyReceiptCode(code: string): Promise<ReceiptVerification> {
  return publicRequest<ReceiptVerification>({ method: 'POST', path: '/v1/receipts/verify', body: { code } });
}
