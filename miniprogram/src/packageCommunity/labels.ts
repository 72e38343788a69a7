// What the community pages call the server's codes. The category labels mirror
// functions/domain/open/merchant.ts MERCHANT_CATEGORY_LABELS: that module builds zod schemas, which
// the mini-program's bundle does not carry, so the few words are copied here.
import type { MerchantOrderView } from './api';

type Category = NonNullable<MerchantOrderView['merchantCategory']>;

export const MERCHANT_CATEGORY_LABELS: Record<Category, string> = {
  PROPERTY: '物业服务',
  GROCERY: '生鲜超市',
  CLINIC: '社区诊所',
  CANTEEN: '学校食堂',
  CONVENIENCE: '便利店',
  HOME_SERVICES: '家政维修',
};

/** The merchant's category and community, as one line under its name (either may be absent). */
export function merchantMeta(order: Pick<MerchantOrderView, 'merchantCategory' | 'communityName'>): string {
  return [order.merchantCategory ? MERCHANT_CATEGORY_LABELS[order.merchantCategory] : null, order.communityName].filter(Boolean).join(' · ');
}
