// Name screening at account opening (domain/name-screening.ts): the customer's verified legal
// name against the watch lists in force, before the account exists. A hit opens a WATCH_LIST
// alert on the new account in the account's own transaction — an account never exists without
// the alert its opening raised — and the risk officers work it as any other alert (close as a
// false match, or file a report and freeze). Every payee is a Jinlin customer, so every payee was
// screened when their account opened.
import { screeningSummary, screenName } from '../domain/name-screening.js';
import { businessDate } from '../domain/time.js';
import type { AccountRecord } from '../store/accounts.js';
import { type AmlAlertRecord, amlAlertId } from '../store/aml-alerts.js';
import { decrypt } from '../store/crypto.js';
import type { CustomerRecord } from '../store/customers.js';
import { getWatchList } from '../store/watch-list.js';

/** The alert the opening of `account` raises, or undefined when the name is on no list. */
export async function screeningAlertFor(customer: CustomerRecord, account: AccountRecord, now: Date): Promise<AmlAlertRecord | undefined> {
  const watchList = await getWatchList();
  if (watchList.entries.length === 0 || !customer.nameEnc) return undefined;
  const matches = screenName(await decrypt(customer.nameEnc), watchList);
  if (matches.length === 0) return undefined;
  const date = businessDate(now);
  const at = now.toISOString();
  return {
    alertId: amlAlertId(date, 'WATCH_LIST', account.accountId),
    date,
    pattern: 'WATCH_LIST',
    accountId: account.accountId,
    customerId: customer.customerId,
    customerNameMasked: customer.nameMasked ?? '—',
    accountNumberMasked: account.accountNumberMasked,
    summary: `名单第 ${watchList.version} 版：${screeningSummary(matches)}`,
    journalIds: [],
    status: 'OPEN',
    openedAt: at,
    updatedAt: at,
    reason: null,
    version: 1,
  };
}
