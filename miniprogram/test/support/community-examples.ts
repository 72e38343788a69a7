// A community merchant's order, a merchant's page and the communities as the server answers them,
// for the pages that show and pay them.
import type { Community, CommunityMerchantView, MerchantOrderView } from '@/packageCommunity/api';

export const ORDER_ID = 'O20261207ABCDEFGH123';

/** ¥1,234.56: grouping and fen, so a shown amount is told from a recomputed one. */
export const unpaidOrder: MerchantOrderView = {
  orderId: ORDER_ID,
  merchantShortName: '邻里鲜·幸福里店',
  merchantCategory: 'GROCERY',
  communityName: '幸福里社区',
  description: '生鲜 3 件',
  amountFen: 123456,
  state: 'UNPAID',
  stateLabel: '待支付',
  expiresAt: '2026-12-07T10:30:00.000Z',
  paidAt: null,
  refundedFen: 0,
};

export const MERCHANT_ID = 'MGROCERY0000001A';

/** A merchant's page: ¥500.00 a day on static codes, ¥321.50 of it left today (the server's two
 *  figures, neither of them worked out from the other). */
export const codeMerchant: CommunityMerchantView = {
  merchantId: MERCHANT_ID,
  shortName: '邻里鲜·幸福里店',
  category: 'GROCERY',
  communityName: '幸福里社区',
  staticCode: { dailyLimitFen: 50000, remainingTodayFen: 32150 },
};

/** The communities the zone's picker lists, in the server's order. */
export const communities: Community[] = [
  { cityCode: '110105', name: '幸福里社区', merchantCount: 3 },
  { cityCode: '110108', name: '和平里社区', merchantCount: 1 },
];
