import { beforeEach, describe, expect, test } from '@jest/globals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Text } from '@tarojs/components';
import { useState } from 'react';
import { topUp } from '@/api/bank';
import { isPinShaped, PIN_MISSING, PinConfirm, PinField } from '@/components/PinField';
import { useSubmit } from '@/hooks/useSubmit';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn, topUpResult } from '../support/examples';
import { input, typeInto } from '../support/form';

const TOP_UP = 'POST /v1/account/top-up';

function Pin({ id, label }: { id?: string; label?: string }) {
  const [pin, setPin] = useState('');
  return <PinField value={pin} onChange={setPin} id={id} label={label} />;
}

describe('PinField', () => {
  test('支付密码, masked, on the numeric keypad, as #pin-input', async () => {
    render(<Pin />);
    expect(screen.getByText('支付密码')).toBeInTheDocument();
    const field = await waitFor(() => input('pin-input'));
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    expect(field).toHaveAttribute('placeholder', '6 位数字');
  });

  test('keeps digits only, and six at most', async () => {
    render(<Pin />);
    await typeInto('pin-input', '12ab3-4 ');
    expect(input('pin-input').value).toBe('1234');
    await typeInto('pin-input', '12345678');
    expect(input('pin-input').value).toBe('123456');
  });

  test('a form asking for a second PIN gives it its own id and label', async () => {
    render(
      <>
        <Pin id='current-pin-input' label='原支付密码' />
        <Pin />
      </>,
    );
    expect(screen.getByText('原支付密码')).toBeInTheDocument();
    await typeInto('current-pin-input', '111111');
    expect(input('current-pin-input').value).toBe('111111');
    expect(input('pin-input').value).toBe('');
  });
});

describe('isPinShaped', () => {
  test.each(['123456', '000000'])('%j is a PIN', (pin) => {
    expect(isPinShaped(pin)).toBe(true);
  });

  test.each(['', '12345', '1234567', '12345a', ' 123456', '１２３４５６'])('%j is not', (pin) => {
    expect(isPinShaped(pin)).toBe(false);
  });
});

/**
 * The foot of a money form as every use…Form hook drives it: the PIN's shape checked before
 * sending, one submission through useSubmit, the PIN cleared when the attempt failed.
 */
function Confirm() {
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useSubmit();
  async function submit() {
    if (!isPinShaped(pin)) return setError(PIN_MISSING);
    const body = { amountFen: 12345, pin };
    const result = await run((idempotencyKey) => topUp(body, idempotencyKey), body);
    if (!result) setPin('');
  }
  return (
    <PinConfirm
      id='confirm-submit'
      form={{ pin, setPin, busy, error, submit }}
      note={<Text>报价过期后请重新获取报价。</Text>}
      extra={<Text>重新报价</Text>}
    >
      确认结清
    </PinConfirm>
  );
}

describe('PinConfirm', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = fakeApi();
    signIn();
  });

  async function confirmWith(pin: string) {
    render(<Confirm />);
    await typeInto('pin-input', pin);
    await userEvent.click(screen.getByText('确认结清'));
  }

  test('the PIN, the note, then the button under its id and the extra action', async () => {
    render(<Confirm />);
    await waitFor(() => input('pin-input'));
    expect(screen.getByText('支付密码')).toBeInTheDocument();
    expect(screen.getByText('报价过期后请重新获取报价。')).toBeInTheDocument();
    const button = screen.getByText('确认结清');
    expect(button).toHaveAttribute('id', 'confirm-submit');
    expect(button).toHaveProperty('disabled', false);
    expect(screen.getByText('重新报价')).toBeInTheDocument();
  });

  test.each(['', '12345'])('PIN %j is refused before sending, with the PIN message', async (pin) => {
    await confirmWith(pin);
    expect(await screen.findByText('请输入 6 位支付密码')).toHaveAttribute('id', 'error-message');
    expect(api.sent).toHaveLength(0);
  });

  test('sends the PIN typed', async () => {
    api.answer(TOP_UP, 200, topUpResult);
    await confirmWith('123456');
    await waitFor(() => expect(api.requests(TOP_UP)).toHaveLength(1));
    expect(api.requests(TOP_UP)[0]!.body).toEqual({ amountFen: 12345, pin: '123456' });
  });

  test('while the request is in flight the button is disabled, and a double tap sends one request', async () => {
    const reply = api.hold(TOP_UP);
    render(<Confirm />);
    await typeInto('pin-input', '123456');
    await userEvent.dblClick(screen.getByText('确认结清'));

    const button = screen.getByText('处理中…');
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(button);
    expect(api.requests(TOP_UP)).toHaveLength(1);

    reply(200, topUpResult);
    expect(await screen.findByText('确认结清')).toHaveProperty('disabled', false);
    expect(api.requests(TOP_UP)).toHaveLength(1);
  });

  test('two taps before the page re-renders still send one request', async () => {
    const reply = api.hold(TOP_UP);
    render(<Confirm />);
    await typeInto('pin-input', '123456');
    const button = screen.getByText('确认结清');
    act(() => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    await waitFor(() => expect(api.requests(TOP_UP)).toHaveLength(1));
    reply(200, topUpResult);
    expect(await screen.findByText('确认结清')).toHaveProperty('disabled', false);
    expect(api.requests(TOP_UP)).toHaveLength(1);
  });

  test.each([
    [403, 'PIN_INCORRECT', '支付密码错误，还可尝试 2 次'],
    [423, 'PIN_LOCKED', '支付密码错误次数过多，已暂时锁定'],
  ])("a %i %s refusal is shown in the server's words and the PIN is cleared", async (status, code, message) => {
    api.answer(TOP_UP, status, refusal(code, message));
    await confirmWith('123456');
    expect(await screen.findByText(message)).toHaveAttribute('id', 'error-message');
    expect(input('pin-input').value).toBe('');
    expect(screen.getByText('确认结清')).toHaveProperty('disabled', false);
  });
});
