// 挂失 (docs/ARCHITECTURE.md, report loss): in one step, signed in or signed out through the
// identity check (services/identity-check.ts) — the report and the revocation of every session on
// the customer, the freeze of an ACTIVE e-account, the code used up, in one transaction; then the
// notice to the bound phone and the event. The lift only through the identity check. The rules
// are domain/loss-report.ts.
import { normalizedAnswers, PIN_RESET_POLICY, type IdentityAnswers } from '../domain/pin-reset.js';
import { refuse } from '../domain/errors.js';
import { assertNotReported, assertReported, type LossReport, type LossReportChannel, lossFreeze, type LostItem, refuseAlreadyReported, refuseNotReported } from '../domain/loss-report.js';
import { maskPhone } from '../domain/masking.js';
import { chinaMinute } from '../domain/time.js';
import { type AccountRecord, freezeAccountItem, unfreezeAccountItem } from '../store/accounts.js';
import { decrypt, lookupHash } from '../store/crypto.js';
import { type CustomerRecord, customerIdByLookup, getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import { liftLossItem, reportLossItem } from '../store/loss-report.js';
import { transactWrite, type TransactItem } from '../store/transact.js';
import { recordCustomerEvent } from './customer-events.js';
import { loadOwnAccount, loadSignedInCustomer, onboardingState } from './customer-guards.js';
import { checkIdentity, identityMatches, sendIdentityCode } from './identity-check.js';
import { postMessage } from './messages.js';
import { sendNotice } from './sms-notice.js';

export interface LossReportDone {
  reportedAt: string;
  /** Where the notice went. */
  phoneMasked: string;
}

export interface LossLiftDone {
  liftedAt: string;
  phoneMasked: string;
}

export interface LossCodeSent {
  expiresAt: string;
  resendAfterSeconds: number;
}

export type LossCodeAction = 'REPORT' | 'LIFT';

const busy = () => refuse('conflict', 'LOSS_REPORT_BUSY', '请求处理中，请稍后重试');
/** Answered for an ID number nobody holds, as for one whose code was never sent. */
const noCode = () => refuse('unprocessable', 'SMS_CODE_EXPIRED', '验证码已失效，请重新获取');

/** The report's writes after `first` (the code's use, when the identity check made it). Refused at
 *  the report: one is already in force; at the freeze: an operator froze the account meanwhile. */
async function writeReport(customer: CustomerRecord, account: AccountRecord, report: LossReport, first: TransactItem[]): Promise<number | undefined> {
  const items = [...first, reportLossItem(customer.customerId, report), ...(report.frozeAccount ? [freezeAccountItem(account.accountId, lossFreeze(report.reportedAt))] : [])];
  const refusedAt = await transactWrite(items);
  if (refusedAt === undefined || refusedAt < first.length) return refusedAt;
  if (refusedAt === first.length) refuseAlreadyReported();
  return busy();
}

function newReport(account: AccountRecord, lost: LostItem, via: LossReportChannel, now: Date): LossReport {
  return { reportedAt: now.toISOString(), lost, via, frozeAccount: account.status === 'ACTIVE' };
}

async function afterReport(customer: CustomerRecord, report: LossReport): Promise<LossReportDone> {
  const phone = await decrypt(customer.phoneEnc!);
  await sendNotice(phone, { template: 'LOSS_REPORTED_NOTICE', params: { time: chinaMinute(new Date(report.reportedAt)) } });
  await recordCustomerEvent({ customerId: customer.customerId, kind: 'LOSS_REPORTED', at: report.reportedAt, ref: report.reportedAt });
  await postMessage({ customerId: customer.customerId, kind: 'LOSS_REPORTED', ref: report.reportedAt, at: report.reportedAt });
  return { reportedAt: report.reportedAt, phoneMasked: maskPhone(phone) };
}

/** 挂失 from the signed-in mini-program: the session asking is revoked with the others. */
export async function reportLoss(customerId: string, tokenIssuedAtMs: number, lost: LostItem, now: Date): Promise<LossReportDone> {
  const customer = await loadSignedInCustomer(customerId, tokenIssuedAtMs);
  const account = await loadOwnAccount(customer);
  assertNotReported(customer.lossReport);
  const report = newReport(account, lost, 'SIGNED_IN', now);
  await writeReport(customer, account, report, []);
  return afterReport(customer, report);
}

/** The customer an ID number names, with an open e-account; undefined for anyone else. */
async function customerByIdNumber(idNumber: string): Promise<{ customer: CustomerRecord; account: AccountRecord } | undefined> {
  const customerId = await customerIdByLookup(keys.idNumber(await lookupHash('id', idNumber)));
  const customer = customerId ? await getCustomer(customerId) : undefined;
  if (!customer || !onboardingState(customer).accountOpen || !onboardingState(customer).pinSet) return undefined;
  return { customer, account: await loadOwnAccount(customer) };
}

/**
 * 发送验证码, signed out: the code goes to the bound phone only when the name, ID number and card
 * number are one customer's. The answer is the same either way, so the route tells nobody whether
 * an ID number is a customer's; whoever gives all three right hears the limits and the state.
 */
export async function sendLossCode(answers: IdentityAnswers, action: LossCodeAction, now: Date): Promise<LossCodeSent> {
  const given = normalizedAnswers(answers);
  const found = await customerByIdNumber(given.idNumber);
  const sent = { expiresAt: new Date(now.getTime() + PIN_RESET_POLICY.codeTtlMinutes * 60_000).toISOString(), resendAfterSeconds: PIN_RESET_POLICY.resendAfterSeconds };
  if (!found || !(await identityMatches(found.customer, found.account, given))) return sent;
  if (action === 'REPORT') assertNotReported(found.customer.lossReport);
  else assertReported(found.customer.lossReport);
  const { expiresAt } = await sendIdentityCode(found.customer, action === 'REPORT' ? 'LOSS_REPORT' : 'LOSS_LIFT', now);
  return { ...sent, expiresAt };
}

/** 挂失, signed out from any device: the four answers, then the report as when signed in. */
export async function reportLossByIdentity(answers: IdentityAnswers & { smsCode: string }, lost: LostItem, now: Date): Promise<LossReportDone> {
  const given = { ...normalizedAnswers(answers), smsCode: answers.smsCode };
  const found = (await customerByIdNumber(given.idNumber)) ?? noCode();
  const { customer, account } = found;
  assertNotReported(customer.lossReport);
  const report = newReport(account, lost, 'IDENTITY_CHECK', now);
  await checkIdentity(customer, account, given, 'LOSS_REPORT', now, (codeUsedUp) => writeReport(customer, account, report, [codeUsedUp]));
  return afterReport(customer, report);
}

/** 解除挂失: only through the identity check. The freeze the report made is lifted (an operator's
 *  stays), and every session is revoked again: the customer signs in anew. */
export async function liftLoss(answers: IdentityAnswers & { smsCode: string }, now: Date): Promise<LossLiftDone> {
  const given = { ...normalizedAnswers(answers), smsCode: answers.smsCode };
  const found = (await customerByIdNumber(given.idNumber)) ?? noCode();
  const { customer, account } = found;
  const report = assertReported(customer.lossReport);
  const liftedAt = now.toISOString();
  const unfreeze = report.frozeAccount && account.freeze?.kind === 'LOSS_REPORT' ? [unfreezeAccountItem(account.accountId, 'LOSS_REPORT')] : [];
  const phone = await checkIdentity(customer, account, given, 'LOSS_LIFT', now, async (codeUsedUp) => {
    const refusedAt = await transactWrite([codeUsedUp, liftLossItem(customer.customerId, report.reportedAt, liftedAt), ...unfreeze]);
    if (refusedAt === 1) refuseNotReported();
    if (refusedAt === 2) throw new Error(`account ${account.accountId}: the loss freeze was lifted apart from its report`);
    return refusedAt;
  });
  await sendNotice(phone, { template: 'LOSS_LIFTED_NOTICE', params: { time: chinaMinute(now) } });
  await recordCustomerEvent({ customerId: customer.customerId, kind: 'LOSS_LIFTED', at: liftedAt, ref: liftedAt });
  await postMessage({ customerId: customer.customerId, kind: 'LOSS_LIFTED', ref: liftedAt, at: liftedAt });
  return { liftedAt, phoneMasked: maskPhone(phone) };
}
