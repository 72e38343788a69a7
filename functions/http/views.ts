// Shapes stored records into the contract's response bodies. Only masked values leave.
import type { AccountDetail, AccountSummary, Me } from '../contract/schemas.js';
import type { Class2Limits } from '../domain/limits.js';
import { limitBuckets, usage } from '../domain/limits.js';
import { businessDate } from '../domain/time.js';
import { type AccountRecord, getAccount, limitCounters } from '../store/accounts.js';
import type { CustomerRecord } from '../store/customers.js';

export function accountSummary(account: AccountRecord): AccountSummary {
  return {
    accountId: account.accountId,
    accountNumberMasked: account.accountNumberMasked,
    accountClass: account.accountClass,
    balanceFen: account.balanceFen,
    boundCard: { bankName: account.boundCard.bankName, cardNumberMasked: account.boundCard.cardNumberMasked },
    openedAt: account.openedAt,
  };
}

export async function meView(customer: CustomerRecord, now: Date): Promise<Me> {
  const account = customer.accountId ? await getAccount(customer.accountId) : undefined;
  const lockedUntil = customer.pinLockedUntil && new Date(customer.pinLockedUntil) > now ? customer.pinLockedUntil : null;
  return {
    customerId: customer.customerId,
    phoneMasked: customer.phoneMasked ?? null,
    realName:
      customer.realNameVerifiedAt && customer.nameMasked && customer.idNumberMasked
        ? { nameMasked: customer.nameMasked, idNumberMasked: customer.idNumberMasked, verifiedAt: customer.realNameVerifiedAt }
        : null,
    pinSet: Boolean(customer.pinHash),
    pinLockedUntil: lockedUntil,
    account: account ? accountSummary(account) : null,
  };
}

export async function accountDetail(account: AccountRecord, limits: Class2Limits, now: Date): Promise<AccountDetail> {
  const today = businessDate(now);
  const out = limitBuckets('OUT', today);
  const into = limitBuckets('IN', today);
  const used = await limitCounters(account.accountId, [out.daily, out.yearly, into.daily, into.yearly]);
  return {
    ...accountSummary(account),
    limits: {
      nonBoundOutToday: usage(limits.nonBoundDailyFen, used[out.daily]!),
      nonBoundOutThisYear: usage(limits.nonBoundYearlyFen, used[out.yearly]!),
      nonBoundInToday: usage(limits.nonBoundDailyFen, used[into.daily]!),
      nonBoundInThisYear: usage(limits.nonBoundYearlyFen, used[into.yearly]!),
      boundCard: 'UNLIMITED',
      maxSingleAmountFen: limits.maxSingleAmountFen,
    },
  };
}
