import { MissingTarget } from '@/components/MissingTarget';
import { PAGES, replaceWith } from '@/lib/nav';

/** A product page opened without a product id, or with one the bank does not offer. */
export function ProductMissing() {
  return <MissingTarget message='未找到该理财产品' next={{ label: '查看理财产品', onClick: () => replaceWith(PAGES.wealth) }} />;
}
