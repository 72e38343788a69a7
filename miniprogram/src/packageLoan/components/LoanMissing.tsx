import { MissingTarget } from '@/components/MissingTarget';
import { PAGES, replaceWith } from '@/lib/nav';

/** A loan page opened without a loan id, or with one the server does not know. */
export function LoanMissing() {
  return <MissingTarget message='未找到这笔借款' next={{ label: '查看我的借款', onClick: () => replaceWith(PAGES.loans) }} />;
}
