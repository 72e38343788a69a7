import { Button, Text, View } from '@tarojs/components';
import type { PaymentReview } from '@contract/second-factor-schemas';
import { formatFen } from '@/lib/money';
import { amountLabel, estimateNote } from '@/lib/review';
import { BottomSheet } from './BottomSheet';
import { InfoRow } from './InfoRow';

interface ReviewSheetProps {
  /** What is being paid for, e.g. 转账. */
  title: string;
  /** The server's review of the request; null while it is being asked for. */
  review: PaymentReview | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Money comes into the account (a redemption): the account receives, nothing is paid. */
  incoming?: boolean;
  /** The confirm button's words where the request is no payment (确认注销, 确认更换…). */
  confirmLabel?: string;
}

/** Grey bars where the review will be, while the server is asked. */
function Skeleton() {
  return (
    <View id='review-skeleton' className='review__skeleton'>
      <View className='skeleton skeleton--amount' />
      <View className='skeleton skeleton--words' />
      <View className='skeleton skeleton--row' />
      <View className='skeleton skeleton--row' />
      <Text className='review__loading'>正在核对付款信息…</Text>
    </View>
  );
}

/** The fee as the server charges it: nothing is 免费. */
function feeText(feeFen: number): string {
  return feeFen === 0 ? '免费' : formatFen(feeFen);
}

function Review({ review, incoming }: { review: PaymentReview; incoming: boolean }) {
  const label = amountLabel(review, incoming);
  return (
    <View className='review'>
      {review.amountFen !== null && (
        <View className='review__figure'>
          {label && (
            <Text id='review-amount-label' className='review__label'>
              {label}
            </Text>
          )}
          <Text id='review-amount' className='review__amount'>
            {formatFen(review.amountFen)}
          </Text>
          {review.amountInWords && (
            <Text id='review-amount-words' className='review__words'>
              {review.amountInWords}
            </Text>
          )}
          {review.estimate && (
            <Text id='review-estimate' className='review__note'>
              {estimateNote(review.estimate)}
            </Text>
          )}
        </View>
      )}
      <View className='review__rows'>
        {review.payeeMasked && <InfoRow label='收款人' value={review.payeeMasked} id='review-payee' />}
        <InfoRow label='手续费' value={feeText(review.feeFen)} id='review-fee' />
        {review.sourceAccountMasked && <InfoRow label={incoming ? '收款账户' : '付款账户'} value={review.sourceAccountMasked} id='review-source' />}
      </View>
    </View>
  );
}

/**
 * What the server will book, shown before the PIN is asked for: payee, amount (and in capitals),
 * fee and paying account, exactly as `POST /v1/payment-authorizations` answered them. Money coming
 * in is labelled 到账金额, or 预计到账 with the NAV it was valued at when the server says the amount
 * is an estimate.
 */
export function ReviewSheet({ title, review, onConfirm, onCancel, incoming = false, confirmLabel }: ReviewSheetProps) {
  return (
    <BottomSheet id='review-sheet' title={title} back={{ id: 'review-cancel', label: '取消', onClick: onCancel }}>
      {review ? <Review review={review} incoming={incoming} /> : <Skeleton />}
      <View className='sheet__actions'>
        <Button
          id='review-confirm'
          className={review ? 'btn btn--primary' : 'btn btn--primary btn--disabled'}
          disabled={!review}
          onClick={review ? onConfirm : undefined}
        >
          {confirmLabel ?? (incoming ? '确认' : '确认付款')}
        </Button>
      </View>
    </BottomSheet>
  );
}
