// The community merchants' categories (社区生活), in the server's order, with their words and the
// glyph of their tile. Here in the main package rather than packageCommunity: home shows the
// tiles, and must not pull the subpackage in. The labels mirror functions/domain/open/merchant.ts
// MERCHANT_CATEGORY_LABELS (that module builds zod schemas, which the bundle does not carry).
import type { CommunityMerchant } from '@contract/merchant-payment-schemas';
import type * as z from 'zod/mini';

export type MerchantCategory = z.infer<typeof CommunityMerchant>['category'];

/** Each category once, in the order the server lists merchants by. */
export const MERCHANT_CATEGORIES = [
  { code: 'PROPERTY', label: '物业服务', glyph: '物' },
  { code: 'GROCERY', label: '生鲜超市', glyph: '鲜' },
  { code: 'CLINIC', label: '社区诊所', glyph: '医' },
  { code: 'CANTEEN', label: '学校食堂', glyph: '食' },
  { code: 'CONVENIENCE', label: '便利店', glyph: '便' },
  { code: 'HOME_SERVICES', label: '家政维修', glyph: '修' },
] as const satisfies readonly { code: MerchantCategory; label: string; glyph: string }[];

// Every category of the contract has its words (a new one fails the type check here).
export const MERCHANT_CATEGORY_LABELS: Record<MerchantCategory, string> = Object.fromEntries(
  MERCHANT_CATEGORIES.map(({ code, label }) => [code, label]),
) as Record<(typeof MERCHANT_CATEGORIES)[number]['code'], string>;

/** A page parameter naming a category, or null for anything else (全部). */
export function categoryParam(value: string | undefined): MerchantCategory | null {
  return MERCHANT_CATEGORIES.find(({ code }) => code === value)?.code ?? null;
}
