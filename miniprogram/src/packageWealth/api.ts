// The wealth routes' calls (shapes from functions/contract/wealth-schemas.ts); only packageWealth
// uses them, so they live and are bundled with it.
import type {
  RiskAssessmentRequest,
  RiskAssessmentView,
  RiskProfile,
  RiskQuestionnaire,
  WealthCancelResult,
  WealthHistory,
  WealthHoldings,
  WealthOrderList,
  WealthOrderView,
  WealthProductList,
  WealthProductView,
  WealthPurchaseRequest,
  WealthPurchaseResult,
  WealthPurchaseTerms,
  WealthRedemptionRequest,
  WealthRedemptionResult,
} from '@contract/wealth-schemas';
import type { SecondFactor } from '@contract/second-factor-schemas';
import { customerRequest, publicRequest } from '@/api/http';

const productPath = (productId: string, suffix = '') => `/v1/wealth-products/${encodeURIComponent(productId)}${suffix}`;

export function getWealthProducts(): Promise<WealthProductList> {
  return publicRequest<WealthProductList>({ method: 'GET', path: '/v1/wealth-products' });
}

export function getWealthProduct(productId: string): Promise<WealthProductView> {
  return publicRequest<WealthProductView>({ method: 'GET', path: productPath(productId) });
}

export function getWealthHistory(productId: string, period: WealthHistory['period']): Promise<WealthHistory> {
  return publicRequest<WealthHistory>({ method: 'GET', path: productPath(productId, '/history'), query: { period } });
}

export function getRiskQuestionnaire(): Promise<RiskQuestionnaire> {
  return publicRequest<RiskQuestionnaire>({ method: 'GET', path: '/v1/wealth-risk-questionnaire' });
}

export function getRiskProfile(): Promise<RiskProfile> {
  return customerRequest<RiskProfile>({ method: 'GET', path: '/v1/wealth-risk-assessment' });
}

export function submitRiskAssessment(body: RiskAssessmentRequest): Promise<RiskAssessmentView> {
  return customerRequest<RiskAssessmentView>({ method: 'POST', path: '/v1/wealth-risk-assessment', body });
}

export function getPurchaseTerms(productId: string): Promise<WealthPurchaseTerms> {
  return customerRequest<WealthPurchaseTerms>({ method: 'GET', path: productPath(productId, '/purchase-terms') });
}

export const PURCHASE_PATH = '/v1/wealth-orders';
export const REDEMPTION_PATH = '/v1/wealth-redemptions';
export const orderCancelPath = (orderId: string) => `/v1/wealth-orders/${encodeURIComponent(orderId)}/cancel`;

export function buyWealth(body: WealthPurchaseRequest, idempotencyKey: string): Promise<WealthPurchaseResult> {
  return customerRequest<WealthPurchaseResult>({ method: 'POST', path: PURCHASE_PATH, body, idempotencyKey });
}

export function getWealthOrders(): Promise<WealthOrderList> {
  return customerRequest<WealthOrderList>({ method: 'GET', path: '/v1/wealth-orders', query: { limit: 50 } });
}

export function getWealthOrder(orderId: string): Promise<WealthOrderView> {
  return customerRequest<WealthOrderView>({ method: 'GET', path: `/v1/wealth-orders/${encodeURIComponent(orderId)}` });
}

/** The body is the second factor alone: the order id is in the path. */
export function cancelWealthOrder(orderId: string, body: { secondFactor: SecondFactor }, idempotencyKey: string): Promise<WealthCancelResult> {
  return customerRequest<WealthCancelResult>({ method: 'POST', path: orderCancelPath(orderId), body, idempotencyKey });
}

export function getWealthHoldings(): Promise<WealthHoldings> {
  return customerRequest<WealthHoldings>({ method: 'GET', path: '/v1/wealth-holdings' });
}

export function redeemWealth(body: WealthRedemptionRequest, idempotencyKey: string): Promise<WealthRedemptionResult> {
  return customerRequest<WealthRedemptionResult>({ method: 'POST', path: REDEMPTION_PATH, body, idempotencyKey });
}
