// A community merchant's order as the server answers it, for the pages that show and pay it.
import type { MerchantOrderView } from '@/packageCommunity/api';

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
