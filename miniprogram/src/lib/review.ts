// How the sheets of a payment (review, PIN, 指纹/面容) name the server's figure: as it is for a
// payment; as what arrives for money coming in (a redemption), and then as an estimate where the
// server says it is one (a fund's redemption is paid at a NAV not published yet).
import type { PaymentReview } from '@contract/second-factor-schemas';
import { formatFen } from './money';

/** The figure's label: 预计到账 for an estimate, 到账金额 for money coming in, none for a payment. */
export function amountLabel(review: PaymentReview, incoming: boolean): string | null {
  if (review.estimate) return '预计到账';
  return incoming ? '到账金额' : null;
}

/** Under an estimate: the NAV it was valued at, and that the final amount is not this one. */
export function estimateNote({ navDate, navDisplay }: NonNullable<PaymentReview['estimate']>): string {
  return `按 ${navDate} 单位净值 ${navDisplay} 估算，实际到账金额以确认日净值为准`;
}

/** The figure with its label, as one line (the PIN and 指纹/面容 sheets); null without a figure. */
export function labelledAmount(review: PaymentReview, incoming: boolean): string | null {
  if (review.amountFen === null) return null;
  const label = amountLabel(review, incoming);
  return label ? `${label} ${formatFen(review.amountFen)}` : formatFen(review.amountFen);
}
