// Customers finding and opening community merchants (社区生活): the communities with merchants, a
// community's merchants by category, and a merchant's page — what its static code (收款码) opens,
// with what static codes can still take from the customer today.
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { staticCodeBucket } from '../domain/limits.js';
import { COMMUNITY_MERCHANT_PAGE, MAX_COMMUNITIES, type Merchant, type MerchantCategory } from '../domain/open/merchant.js';
import { businessDate as calendarDate } from '../domain/time.js';
import { allInOrder } from '../platform/all-in-order.js';
import { limitCounters } from '../store/accounts.js';
import { communities, communityMerchantPage, partnerOfMerchant } from '../store/community-merchants.js';
import { getMerchant, getPartnerRecord } from '../store/partners.js';
import { loadCustomer } from './customer-guards.js';

const refuseUnknownMerchant = (): never => refuse('not_found', 'MERCHANT_NOT_FOUND', '商户不存在或暂未开通收款');

export async function communityList(customerId: string) {
  await loadCustomer(customerId);
  return { communities: await communities(MAX_COMMUNITIES) };
}

export async function communityMerchants(customerId: string, place: { cityCode: string; community: string; category?: MerchantCategory }, cursor: string | undefined) {
  await loadCustomer(customerId);
  const after = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
  // A cursor names a line of this very listing (and category): anything else is not ours.
  if (after !== undefined && !after.startsWith(place.category ? `${place.category}#` : '')) refuse('invalid', 'INVALID_CURSOR', '分页参数无效');
  const { merchants, lastSortKey } = await communityMerchantPage({ ...place, category: place.category }, after, COMMUNITY_MERCHANT_PAGE);
  return { merchants, nextCursor: lastSortKey ? Buffer.from(lastSortKey).toString('base64url') : null };
}

/** A merchant a customer may pay by its static code: approved, of a partner still connected. A
 *  merchant never approved answers as an unknown one; one whose partner is suspended says so. */
export async function payableMerchant(merchantId: string): Promise<{ merchant: Merchant; feeRateBps: number }> {
  const partnerId = (await partnerOfMerchant(merchantId)) ?? refuseUnknownMerchant();
  const [record, partnerRecord] = await allInOrder([getMerchant(partnerId, merchantId), getPartnerRecord(partnerId)]);
  if (record?.merchant.status !== 'ACTIVE') return refuseUnknownMerchant();
  if (partnerRecord?.partner.status !== 'ACTIVE') return refuse('unprocessable', 'MERCHANT_UNAVAILABLE', '该商户暂停收款，请稍后再试或联系商户');
  return { merchant: record.merchant, feeRateBps: partnerRecord.partner.feeRateBps };
}

/** The merchant's page: who it is, and what static codes may still take from this customer today. */
export async function communityMerchant(customerId: string, merchantId: string, now: Date) {
  const [customer, { merchant }] = await allInOrder([loadCustomer(customerId), payableMerchant(merchantId)]);
  const dailyLimitFen = config().STATIC_CODE_DAILY_FEN;
  const bucket = staticCodeBucket(calendarDate(now));
  const usedFen = customer.accountId ? (await limitCounters(customer.accountId, [bucket]))[bucket]! : 0;
  return {
    merchantId: merchant.merchantId,
    shortName: merchant.shortName,
    category: merchant.category,
    communityName: merchant.community.name,
    staticCode: { dailyLimitFen, remainingTodayFen: Math.max(0, dailyLimitFen - usedFen) },
  };
}
