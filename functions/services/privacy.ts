// 个人信息与隐私 (domain/data-rights.ts): the summary of what is held and why (masked, as every
// screen masks it), the optional consents and their history, correcting a saved payee's name, a
// request to delete (answered with the retention rule), and the deletion job that removes a
// closed customer's personal values once the retention period has ended. The copy of the data is
// services/data-copy.ts (the documents function, which has the PDF engine).
import { config } from '../config.js';
import { searchableAccountNumber, searchableName } from '../domain/customer-service.js';
import {
  CONSENT_KINDS,
  CONSENT_TEXT,
  type ConsentChange,
  type ConsentKind,
  consentStates,
  DATA_CATEGORIES,
  DATA_COPY_LIMITS,
  type DataCategory,
  categoryTerms,
  MAX_CONSENT_HISTORY,
  MAX_DATA_COPY_BYTES,
  MAX_DELETIONS_PER_RUN,
  refuseEarlyDeletion,
} from '../domain/data-rights.js';
import { refuse } from '../domain/errors.js';
import { CUSTOMER_RISK_LABELS } from '../domain/wealth/risk.js';
import { allInOrder } from '../platform/all-in-order.js';
import { logger } from '../platform/logger.js';
import { type AccountRecord, getAccount } from '../store/accounts.js';
import { listPayees } from '../store/bills.js';
import { bankDay } from '../store/business-date.js';
import { cardChanges } from '../store/card-changes.js';
import { customerComplaints } from '../store/complaints.js';
import { decrypt, lookupHash } from '../store/crypto.js';
import { type CustomerRecord, getCustomer } from '../store/customers.js';
import { creditLines, customerLoans } from '../store/loans.js';
import { consentHistory, deletePersonalData, deletionDone, eraseCustomerRecords, renamePayee, retentionEnded, saveConsentChange, storedConsents } from '../store/privacy.js';
import { getAttribution } from '../store/referrals.js';
import { customerHoldings, customerOrders, getAssessment } from '../store/wealth.js';
import { loadCustomer, loadSignedInCustomer } from './customer-guards.js';
import { postMessage } from './messages.js';

type Correction = { how: 'HERE' | 'SCREEN' | 'COUNTER' | 'RECORD'; text: string } | null;
interface ShownValue {
  label: string;
  value: string;
  correction: Correction;
  /** A saved payee, whose name is corrected on this page. */
  payee: { payeeId: string; nickname: string } | null;
}
/** A value corrected elsewhere or not at all. */
const shown = (label: string, value: string, correction: Correction = null): ShownValue => ({ label, value, correction, payee: null });

const VERIFIED: Correction = { how: 'COUNTER', text: '已通过实名核验，不能在线修改。如有误，请携带本人有效身份证件到柜台，或致电客服经本人身份核验后更正。' };
const RECORD: Correction = { how: 'RECORD', text: '如实记录当时发生的情况，不能修改；如有疑问，请在小程序内发起投诉。' };

const count = (n: number, unit: string) => `${n} ${unit}`;
const date = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '—');
const ACCOUNT_STATUS_TEXT: Record<AccountRecord['status'], string> = { ACTIVE: '正常', FROZEN: '冻结', CLOSED: '已销户' };

export interface PrivacySummary {
  categories: { category: DataCategory; title: string; holds: string; purpose: string; legalBasis: string; retention: string; values: ShownValue[] }[];
  consents: { kind: ConsentKind; title: string; text: string; granted: boolean; changedAt: string | null }[];
  retentionYears: number;
  closure: { closedAt: string; retainUntil: string } | null;
  copyLimits: typeof DATA_COPY_LIMITS & { maxBytes: number };
}

function consentViews(customer: CustomerRecord) {
  const states = consentStates(storedConsents(customer));
  return CONSENT_KINDS.map((kind) => ({ kind, ...CONSENT_TEXT[kind], ...states[kind] }));
}

/** The customer's records besides the profile and the account, read together: what the summary
 *  counts and the copy holds (lists one past the copy's limit, so a cut can be told). */
export async function heldRecords(customerId: string, account: AccountRecord | undefined) {
  const [changes, loans, lines, assessment, holdings, orders, payees, complaints, attribution, consentChanges] = await allInOrder([
    account ? cardChanges(account.accountId) : Promise.resolve([]),
    customerLoans(customerId),
    creditLines(customerId),
    getAssessment(customerId),
    customerHoldings(customerId),
    customerOrders(customerId),
    listPayees(customerId),
    customerComplaints(customerId, DATA_COPY_LIMITS.complaints + 1, undefined),
    getAttribution(customerId),
    consentHistory(customerId, DATA_COPY_LIMITS.consentHistory + 1),
  ]);
  return { changes, loans, lines, assessment, holdings, orders, payees, complaints: complaints.tickets, attribution, consentChanges };
}

/** A count, or "more than the limit" past it. */
const countUpTo = (n: number, limit: number, unit: string) => (n > limit ? `${limit} ${unit}以上` : count(n, unit));

/** What the bank holds about the customer, category by category, with the values masked. */
export async function privacySummary(customerId: string, tokenIssuedAtMs: number): Promise<PrivacySummary> {
  const customer = await loadSignedInCustomer(customerId, tokenIssuedAtMs);
  const account = customer.accountId ? await getAccount(customer.accountId) : undefined;
  const { changes, loans, lines, assessment, holdings, orders, payees, complaints, attribution, consentChanges } = await heldRecords(customerId, account);
  const values: Record<DataCategory, ShownValue[]> = {
    IDENTITY: [
      shown('姓名', customer.nameMasked ?? '未实名', customer.nameMasked ? VERIFIED : null),
      shown('身份证号', customer.idNumberMasked ?? '未实名', customer.idNumberMasked ? VERIFIED : null),
      shown('实名认证时间', date(customer.realNameVerifiedAt)),
      ...(customer.birthYear ? [shown('出生年份（由身份证号得出，用于转账防骗提示）', `${customer.birthYear} 年`, VERIFIED)] : []),
    ],
    CONTACT: [
      shown('手机号', customer.phoneMasked ?? '未绑定', customer.phoneMasked ? { how: 'SCREEN', text: '在「更换手机号」中更换（验证新旧手机；旧手机丢失时通过本人身份核验）。' } : null),
    ],
    WECHAT: [shown('微信账号', '已关联（用于登录）')],
    ACCOUNT: account
      ? [
          shown('电子账户', account.accountNumberMasked),
          shown('账户状态', ACCOUNT_STATUS_TEXT[account.status]),
          shown(
            '绑定银行卡',
            `${account.boundCard.bankName} ${account.boundCard.cardNumberMasked}`,
            account.status === 'ACTIVE' ? { how: 'SCREEN', text: '在「更换绑定卡」中更换（身份证号与支付密码验证）。' } : null,
          ),
          shown('绑定卡更换记录', count(changes.length, '条')),
        ]
      : [shown('电子账户', '未开户')],
    TRANSACTIONS: [shown('交易明细', account ? '见「交易明细」与对账单' : '无', RECORD)],
    LOANS: [
      shown('借款', count(loans.length, '笔'), RECORD),
      shown('授信额度', count(lines.length, '个')),
      shown('借款申请（工作单位、月收入等）', lines.length > 0 ? '已保存，随申请记录' : '无', {
        how: 'RECORD',
        text: '申请时填写的信息是当时审批的依据，不能事后修改；再次申请时可填写新的信息。',
      }),
    ],
    WEALTH: [
      shown('风险测评', assessment ? `${CUSTOMER_RISK_LABELS[assessment.level]}（${assessment.assessedOn}）` : '未测评', {
        how: 'SCREEN',
        text: '情况有变化时，可在「理财」中重新测评。',
      }),
      shown('理财持仓', count(holdings.filter((holding) => holding.unitsCenti > 0).length, '个')),
      shown('理财订单', count(orders.length, '笔'), RECORD),
    ],
    BILLS: [
      ...payees.map((payee) => ({
        label: `常用缴费户「${payee.nickname}」`,
        value: payee.accountNumberMasked,
        correction: { how: 'HERE' as const, text: '可在此修改备注名；缴费户号如有误，请删除后重新添加。' },
        payee: { payeeId: payee.payeeId, nickname: payee.nickname },
      })),
      shown('缴费记录', '见「生活缴费」缴费记录', RECORD),
    ],
    SERVICE: [shown('投诉与争议', countUpTo(complaints.length, DATA_COPY_LIMITS.complaints, '件'))],
    REFERRAL: [shown('推荐您的客户经理', attribution ? `有（${date(attribution.firstTouchAt)} 起）` : '无')],
    SECURITY: [
      shown('支付密码', customer.pinHash ? '已设置（仅保存不可逆摘要）' : '未设置'),
      shown('指纹/面容支付', customer.soterEnrolment ? '已开通' : '未开通'),
      shown('挂失', customer.lossReport ? '挂失中' : '无'),
    ],
    CONSENTS: [shown('授权变更记录', countUpTo(consentChanges.length, DATA_COPY_LIMITS.consentHistory, '条'))],
  };
  const retentionYears = config().ACCOUNT_RECORDS_RETENTION_YEARS;
  return {
    categories: DATA_CATEGORIES.map((category) => ({ category, ...categoryTerms(category, retentionYears), values: values[category] })),
    consents: consentViews(customer),
    retentionYears,
    closure: customer.accountClosure ?? null,
    copyLimits: { ...DATA_COPY_LIMITS, maxBytes: MAX_DATA_COPY_BYTES },
  };
}

export interface ConsentsAndHistory {
  consents: ReturnType<typeof consentViews>;
  history: ConsentChange[];
}

export async function consents(customerId: string): Promise<ConsentsAndHistory> {
  const [customer, history] = await allInOrder([loadCustomer(customerId), consentHistory(customerId, MAX_CONSENT_HISTORY)]);
  return { consents: consentViews(customer), history };
}

/** Gives or withdraws an optional consent; a change to what it already is records nothing. */
export async function setConsent(customerId: string, kind: ConsentKind, granted: boolean, now: Date): Promise<ConsentsAndHistory> {
  const customer = await loadCustomer(customerId);
  if (consentStates(storedConsents(customer))[kind].granted !== granted) {
    const at = now.toISOString();
    await saveConsentChange(customerId, { kind, granted, at });
    if (!granted) await postMessage({ customerId, kind: 'CONSENT_WITHDRAWN', ref: `${kind}:${at}`, at, detail: CONSENT_TEXT[kind].title });
  }
  return consents(customerId);
}

/** Whether the customer allows recommendations made from their own data (issue 20's
 *  recommendations read this): only once they turned 个性化推荐 on, and not since withdrawn. */
export async function personalisationAllowed(customerId: string): Promise<boolean> {
  const customer = await getCustomer(customerId);
  return customer ? consentStates(storedConsents(customer)).PERSONALISATION.granted : false;
}

/** Corrects the name of the customer's own saved payee (404 for anyone else's). */
export async function correctPayeeNickname(customerId: string, payeeId: string, nickname: string, now: Date): Promise<{ payeeId: string; nickname: string }> {
  if (!(await renamePayee(customerId, payeeId, nickname))) return refuse('not_found', 'PAYEE_NOT_FOUND', '未找到该缴费户');
  await postMessage({ customerId, kind: 'PERSONAL_DATA_CORRECTED', ref: `payee:${payeeId}:${now.toISOString()}`, at: now, detail: '常用缴费户备注名' });
  return { payeeId, nickname };
}

/** A request to delete: refused with the rule while the records must be kept (always, for a
 *  customer who can still ask — after the retention period the job has deleted them). */
export async function requestDeletion(customerId: string): Promise<never> {
  const customer = await loadCustomer(customerId);
  return refuseEarlyDeletion(customer.accountClosure, config().ACCOUNT_RECORDS_RETENTION_YEARS);
}

// ---- the deletion job -------------------------------------------------------------------------

export interface DeletionReport {
  due: number;
  deleted: number;
  /** Changed since the index was read (reopened or already deleted): left for the next run. */
  skipped: number;
  failed: number;
}

/** Deletes the personal values of closed customers whose retention period ended before the bank's
 *  clock's now, at most `limit` per run (the next run takes the rest). A customer whose account is
 *  not CLOSED is never touched: the deletion's own conditions say so. */
export async function deleteExpiredPersonalData(wallNow: Date, limit = MAX_DELETIONS_PER_RUN): Promise<DeletionReport> {
  const { now } = await bankDay(wallNow);
  const due = await retentionEnded(now.toISOString(), limit);
  const report: DeletionReport = { due: due.length, deleted: 0, skipped: 0, failed: 0 };
  for (const { customerId, retainUntil } of due) {
    try {
      report[(await deleteOne(customerId, retainUntil, now)) ? 'deleted' : 'skipped']++;
    } catch (error) {
      report.failed++;
      logger.error('personal data deletion failed', { customerId, error });
    }
  }
  return report;
}

/** One customer's deletion, in two steps: their values and lookups in one transaction, then
 *  their other records (store/privacy.ts eraseCustomerRecords). The customer leaves the index of
 *  those due only when both are done, so a run stopped between them (or by the second step's
 *  bound) is finished by the next. */
async function deleteOne(customerId: string, retainUntil: string, now: Date): Promise<boolean> {
  const customer = await getCustomer(customerId);
  if (!customer || customer.accountClosure?.retainUntil !== retainUntil || retainUntil >= now.toISOString()) return false;
  if (!customer.personalDataDeletedAt && !(await deleteValues(customer, retainUntil, now))) return false;
  if (!(await eraseCustomerRecords(customerId))) return false;
  await deletionDone(customerId, retainUntil);
  return true;
}

async function deleteValues(customer: CustomerRecord, retainUntil: string, now: Date): Promise<boolean> {
  const { customerId } = customer;
  const account = customer.accountId ? await getAccount(customer.accountId) : undefined;
  if (account && account.status !== 'CLOSED') return false;
  const [changes, payees, name, idNumber, accountNumber] = await allInOrder([
    account ? cardChanges(account.accountId) : Promise.resolve([]),
    listPayees(customerId),
    customer.nameEnc ? decrypt(customer.nameEnc) : Promise.resolve(undefined),
    customer.idNumberEnc ? decrypt(customer.idNumberEnc) : Promise.resolve(undefined),
    account ? decrypt(account.accountNumberEnc) : Promise.resolve(undefined),
  ]);
  const [idHash, nameHash, accountNumberHash] = await allInOrder([
    idNumber ? lookupHash('id', idNumber) : Promise.resolve(undefined),
    name ? lookupHash('name', searchableName(name)) : Promise.resolve(undefined),
    accountNumber ? lookupHash('account-number', searchableAccountNumber(accountNumber)) : Promise.resolve(undefined),
  ]);
  return deletePersonalData(
    customer,
    retainUntil,
    account,
    changes,
    payees.map((payee) => payee.payeeId),
    { ...(idHash ? { idHash } : {}), ...(nameHash ? { nameHash } : {}), ...(accountNumberHash ? { accountNumberHash } : {}) },
    now,
  );
}
