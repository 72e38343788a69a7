// The bill routes' calls (shapes from functions/contract/bill-schemas.ts); only packageBills uses
// them, so they live and are bundled with it.
import type {
  AutoPayRequest,
  BillerCatalog,
  BillPaymentPage,
  BillPaymentRequest,
  BillPaymentResult,
  BillPaymentView,
  BillView,
  PayeeCreateRequest,
  PayeeList,
  PayeeView,
} from '@contract/bill-schemas';
import { customerRequest, publicRequest } from '@/api/http';

export function getBillers(query: { category?: string; city?: string } = {}): Promise<BillerCatalog> {
  return publicRequest<BillerCatalog>({ method: 'GET', path: '/v1/billers', query });
}

export function lookUpBill(billerId: string, accountNumber: string): Promise<BillView> {
  return customerRequest<BillView>({ method: 'POST', path: '/v1/bill-lookups', body: { billerId, accountNumber } });
}

export const BILL_PAYMENT_PATH = '/v1/bill-payments';
export const autoPayPath = (payeeId: string) => `/v1/bill-payees/${encodeURIComponent(payeeId)}/auto-pay`;

export function payBill(body: BillPaymentRequest, idempotencyKey: string): Promise<BillPaymentResult> {
  return customerRequest<BillPaymentResult>({ method: 'POST', path: BILL_PAYMENT_PATH, body, idempotencyKey });
}

export function getBillPayments(category?: string, cursor?: string): Promise<BillPaymentPage> {
  return customerRequest<BillPaymentPage>({ method: 'GET', path: '/v1/bill-payments', query: { category, cursor } });
}

export function getBillPayment(paymentId: string): Promise<BillPaymentView> {
  return customerRequest<BillPaymentView>({ method: 'GET', path: `/v1/bill-payments/${encodeURIComponent(paymentId)}` });
}

export function getPayees(): Promise<PayeeList> {
  return customerRequest<PayeeList>({ method: 'GET', path: '/v1/bill-payees' });
}

export function savePayee(body: PayeeCreateRequest): Promise<PayeeView> {
  return customerRequest<PayeeView>({ method: 'POST', path: '/v1/bill-payees', body });
}

export function lookUpPayeeBill(payeeId: string): Promise<BillView> {
  return customerRequest<BillView>({ method: 'GET', path: `/v1/bill-payees/${encodeURIComponent(payeeId)}/bill` });
}

/** Not idempotent (a setting, sent again, is the same setting): no Idempotency-Key. */
export function setAutoPay(payeeId: string, body: AutoPayRequest): Promise<PayeeView> {
  return customerRequest<PayeeView>({ method: 'POST', path: autoPayPath(payeeId), body });
}

export function deletePayee(payeeId: string): Promise<{ ok: true }> {
  return customerRequest<{ ok: true }>({ method: 'POST', path: `/v1/bill-payees/${encodeURIComponent(payeeId)}/delete` });
}
