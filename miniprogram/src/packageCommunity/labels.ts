// What the community pages call the server's codes. The category words live in the main package
// (lib/merchant-categories.ts), where home's 社区生活 tiles read them too.
import { MERCHANT_CATEGORY_LABELS, type MerchantCategory } from '@/lib/merchant-categories';

/** The merchant's category and community, as one line under its name (either may be absent). */
export function merchantMeta(merchant: { merchantCategory: MerchantCategory | null; communityName: string | null }): string {
  return [merchant.merchantCategory ? MERCHANT_CATEGORY_LABELS[merchant.merchantCategory] : null, merchant.communityName].filter(Boolean).join(' · ');
}
