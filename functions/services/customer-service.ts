// The service desk (客户服务): agents find a customer through the keyed blind indexes (phone,
// account number, name — HMAC under a key that is not in the table; never a Scan), read them
// masked, reveal a full phone or ID number only after typing why (recorded before the value is
// returned), freeze an e-account at once and ask for its unfreeze, which a second operator
// approves (maker-checker; services/change-kinds/account-unfreeze.ts applies it).
import type { AuditActor } from '../domain/audit-chain.js';
import { type ChangeRequest } from '../domain/change-requests.js';
import {
  type AccountFreeze,
  accountEntityId,
  CUSTOMER_SEARCH_MAX_RESULTS,
  CUSTOMER_VIEW_RECENT_ITEMS,
  type RevealField,
  searchableAccountNumber,
  searchableName,
} from '../domain/customer-service.js';
import { refuse } from '../domain/errors.js';
import { allInOrder } from '../platform/all-in-order.js';
import { type AccountRecord, customerIdByAccountNumber, freezeAccountItem, getAccount } from '../store/accounts.js';
import { batchGetItems } from '../store/batch-get.js';
import { type BillPaymentRecord, paymentHistory } from '../store/bills.js';
import { decrypt, lookupHash } from '../store/crypto.js';
import { type CustomerRecord, type CustomerRiskRatingRecord, customerIdByLookup, customerIdsByName, getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import { historyPage, type PostingLine } from '../store/ledger.js';
import { customerLoans, type LoanRecord } from '../store/loans.js';
import { type AttributionRecord, getAttribution } from '../store/referrals.js';
import { liveSessions, type SessionRecord } from '../store/sessions.js';
import { getStaff, type StaffRecord } from '../store/staff.js';
import { customerHoldings, type WealthHoldingRecord } from '../store/wealth.js';
import { recordAudit, recordAuditWith } from './audit.js';
import { pendingChangeOf, submitChange } from './change-requests.js';
import { postMessage } from './messages.js';
import type { ConsoleOperator } from './operators.js';
import { rerateCustomer } from './customer-risk-rating.js';

export type CustomerSearch = { phone: string } | { accountNumber: string } | { name: string };

export interface CustomerMatch {
  customer: CustomerRecord;
  account: AccountRecord | undefined;
}

const operatorActor = (operator: ConsoleOperator): AuditActor => ({ kind: 'operator', id: operator.operatorId });

async function matchingIds(search: CustomerSearch): Promise<string[]> {
  if ('phone' in search) {
    const id = await customerIdByLookup(keys.phone(await lookupHash('phone', search.phone)));
    return id ? [id] : [];
  }
  if ('accountNumber' in search) {
    const id = await customerIdByAccountNumber(await lookupHash('account-number', searchableAccountNumber(search.accountNumber)));
    return id ? [id] : [];
  }
  return customerIdsByName(await lookupHash('name', searchableName(search.name)), CUSTOMER_SEARCH_MAX_RESULTS);
}

/** The customers an exact phone, account number or name names (at most 20): index items by
 *  key, then the customers and their accounts by key. */
export async function findCustomers(search: CustomerSearch): Promise<CustomerMatch[]> {
  const ids = await matchingIds(search);
  if (ids.length === 0) return [];
  const customers = (await batchGetItems(ids.map((id) => keys.customer(id)))) as unknown as CustomerRecord[];
  const accountIds = customers.flatMap((customer) => (customer.accountId ? [customer.accountId] : []));
  const accounts = accountIds.length === 0 ? [] : ((await batchGetItems(accountIds.map((id) => keys.balance(id)))) as unknown as AccountRecord[]);
  const byId = new Map(customers.map((customer) => [customer.customerId, customer]));
  // In the index's order (a name's partition is sorted by customer id): stable across searches.
  return ids.flatMap((id) => {
    const customer = byId.get(id);
    return customer ? [{ customer, account: accounts.find((account) => account.accountId === customer.accountId) }] : [];
  });
}

async function loadCustomerRecord(customerId: string): Promise<CustomerRecord> {
  const customer = await getCustomer(customerId);
  if (!customer) return refuse('not_found', 'CUSTOMER_NOT_FOUND', '未找到该客户');
  return customer;
}

/** Everything the 360 view shows of a customer, read by key and bounded. */
export interface Customer360 {
  customer: CustomerRecord;
  account: AccountRecord | undefined;
  pendingUnfreeze: ChangeRequest | undefined;
  journals: PostingLine[];
  loans: LoanRecord[];
  bills: BillPaymentRecord[];
  holdings: WealthHoldingRecord[];
  manager: { attribution: AttributionRecord; staff: StaffRecord | undefined } | undefined;
  /** 登录设备: the live sessions, last used first, at most CUSTOMER_VIEW_RECENT_ITEMS. */
  devices: SessionRecord[];
  /** The money-laundering risk rating, for operators who work AML alerts or read them; null for
   *  everyone else (the service desk talks to the customer, who must not be tipped off) and for a
   *  customer not yet rated. */
  riskRating: CustomerRiskRatingRecord | null;
}

export async function customer360(customerId: string, operator: Pick<ConsoleOperator, 'permissions'>, now: Date): Promise<Customer360> {
  const customer = await loadCustomerRecord(customerId);
  const accountId = customer.accountId;
  const [account, pendingUnfreeze, journals, loans, bills, holdings, attribution, sessions] = await allInOrder([
    accountId ? getAccount(accountId) : Promise.resolve(undefined),
    accountId ? pendingChangeOf(accountEntityId(accountId)) : Promise.resolve(undefined),
    accountId ? historyPage(accountId, CUSTOMER_VIEW_RECENT_ITEMS, undefined).then((page) => page.items) : Promise.resolve([]),
    customerLoans(customerId),
    paymentHistory(customerId, undefined, CUSTOMER_VIEW_RECENT_ITEMS, undefined).then((page) => page.items),
    customerHoldings(customerId),
    getAttribution(customerId),
    liveSessions(customer, now),
  ]);
  const devices = sessions.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt)).slice(0, CUSTOMER_VIEW_RECENT_ITEMS);
  const manager = attribution ? { attribution, staff: await getStaff(attribution.staffId) } : undefined;
  const riskRating = operator.permissions.includes('aml.alerts.read') ? (customer.riskRating ?? null) : null;
  return { customer, account, pendingUnfreeze, journals, loans, bills, holdings, manager, devices, riskRating };
}

/** The full phone or ID number, after the reveal is in the audit log with the agent's reason: a
 *  value is never returned whose reveal was not recorded. */
export async function revealCustomerField(customerId: string, field: RevealField, reason: string, operator: ConsoleOperator, now: Date): Promise<string> {
  const customer = await loadCustomerRecord(customerId);
  const sealed = field === 'phone' ? customer.phoneEnc : customer.idNumberEnc;
  if (!sealed) return refuse('not_found', 'FIELD_NOT_SET', field === 'phone' ? '该客户尚未绑定手机号' : '该客户尚未完成实名认证');
  await recordAudit(
    {
      actor: operatorActor(operator),
      action: field === 'phone' ? 'customer.reveal.phone' : 'customer.reveal.id-number',
      target: { kind: 'customer', id: customerId },
      reason,
    },
    now,
  );
  return decrypt(sealed);
}

async function loadAccount(accountId: string): Promise<AccountRecord> {
  const account = await getAccount(accountId);
  if (!account) return refuse('not_found', 'ACCOUNT_NOT_FOUND', '未找到该电子账户');
  return account;
}

const alreadyFrozen = () => refuse('conflict', 'ACCOUNT_ALREADY_FROZEN', '该账户已处于冻结状态');

/** Freezes the account at once: the freeze and its audit entry in one transaction. From then on
 *  the ledger refuses every debit of it (ACCOUNT_FROZEN); credits still land (只收不付). */
export async function freezeAccount(accountId: string, reason: string, operator: ConsoleOperator, now: Date): Promise<AccountRecord> {
  const account = await loadAccount(accountId);
  if (account.status === 'FROZEN') return alreadyFrozen();
  if (account.status === 'CLOSED') return refuse('conflict', 'ACCOUNT_CLOSED', '该账户已销户，无需冻结');
  const freeze: AccountFreeze = { reason, frozenAt: now.toISOString(), operatorId: operator.operatorId, login: operator.login };
  const outcome = await recordAuditWith(
    {
      actor: operatorActor(operator),
      action: 'account.freeze',
      target: { kind: 'account', id: accountId },
      reason,
      before: { status: account.status },
      after: { status: 'FROZEN' },
    },
    now,
    () => [freezeAccountItem(accountId, freeze)],
  );
  // Frozen by another agent between the read and the write.
  if ('refusedChange' in outcome) return alreadyFrozen();
  await rerateCustomer(account.ownerCustomerId, now);
  await postMessage({ customerId: account.ownerCustomerId, kind: 'ACCOUNT_FROZEN', ref: freeze.frozenAt, at: freeze.frozenAt });
  return { ...account, status: 'FROZEN', freeze };
}

/** Asks for the freeze to be lifted: a change request (ACCOUNT_UNFREEZE) that another operator
 *  with accounts.unfreeze.approve approves; the maker-checker core records its submission. */
export async function requestUnfreeze(accountId: string, reason: string, operator: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const account = await loadAccount(accountId);
  if (account.status !== 'FROZEN') return refuse('conflict', 'ACCOUNT_NOT_FROZEN', '该账户未被冻结，无需解冻');
  const freeze = account.freeze;
  if (freeze?.kind === 'LOSS_REPORT') return refuse('conflict', 'ACCOUNT_LOSS_REPORTED', '该账户由客户本人挂失，只能由客户通过身份核验解除挂失');
  return submitChange({
    kind: 'ACCOUNT_UNFREEZE',
    entityId: accountEntityId(accountId),
    entityLabel: `电子账户 ${account.accountNumberMasked}`,
    before: { status: 'FROZEN', freezeReason: freeze?.reason ?? null, frozenAt: freeze?.frozenAt ?? null, frozenBy: freeze?.login ?? null },
    after: { status: 'ACTIVE', unfreezeReason: reason },
    maker: operator,
    now,
  });
}
