// Name screening (domain/name-screening.ts) against the watch lists in force:
// - at account opening, the customer's verified legal name, before the account exists. A hit
//   opens a WATCH_LIST alert on the new account in the account's own transaction — an account
//   never exists without the alert its opening raised;
// - when a new list version comes into force, the customers whose names equal an added entry's,
//   found through the name's blind index (store/customers.ts): near matches of customers already
//   on the books are not looked for (docs/ARCHITECTURE.md says why).
// Risk officers work the alerts as any other (close as a false match, or file a report and
// freeze). Every payee is a Jinlin customer, so every payee is screened as one.
import { searchableName } from '../domain/customer-service.js';
import { MAX_WATCH_LIST_ENTRIES, screeningSummary, screenName, simplifiedName, type WatchList } from '../domain/name-screening.js';
import { businessDate } from '../domain/time.js';
import { mapInBatches } from '../platform/batches.js';
import { type AccountRecord, getAccount } from '../store/accounts.js';
import { type AmlAlertRecord, amlAlertId, openAmlAlert } from '../store/aml-alerts.js';
import { decrypt, lookupHash } from '../store/crypto.js';
import { type CustomerRecord, customerIdsByName, getCustomer } from '../store/customers.js';
import { getWatchList } from '../store/watch-list.js';
import { rerateCustomer } from './customer-risk-rating.js';

/** The alert the opening of `account` raises, or undefined when the name is on no list. */
export async function screeningAlertFor(customer: CustomerRecord, account: AccountRecord, now: Date): Promise<AmlAlertRecord | undefined> {
  return alertOn(customer, account, await getWatchList(), now);
}

async function alertOn(customer: CustomerRecord, account: Pick<AccountRecord, 'accountId' | 'accountNumberMasked'>, watchList: WatchList, now: Date): Promise<AmlAlertRecord | undefined> {
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

/** Customers looked at per added entry: a name shared by more is rare, and the rest are found as
 *  their alerts are worked. */
const MAX_CUSTOMERS_PER_NAME = 50;
/** Lookups at once: a list of 2,000 added entries is screened within an approval's request. */
const LOOKUPS_AT_ONCE = 25;

/** Screens the customers named exactly as an entry `watchList` adds to `before`; opens an alert
 *  on each one's account (none while one is open) and rates them again. Returns how many opened. */
export async function rescreenForAddedEntries(before: WatchList, watchList: WatchList, now: Date): Promise<number> {
  const known = new Set(before.entries.map((entry) => `${entry.entryId}\n${entry.name}`));
  const added = watchList.entries.filter((entry) => !known.has(`${entry.entryId}\n${entry.name}`)).slice(0, MAX_WATCH_LIST_ENTRIES);
  // As the ID card writes it (with its dot), and in simplified characters.
  const names = [...new Set(added.flatMap((entry) => [searchableName(entry.name), searchableName(simplifiedName(entry.name))]))];
  const found = await mapInBatches(names, LOOKUPS_AT_ONCE, async (name) => customerIdsByName(await lookupHash('name', name), MAX_CUSTOMERS_PER_NAME));
  const opened = await mapInBatches([...new Set(found.flat())], LOOKUPS_AT_ONCE, async (customerId) => {
    const customer = await getCustomer(customerId);
    const account = customer?.accountId ? await getAccount(customer.accountId) : undefined;
    if (!customer || !account || account.status === 'CLOSED') return false;
    const alert = await alertOn(customer, account, watchList, now);
    if (!alert || !(await openAmlAlert(alert))) return false;
    await rerateCustomer(customerId, now);
    return true;
  });
  return opened.filter(Boolean).length;
}
