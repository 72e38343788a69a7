// Asking for a payment's nonce (POST /v1/payment-authorizations, second-factor contract §1): the
// nonce for one exact request (services/second-factor.ts signs it) and the review sheet's
// figures. Where the body carries no amount (a repayment of what is due, a payoff, a wealth
// cancel, a redemption in units) the figure is worked out by the service that will move the
// money, so the sheet never shows a figure the device computed. Writes nothing.
import * as z from 'zod/mini';
import { type SecondFactorPath, type SecondFactorRoute, secondFactorRouteOf } from '../contract/second-factor-routes.js';
import type { PaymentAuthorization, PaymentAuthorizationRequest, PaymentEstimate, PaymentRisk } from '../contract/second-factor-schemas.js';
import { Prepayment } from '../contract/prepayment-schema.js';
import { UnitsCenti, WealthProductId } from '../contract/wealth-units-schema.js';
import { amountInWords } from '../domain/amount-words.js';
import { refuse } from '../domain/errors.js';
import { maskPhone } from '../domain/masking.js';
import { refuseDeviceUnverified } from '../domain/sessions.js';
import { formatNav } from '../domain/wealth/units.js';
import { allInOrder } from '../platform/all-in-order.js';
import type { CustomerRecord } from '../store/customers.js';
import { loadOwnAccount, loadPayeeByPhone, loadSignedInCustomer } from './customer-guards.js';
import { payableNowFen, payoffFen, prepaymentFen } from './loan-servicing.js';
import { payableMerchant } from './community-merchants.js';
import { payableOrder } from './payable-orders.js';
import { issueNonce, type NoncePayee } from './second-factor.js';
import type { TokenDevice } from './tokens.js';
import { reviewMovementRisk } from './movement-risk.js';
import type { RiskMovementKind } from '../domain/risk-rules.js';
import { cancelRefundFen, redemptionValue } from './wealth-quotes.js';
import { lazySchema } from '../domain/lazy-schema.js';

/** Payments made here cost the customer nothing; the review sheet says so. */
const FEE_FEN = 0;

/** Steps that need no account: setting the first PIN comes before it; enrolling SOTER moves
 *  nothing; the copy of one's personal data is for anyone signed in, a closed account too. */
const ACCOUNTLESS_ROUTES: ReadonlySet<SecondFactorRoute> = new Set(['setPin', 'soterEnrol', 'dataCopy']);

/** What a redemption's body says about what it pays — the units of which product — checked as
 *  its route checks them (the route checks the rest of the body). */
const RedeemedUnits = /* @__PURE__ */ lazySchema(() => z.object({ productId: WealthProductId, unitsCenti: UnitsCenti }));

/** The amount on the review sheet, and whether it is an estimate. */
interface ReviewedAmount {
  amountFen: number | null;
  estimate: PaymentEstimate | null;
}

const exactly = (amountFen: number | null): ReviewedAmount => ({ amountFen, estimate: null });

/** Steps that check a code to the bound phone themselves: a new device is asked for no other. */
const OWN_PHONE_CODE_ROUTES: ReadonlySet<SecondFactorRoute> = new Set(['pinReset']);

/** The access token asking: when it was issued, its session and whether its device is verified. */
export interface AskingToken {
  issuedAtMs: number;
  sessionId: string | undefined;
  deviceVerified: boolean;
  device: TokenDevice;
}

/** Issues the nonce for one exact request and the figures its review sheet shows. A session on a
 *  device not yet verified gets no nonce once the customer has a PIN (setting the first one comes
 *  before any money; a PIN reset checks its own code to the bound phone): the device asks for a
 *  code to the bound phone first (services/sessions.ts).
 *  The token says so, so the money route itself checks nothing more. */
export async function authorizePayment(customerId: string, token: AskingToken, asked: PaymentAuthorizationRequest, now: Date): Promise<PaymentAuthorization> {
  const resolved = secondFactorRouteOf(asked.path);
  if (!resolved) return refuse('not_found', 'PAYMENT_ROUTE_UNKNOWN', '该操作无需支付验证');
  const { route } = resolved;
  const customer = await loadSignedInCustomer(customerId, token.issuedAtMs, token.sessionId);
  if (!token.deviceVerified && customer.pinHash && !OWN_PHONE_CODE_ROUTES.has(route)) refuseDeviceUnverified();
  const account = ACCOUNTLESS_ROUTES.has(route) ? undefined : await loadOwnAccount(customer);
  if (account?.status === 'CLOSED') return refuse('conflict', 'ACCOUNT_CLOSED', '您的电子账户已销户，不能再办理交易');
  const payee = route === 'transfer' ? await transferPayee(customer, asked.body.toPhone) : undefined;
  // An order of a community merchant: the sheet shows the merchant and the order's amount; a
  // static code (收款码): the merchant, and the amount the customer entered.
  const order = route === 'merchantOrderPay' ? await payableOrder(customerId, resolved.params.orderId!, now) : undefined;
  const codeMerchant = route === 'merchantCodePay' ? (await payableMerchant(resolved.params.merchantId!)).merchant : undefined;
  const [issued, { amountFen, estimate }, risk] = await allInOrder([
    issueNonce({ customerId, route, asked, accountId: account?.accountId, payee }, now),
    // 销户 sweeps the whole balance: the sheet shows what goes to the card.
    route === 'closeAccount' ? Promise.resolve(exactly(account!.balanceFen)) : order ? Promise.resolve(exactly(order.amountFen)) : reviewedAmount(customerId, resolved, asked, now),
    account ? movementRisk(JUDGED_ROUTES[route], { customer, accountId: account.accountId, payeeAccountId: payee?.accountId ?? null, device: token.device, at: now }, asked) : Promise.resolve(null),
  ]);
  return {
    ...issued,
    review: {
      amountFen,
      amountInWords: amountFen === null ? null : amountInWords(amountFen),
      estimate,
      feeFen: FEE_FEN,
      sourceAccountMasked: account?.accountNumberMasked ?? null,
      payeeMasked: payee && typeof asked.body.toPhone === 'string' ? `${payee.nameMasked}（${maskPhone(asked.body.toPhone)}）` : (order?.merchantShortName ?? codeMerchant?.shortName ?? null),
      risk,
    },
  };
}

/** The amount the request moves: the body's own `amountFen`; for a prepayment, its principal and
 *  early interest; for a repayment without an amount, what is due now; for a payoff, its quote's total; for a wealth cancel, the refund; for a redemption,
 *  what its units pay. Null for a body that names none (or whose figure cannot be worked out: the
 *  money route refuses such a request in its own words). */
async function reviewedAmount(
  customerId: string,
  { route, params }: SecondFactorPath,
  asked: PaymentAuthorizationRequest,
  now: Date,
): Promise<ReviewedAmount> {
  const underKey = { idempotencyKey: asked.idempotencyKey, now };
  if (route === 'repay' && asked.body.prepayment !== undefined) return exactly(await prepaymentAmount(customerId, params.loanId!, asked.body.prepayment, underKey));
  if (route === 'repay' && asked.body.amountFen === undefined) return exactly(await payableNowFen(customerId, params.loanId!, underKey));
  if (route === 'payoff') return exactly(await payoffFen(customerId, params.loanId!, underKey));
  if (route === 'wealthCancel') return exactly(await cancelRefundFen(customerId, params.orderId!, underKey));
  if (route === 'wealthRedeem') return redemptionAmount(asked.body, now);
  const { amountFen } = asked.body;
  return exactly(typeof amountFen === 'number' && Number.isSafeInteger(amountFen) && amountFen > 0 ? amountFen : null);
}

/** A prepayment's total, when its body is well formed (its route checks the rest). */
async function prepaymentAmount(customerId: string, loanId: string, body: unknown, underKey: { idempotencyKey: string | undefined; now: Date }): Promise<number | null> {
  const prepayment = Prepayment.safeParse(body);
  return prepayment.success ? prepaymentFen(customerId, loanId, prepayment.data, underKey) : null;
}

async function redemptionAmount(body: Record<string, unknown>, now: Date): Promise<ReviewedAmount> {
  const redeemed = RedeemedUnits.safeParse(body);
  if (!redeemed.success) return exactly(null);
  const value = await redemptionValue(redeemed.data.productId, redeemed.data.unitsCenti, now);
  if (!value) return exactly(null);
  const { estimatedAt } = value;
  return {
    amountFen: value.proceedsFen,
    estimate: estimatedAt && { navDisplay: formatNav(estimatedAt.navCentiFen), navDate: estimatedAt.navDate },
  };
}

/** The routes whose movements the anti-fraud rules judge (domain/risk-rules.ts RISK_MOVEMENT_KINDS). */
const JUDGED_ROUTES: Partial<Record<SecondFactorRoute, RiskMovementKind>> = { transfer: 'TRANSFER', withdraw: 'WITHDRAWAL', billPay: 'BILL_PAYMENT' };

interface RiskAsker {
  customer: CustomerRecord;
  accountId: string;
  /** A transfer's payee; null for any other movement. */
  payeeAccountId: string | null;
  device: TokenDevice;
  at: Date;
}

/** A judged movement's anti-fraud warning for the sheet (none for a route the rules do not judge,
 *  or a body whose amount the route will refuse anyway). */
async function movementRisk(kind: RiskMovementKind | undefined, { customer, device, ...parties }: RiskAsker, asked: PaymentAuthorizationRequest): Promise<PaymentRisk | null> {
  const { amountFen, riskAcknowledged } = asked.body;
  if (kind === undefined || typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen <= 0) return null;
  return reviewMovementRisk({ ...parties, customerId: customer.customerId, kind, amountFen, customer, acknowledged: riskAcknowledged === true, device });
}

async function transferPayee(customer: CustomerRecord, toPhone: unknown): Promise<NoncePayee> {
  if (typeof toPhone !== 'string' || !/^1\d{10}$/.test(toPhone)) return refuse('invalid', 'VALIDATION_FAILED', '请求参数有误：toPhone');
  const payee = await loadPayeeByPhone(toPhone);
  if (payee.accountId === customer.accountId) return refuse('invalid', 'SAME_ACCOUNT', '不能转账给自己');
  return payee;
}
