// Checks shared by routes: the signed-in customer exists, has done the onboarding steps a route
// needs, and owns the account it acts on. (The PIN: services/second-factor.ts.)
import { config } from '../config.js';
import { type OnboardingState, assertReadyFor } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import { sessionRevoked } from '../domain/loss-report.js';
import { sessionSignedOut } from '../domain/sessions.js';
import type { Class2Limits } from '../domain/limits.js';
import { type AccountRecord, getAccount, getCustomerAndAccount } from '../store/accounts.js';
import { lookupHash } from '../store/crypto.js';
import { type CustomerRecord, customerIdByLookup, getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import type { RequestCompletion } from './idempotency.js';

export async function loadCustomer(customerId: string): Promise<CustomerRecord> {
  const customer = await getCustomer(customerId);
  // A valid token for a customer who no longer exists is as good as no token.
  if (!customer) return refuse('unauthenticated', 'UNAUTHENTICATED', '登录已失效，请重新登录');
  return customer;
}

/** The customer, for a request whose access token must not predate a revocation of every
 *  session (挂失 or its lift, domain/loss-report.ts) nor belong to a session signed out from the
 *  device list (domain/sessions.ts): the profile, which every screen reads first, the payment
 *  authorization every money movement needs, and 挂失 itself. Both are on the customer record these
 *  read anyway, so the check costs no read. A revoked token is no token. */
export async function loadSignedInCustomer(customerId: string, tokenIssuedAtMs: number, tokenSessionId?: string): Promise<CustomerRecord> {
  const customer = await loadCustomer(customerId);
  if (sessionRevoked(tokenIssuedAtMs, customer.sessionsRevokedAt) || sessionSignedOut(tokenSessionId, customer.signedOutSessions)) {
    return refuse('unauthenticated', 'UNAUTHENTICATED', '登录已失效，请重新登录');
  }
  return customer;
}

export function onboardingState(customer: CustomerRecord): OnboardingState {
  return {
    phoneBound: Boolean(customer.phoneHash),
    realNameVerified: Boolean(customer.realNameVerifiedAt),
    pinSet: Boolean(customer.pinHash),
    accountOpen: Boolean(customer.accountId),
  };
}

export async function loadOwnAccount(customer: CustomerRecord): Promise<AccountRecord> {
  assertReadyFor('moveMoney', onboardingState(customer));
  const account = await getAccount(customer.accountId!);
  if (!account || account.ownerCustomerId !== customer.customerId) {
    throw new Error(`customer ${customer.customerId} points at an account it does not own`);
  }
  return account;
}

export function class2Limits(): Class2Limits {
  const c = config();
  return {
    nonBoundDailyFen: c.CLASS2_NONBOUND_DAILY_FEN,
    nonBoundYearlyFen: c.CLASS2_NONBOUND_YEARLY_FEN,
    maxSingleAmountFen: c.MAX_SINGLE_AMOUNT_FEN,
  };
}

/** The customer and their own account in one read, the account named by the request's nonce:
 *  it must still be this customer's (the nonce was issued against it). */
export async function loadCustomerWithAccount(
  customerId: string,
  accountId: string,
  completion?: RequestCompletion,
  alsoRead: readonly Record<string, string>[] = [],
): Promise<{ customer: CustomerRecord; account: AccountRecord; also: Record<string, unknown>[] }> {
  const { customer, account, requestRecord, also } = await getCustomerAndAccount(customerId, accountId, completion?.request, alsoRead);
  // A repeat of an answered request is answered before anything about it is checked again.
  if (completion?.request) completion.found(requestRecord);
  if (!customer) return refuse('unauthenticated', 'UNAUTHENTICATED', '登录已失效，请重新登录');
  assertReadyFor('moveMoney', onboardingState(customer));
  if (!account || account.ownerCustomerId !== customerId || customer.accountId !== accountId) {
    throw new Error(`customer ${customerId} sent a nonce for account ${accountId}, which is not theirs`);
  }
  return { customer, account, also };
}

/** The Jinlin customer a phone number pays: their account and masked name, or 404. */
export async function loadPayeeByPhone(phone: string): Promise<{ accountId: string; nameMasked: string }> {
  const payeeId = await customerIdByLookup(keys.phone(await lookupHash('phone', phone)));
  const payee = payeeId ? await getCustomer(payeeId) : undefined;
  if (!payee?.accountId || !payee.nameMasked) return refuse('not_found', 'PAYEE_NOT_FOUND', '未找到该手机号对应的近邻银行账户');
  // 销户: the payer learns it here, before the review; the ledger refuses the credit regardless.
  if (payee.accountClosure) return refuse('unprocessable', 'PAYEE_ACCOUNT_CLOSED', '对方电子账户已销户，无法收款');
  return { accountId: payee.accountId, nameMasked: payee.nameMasked };
}
