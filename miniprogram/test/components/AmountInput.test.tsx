import { describe, expect, test } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { useState } from 'react';
import { AmountInput } from '@/components/AmountInput';
import { parseYuanToFen, typedAmount } from '@/lib/money';
import { input, typeInto } from '../support/form';

/** An AmountInput as a form holds it; what the form would read from it is shown as `#read`:
 *  the integer fen, or the message the form shows instead of sending. */
function Amount() {
  const [amount, setAmount] = useState(() => typedAmount(''));
  return (
    <>
      <AmountInput id='amount-input' label='转账金额' value={amount} onChange={setAmount} />
      <Text id='read'>{amount.parsed.ok ? `${amount.parsed.amountFen} fen` : amount.parsed.message}</Text>
    </>
  );
}

async function typeAmount(text: string): Promise<{ shown: string; read: string | null }> {
  render(<Amount />);
  await typeInto('amount-input', text);
  return { shown: input('amount-input').value, read: document.querySelector('#read')!.textContent };
}

describe('AmountInput', () => {
  test('a labelled field with the decimal keypad and 0.00 as placeholder', async () => {
    render(<Amount />);
    expect(screen.getByText('转账金额')).toBeInTheDocument();
    const field = await waitFor(() => input('amount-input'));
    expect(field).toHaveAttribute('inputmode', 'decimal');
    expect(field).toHaveAttribute('placeholder', '0.00');
  });

  // Each of these goes wrong in binary floating point (0.29 * 100 = 28.999999999999996,
  // 1234567.89 * 100 = 123456788.99999999): the digits are moved, never multiplied.
  test.each([
    ['0.29', 29],
    ['1234567.89', 123456789],
    ['0.07', 7],
    ['1.1', 110],
    ['1.', 100],
    ['100', 10000],
    ['0.01', 1],
    ['9999999999.99', 999999999999],
  ])('yuan %j is read as exactly %i fen', async (text, fen) => {
    expect(await typeAmount(text)).toEqual({ shown: text, read: `${fen} fen` });
  });

  test.each([
    ['', '请输入金额'],
    ['0', '金额须大于 0'],
    ['0.00', '金额须大于 0'],
    ['1.234', '金额最多保留两位小数'],
    ['0.001', '金额最多保留两位小数'],
    ['1.2.3', '请输入正确的金额'],
    ['.5', '请输入正确的金额'],
    // Above the most the field reads: ten digits of yuan.
    ['10000000000', '请输入正确的金额'],
  ])('%j is not an amount: %s', async (text, message) => {
    expect(await typeAmount(text)).toEqual({ shown: text, read: message });
  });

  test('letters, signs and separators never reach the field: a minus cannot make an amount negative', async () => {
    expect(await typeAmount('-12a,3.4b5')).toEqual({ shown: '123.45', read: '12345 fen' });
  });

  test('only letters leave the field empty', async () => {
    expect(await typeAmount('abc-')).toEqual({ shown: '', read: '请输入金额' });
  });

  test('typing stops at 13 characters (ten digits, the point, two decimals)', async () => {
    expect(await typeAmount('12345678901234567')).toEqual({ shown: '1234567890123', read: '请输入正确的金额' });
  });
});

describe('parseYuanToFen', () => {
  test('every cent of 0.xx and 1234567.xx is read exactly', () => {
    for (let cents = 1; cents < 100; cents += 1) {
      const decimals = String(cents).padStart(2, '0');
      expect(parseYuanToFen(`0.${decimals}`)).toEqual({ ok: true, amountFen: cents });
      expect(parseYuanToFen(`1234567.${decimals}`)).toEqual({ ok: true, amountFen: 123456700 + cents });
    }
  });
});
