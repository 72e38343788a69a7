import { Button, Text, View } from '@tarojs/components';
import type { PaymentReview, SoterAuthMode } from '@contract/second-factor-schemas';
import { labelledAmount } from '@/lib/review';
import { SOTER_MODE_LABELS } from '@/lib/soter';
import { BottomSheet } from './BottomSheet';

interface SoterSheetProps {
  title: string;
  /** The server's review, for the amount. */
  review: PaymentReview;
  /** Money comes into the account (a redemption): the amount is what arrives. */
  incoming?: boolean;
  authMode: SoterAuthMode;
  /** The request is on its way to the server. */
  sending: boolean;
  /** 使用支付密码. */
  onUsePin: () => void;
}

/** 指纹支付 / 面容支付: WeChat's own prompt asks for the finger or face over this sheet; the PIN is
 *  one tap away. */
export function SoterSheet({ title, review, incoming = false, authMode, sending, onUsePin }: SoterSheetProps) {
  const label = SOTER_MODE_LABELS[authMode];
  return (
    <BottomSheet id='soter-sheet' title={`${label}支付`}>
      <View className='pin-sheet__what'>
        <Text className='pin-sheet__title'>{title}</Text>
        {review.amountFen !== null && <Text className='pin-sheet__amount'>{labelledAmount(review, incoming)}</Text>}
      </View>
      <View className='pin-sheet__under'>
        <Text id='soter-status' className='pin-sheet__status'>
          {sending ? '正在付款…' : `请验证${label}`}
        </Text>
      </View>
      <View className='sheet__actions'>
        <Button id='soter-use-pin' className={sending ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} disabled={sending} onClick={sending ? undefined : onUsePin}>
          使用支付密码
        </Button>
      </View>
    </BottomSheet>
  );
}
