import { Button, Text, View } from '@tarojs/components';
import type { PaymentAuthorization, PaymentReview } from '@contract/second-factor-schemas';
import { goTo, PAGES } from '@/lib/nav';
import type { EnteredPin } from '@/lib/pin-cipher';
import { labelledAmount } from '@/lib/review';
import { BottomSheet } from './BottomSheet';
import { PinInput } from './PinInput';
import { ServicePhone } from './ServicePhone';

/** 忘记支付密码: on to the PIN reset page. */
export function ForgotPin() {
  return (
    <View id='pin-forgot' className='pin-sheet__forgot' onClick={() => goTo(PAGES.pinReset)}>
      <Text className='link'>忘记支付密码</Text>
    </View>
  );
}

interface PinSheetProps {
  title: string;
  /** The server's review, for the amount above the boxes. */
  review: PaymentReview;
  /** Money comes into the account (a redemption): the amount is what arrives. */
  incoming?: boolean;
  /** Null while a new nonce is asked for. */
  authorization: PaymentAuthorization | null;
  /** The server's word on the last attempt ('' for none). */
  message: string;
  /** The PIN is on its way to the server. */
  sending: boolean;
  onEntered: (entered: EnteredPin) => void;
  onBack: () => void;
}

/** The second factor: the PIN for the payment the customer just reviewed. */
export function PinSheet({ title, review, incoming = false, authorization, message, sending, onEntered, onBack }: PinSheetProps) {
  const waiting = sending || authorization === null;
  return (
    <BottomSheet id='pin-sheet' title='请输入支付密码' back={waiting ? undefined : { id: 'pin-back', label: '返回', onClick: onBack }}>
      <View className='pin-sheet__what'>
        <Text className='pin-sheet__title'>{title}</Text>
        {review.amountFen !== null && <Text className='pin-sheet__amount'>{labelledAmount(review, incoming)}</Text>}
      </View>
      <PinInput challenge={authorization?.challenge ?? null} disabled={waiting} onEntered={onEntered}>
        <View className='pin-sheet__under'>
          {message && (
            <Text id='pin-message' className='pin-sheet__message'>
              {message}
            </Text>
          )}
          {waiting && (
            <Text id='pin-status' className='pin-sheet__status'>
              {sending ? '正在付款…' : '正在重新验证…'}
            </Text>
          )}
          <ForgotPin />
        </View>
      </PinInput>
    </BottomSheet>
  );
}

/** Too many wrong PINs: what the server said, and the two ways on (a new PIN, or a person). */
export function PinLockedHelp({ message }: { message: string }) {
  return (
    <View className='pin-locked'>
      <Text id='pin-message' className='pin-locked__message'>
        {message}
      </Text>
      <View className='sheet__actions'>
        <Button id='pin-forgot' className='btn btn--primary' onClick={() => goTo(PAGES.pinReset)}>
          忘记支付密码
        </Button>
      </View>
      <ServicePhone lead='' />
    </View>
  );
}

export function PinLockedSheet({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <BottomSheet id='pin-locked-sheet' title='支付密码已锁定' back={{ id: 'pin-locked-close', label: '关闭', onClick: onClose }}>
      <PinLockedHelp message={message} />
    </BottomSheet>
  );
}
