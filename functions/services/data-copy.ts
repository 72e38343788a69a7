// The copy of a customer's personal data (个人信息副本, 《个人信息保护法》第四十五条): everything
// the bank holds about the customer and their records, unmasked — it is their own data — so it is
// confirmed by the PIN under a nonce asked for this very request (services/second-factor.ts),
// never a fingerprint. As JSON (the records as stored, with encrypted values opened and the
// bank's internal keys, hashes and counters left out) or as a readable PDF of the same (the PDF
// adapter, as the statement). Bounded: each list to DATA_COPY_LIMITS, the file to
// MAX_DATA_COPY_BYTES; what was cut is named in the answer and in the file.
import { renderPdf } from '../adapters/pdf.js';
import { PAYMENT_STATUS_LABELS } from '../domain/bills/bill.js';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS } from '../domain/complaints.js';
import {
  assertCopySize,
  consentStates,
  DATA_COPY_LIMITS,
  type DataCopyFacts,
  type DataCopySection,
  dataCopyDocument,
  SECTION_TITLES,
} from '../domain/data-rights.js';
import { BANK_NAME } from '../domain/documents.js';
import { formatYuan } from '../domain/format.js';
import { CUSTOMER_RISK_LABELS } from '../domain/wealth/risk.js';
import { chinaMinute } from '../domain/time.js';
import { allInOrder } from '../platform/all-in-order.js';
import { getAccount } from '../store/accounts.js';
import { type BillPaymentRecord, MAX_HISTORY_PAGE as BILL_PAGE, paymentHistory } from '../store/bills.js';
import { bankDay } from '../store/business-date.js';
import { decrypt } from '../store/crypto.js';
import { latestApplication } from '../store/loans.js';
import { storedConsents } from '../store/privacy.js';
import { postingsBetween } from '../store/statements.js';
import { loadSignedInCustomer } from './customer-guards.js';
import { heldRecords } from './privacy.js';
import { postMessage } from './messages.js';
import { type OpenedSecondFactor, pinFactor, requireSecondFactor, spendSecondFactor } from './second-factor.js';

/** Attributes that are the bank's machinery, not the customer's data — storage keys, keyed hashes
 *  (a PIN's included), counters and locks — and the money-laundering rating, which the bank may
 *  not disclose to the customer (反洗钱法: no tipping off). */
const INTERNAL = /^(PK|SK|type|version|pinHash|pinFailedAttempts|pinLockedUntil|incomeCarry|guardKey|limitBuckets|sessionsRevokedAt|riskRating)$|Hash$/;

/** A stored record as the customer's copy shows it: internal attributes left out, encrypted
 *  values opened (`phoneEnc` → `phone`), recursively. */
async function ownRecord(value: unknown): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map(ownRecord));
  if (value === null || typeof value !== 'object') return value;
  const entries = await Promise.all(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !INTERNAL.test(key))
      .map(async ([key, inner]): Promise<[string, unknown]> =>
        key.endsWith('Enc') && typeof inner === 'string' ? [key.slice(0, -3), await decrypt(inner)] : [key, await ownRecord(inner)],
      ),
  );
  return Object.fromEntries(entries);
}

/** The customer's bill payments, newest first, to the copy's limit (one more: to tell a cut). */
async function billPayments(customerId: string): Promise<BillPaymentRecord[]> {
  const payments: BillPaymentRecord[] = [];
  let cursor: string | undefined;
  while (payments.length <= DATA_COPY_LIMITS.billPayments) {
    const page = await paymentHistory(customerId, undefined, BILL_PAGE, cursor);
    payments.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return payments;
}

/** Cuts a list to its section's limit, noting the cut. */
function bounded<T>(section: DataCopySection, items: T[], truncated: DataCopySection[]): T[] {
  if (items.length <= DATA_COPY_LIMITS[section]) return items;
  truncated.push(section);
  return items.slice(0, DATA_COPY_LIMITS[section]);
}

const yuan = (fen: number | null | undefined) => (typeof fen === 'number' ? `${formatYuan(fen)} 元` : '—');
const minute = (iso: string | null | undefined) => (iso ? chinaMinute(new Date(iso)) : '—');

export interface DataCopy {
  fileName: string;
  contentType: 'application/json' | 'application/pdf';
  bytes: Buffer;
  truncated: DataCopySection[];
}

/** The copy, once the PIN checks out (and is used up with its nonce). */
export async function dataCopy(customerId: string, tokenIssuedAtMs: number, format: 'JSON' | 'PDF', secondFactor: OpenedSecondFactor, wallNow: Date): Promise<DataCopy> {
  const factor = pinFactor(secondFactor);
  const [customer, { now }] = await allInOrder([loadSignedInCustomer(customerId, tokenIssuedAtMs), bankDay(wallNow)]);
  await spendSecondFactor(await requireSecondFactor(customer, factor, now));

  const account = customer.accountId ? await getAccount(customer.accountId) : undefined;
  const [postings, payments, { changes, loans, lines, assessment, holdings, orders, payees, complaints, attribution, consentChanges: history }] = await allInOrder([
    account ? postingsBetween(account.accountId, '', '~', DATA_COPY_LIMITS.postings) : Promise.resolve([]),
    billPayments(customerId),
    heldRecords(customerId, account),
  ]);
  const applications = (await allInOrder(lines.map((line) => latestApplication(customerId, line.productId)))).filter((application) => application !== undefined);
  const truncated: DataCopySection[] = [];
  const copy = {
    postings: bounded('postings', postings, truncated),
    billPayments: bounded('billPayments', payments, truncated),
    wealthOrders: bounded('wealthOrders', orders, truncated),
    complaints: bounded('complaints', complaints, truncated),
    consentHistory: bounded('consentHistory', history, truncated),
  };
  const consents = consentStates(storedConsents(customer));
  const [own, ownAccount, ownChanges, ownPayees, ownPayments, ownApplications] = await allInOrder([
    ownRecord(customer) as Promise<Record<string, unknown>>,
    ownRecord(account ?? null) as Promise<Record<string, unknown> | null>,
    ownRecord(changes) as Promise<Record<string, unknown>[]>,
    ownRecord(payees) as Promise<Record<string, unknown>[]>,
    ownRecord(copy.billPayments) as Promise<Record<string, unknown>[]>,
    ownRecord(applications) as Promise<Record<string, unknown>[]>,
  ]);
  const stamp = now.toISOString().slice(0, 10);
  // The customer is told in the message centre that a copy was made (it holds everything).
  const made = async (copy: DataCopy): Promise<DataCopy> => {
    await postMessage({ customerId, kind: 'PERSONAL_DATA_EXPORTED', ref: factor.nonceId, at: now, detail: `${format} 格式` });
    return copy;
  };

  if (format === 'JSON') {
    const json = JSON.stringify(
      {
        bank: BANK_NAME,
        generatedAt: now.toISOString(),
        limits: DATA_COPY_LIMITS,
        truncated,
        customer: { ...own, consents },
        account: ownAccount,
        cardChanges: ownChanges,
        postings: copy.postings,
        loans: { loans: await ownRecord(loans), creditLines: await ownRecord(lines), applications: ownApplications },
        wealth: { riskAssessment: assessment ?? null, holdings: await ownRecord(holdings), orders: await ownRecord(copy.wealthOrders) },
        bills: { payees: ownPayees, payments: ownPayments },
        complaints: await ownRecord(copy.complaints),
        relationshipManager: attribution ? { staffId: attribution.staffId, firstTouchAt: attribution.firstTouchAt, attributedAt: attribution.attributedAt } : null,
        consentHistory: copy.consentHistory,
      },
      null,
      2,
    );
    const bytes = Buffer.from(json, 'utf8');
    assertCopySize(bytes.length);
    return made({ fileName: `近邻银行个人信息副本-${stamp}.json`, contentType: 'application/json', bytes, truncated });
  }

  const text = (record: Record<string, unknown> | null, key: string) => (record && typeof record[key] === 'string' ? (record[key] as string) : null);
  const card = ownAccount?.boundCard as { bankName: string; cardNumber: string } | undefined;
  const facts: DataCopyFacts = {
    name: text(own, 'name'),
    idNumber: text(own, 'idNumber'),
    phone: text(own, 'phone'),
    createdAt: customer.createdAt,
    accountNumber: text(ownAccount, 'accountNumber'),
    accountStatus: account ? { ACTIVE: '正常', FROZEN: '冻结', CLOSED: `已销户（${minute(account.closure?.closedAt)}，记录保存至 ${account.closure?.retainUntil.slice(0, 10) ?? '—'}）` }[account.status] : null,
    balanceFen: account ? account.balanceFen : null,
    boundCard: card ? `${card.bankName} ${card.cardNumber}` : null,
    consents,
    postings: copy.postings,
    truncated,
    sections: [
      ['绑定卡更换记录', ownChanges.map((change) => {
        const [from, to] = [change.oldCard, change.newCard] as { bankName: string; cardNumber: string }[];
        return `${minute(change.changedAt as string)}：${from!.bankName} ${from!.cardNumber} → ${to!.bankName} ${to!.cardNumber}`;
      })],
      ['借款', loans.map((loan) => `${loan.contractNo} ${loan.productName} 本金 ${yuan(loan.state.principalFen)}，${loan.termMonths} 期，年化 ${loan.annualizedRateDisplay}，${loan.status === 'PAID_OFF' ? '已结清' : '未结清'}（签约 ${minute(loan.signedAt)}）`)],
      ['授信额度', lines.map((line) => `${line.productId} 额度 ${yuan(line.creditLimitFen)}，已用 ${yuan(line.usedFen)}，有效期至 ${line.lineExpiresOn}`)],
      ['借款申请', applications.map((application) => `${minute(application.createdAt)} ${application.productId}：工作单位 ${application.application.employer}，月收入 ${yuan(application.application.monthlyIncomeFen)}，申请金额 ${yuan(application.application.amountFen)}`)],
      ['风险测评', assessment ? [`${CUSTOMER_RISK_LABELS[assessment.level]}，测评日 ${assessment.assessedOn}，有效至 ${assessment.validThrough}`] : []],
      ['理财持仓', holdings.map((holding) => `${holding.productName}：份额 ${(holding.unitsCenti / 100).toFixed(2)}，投入 ${yuan(holding.investedFen)}，已赎回 ${yuan(holding.redeemedFen)}`)],
      [SECTION_TITLES.wealthOrders, copy.wealthOrders.map((order) => `${minute(order.placedAt)} ${order.productName} ${order.kind === 'PURCHASE' ? '申购' : '赎回'} ${yuan(order.amountFen ?? order.proceedsFen)}`)],
      ['常用缴费户', ownPayees.map((payee) => `${String(payee.nickname)}：${String(payee.accountNumber)}`)],
      [SECTION_TITLES.billPayments, ownPayments.map((payment) => `${minute(payment.heldAt as string)} ${String(payment.billerName)} 户号 ${String(payment.accountNumber)} ${yuan(payment.amountFen as number)} ${PAYMENT_STATUS_LABELS[payment.status as BillPaymentRecord['status']]}`)],
      [SECTION_TITLES.complaints, copy.complaints.map((ticket) => `${minute(ticket.openedAt)} ${COMPLAINT_CATEGORY_LABELS[ticket.category]}（${COMPLAINT_STATUS_LABELS[ticket.status]}）：${ticket.description}${ticket.answer ? ` 答复：${ticket.answer}` : ''}`)],
      ['客户经理推荐关系', attribution ? [`客户经理编号 ${attribution.staffId}，首次访问 ${minute(attribution.firstTouchAt)}`] : []],
      [SECTION_TITLES.consentHistory, copy.consentHistory.map((change) => `${minute(change.at)} ${change.kind === 'MARKETING' ? '接收营销信息' : '个性化推荐'}：${change.granted ? '同意' : '撤回'}`)],
    ],
  };
  const pdf = await renderPdf(dataCopyDocument(facts, now));
  assertCopySize(pdf.length);
  return made({ fileName: `近邻银行个人信息副本-${stamp}.pdf`, contentType: 'application/pdf', bytes: pdf, truncated });
}
