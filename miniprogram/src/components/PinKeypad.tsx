import { Text, View } from '@tarojs/components';
import { type ReactNode, useRef, useState } from 'react';
import { PIN_LENGTH } from '@/lib/pin-cipher';

interface PinKeypadProps {
  /** Taps do nothing while a request is in flight. */
  disabled: boolean;
  /** The six digits, once the sixth is tapped; the boxes are empty again by then. */
  onComplete: (digits: string) => void;
  /** Shown between the boxes and the keys: a message, 忘记支付密码. */
  children?: ReactNode;
}

const ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

const BOXES = Array.from({ length: PIN_LENGTH }, (_, index) => index);

function DigitKey({ digit, onTap }: { digit: string; onTap: (digit: string) => void }) {
  return (
    <View id={`pin-key-${digit}`} className='keypad__key' onClick={() => onTap(digit)}>
      <Text>{digit}</Text>
    </View>
  );
}

/**
 * The payment PIN pad of the H5 build, laid out as Alipay's and WeChat Pay's: six boxes that show
 * a dot per digit, and our own keys — no text field, so no system keyboard, input method or
 * autofill ever holds the PIN. The digits live in a ref, never in what is rendered.
 */
export function PinKeypad({ disabled, onComplete, children }: PinKeypadProps) {
  const digits = useRef('');
  const [entered, setEntered] = useState(0);

  function tap(digit: string) {
    if (disabled) return;
    digits.current += digit;
    if (digits.current.length < PIN_LENGTH) return setEntered(digits.current.length);
    const pin = digits.current;
    digits.current = '';
    setEntered(0);
    onComplete(pin);
  }

  function remove() {
    if (disabled) return;
    digits.current = digits.current.slice(0, -1);
    setEntered(digits.current.length);
  }

  return (
    <View className='keypad'>
      <View id='pin-boxes' className='pin-boxes'>
        {BOXES.map((index) => (
          <View key={index} id={`pin-box-${index}`} className='pin-boxes__box'>
            {index < entered && <View className='pin-boxes__dot' />}
          </View>
        ))}
      </View>
      {children}
      <View id='pin-keys' className={disabled ? 'keypad__keys keypad__keys--disabled' : 'keypad__keys'}>
        {ROWS.map((row) => (
          <View key={row[0]} className='keypad__row'>
            {row.map((digit) => (
              <DigitKey key={digit} digit={digit} onTap={tap} />
            ))}
          </View>
        ))}
        <View className='keypad__row'>
          <View className='keypad__key keypad__key--blank' />
          <DigitKey digit='0' onTap={tap} />
          <View id='pin-key-delete' className='keypad__key keypad__key--function' onClick={remove}>
            <Text>删除</Text>
          </View>
        </View>
      </View>
    </View>
  );
}
