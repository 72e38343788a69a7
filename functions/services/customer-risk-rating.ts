// Rates a customer for money laundering (domain/customer-risk-rating.ts) from what the bank holds
// now: at onboarding (real-name verification), and after every step that changes a factor — the
// day close opening an alert, an officer closing one or filing its report, a freeze by the bank
// and its lift. Each of those steps calls rerateCustomer after its own write; a rating is derived,
// so rating again is always safe, and the later read wins when two race.
import { REPORT_LOOKBACK_DAYS, rateCustomer } from '../domain/customer-risk-rating.js';
import { getAccount } from '../store/accounts.js';
import { amlRatingFactors } from '../store/aml-alerts.js';
import { type CustomerRiskRatingRecord, getCustomer, setCustomerRiskRating } from '../store/customers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rates the customer again and stores the rating; undefined for a customer who does not exist. */
export async function rerateCustomer(customerId: string, now: Date): Promise<CustomerRiskRatingRecord | undefined> {
  const customer = await getCustomer(customerId);
  if (!customer) return undefined;
  const since = new Date(now.getTime() - REPORT_LOOKBACK_DAYS * DAY_MS).toISOString();
  const [account, alerts] = await Promise.all([
    customer.accountId ? getAccount(customer.accountId) : Promise.resolve(undefined),
    amlRatingFactors(customerId, customer.accountId, since),
  ]);
  const rating: CustomerRiskRatingRecord = {
    ...rateCustomer({ openAlerts: alerts.openAlerts, reportsFiled12m: alerts.reportsFiled, frozenByBank: account?.status === 'FROZEN' && account.freeze?.kind === undefined }),
    ratedAt: now.toISOString(),
  };
  await setCustomerRiskRating(customerId, rating);
  return rating;
}
