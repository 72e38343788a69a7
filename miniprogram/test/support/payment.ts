// The second factor as the tests' server gives it (second-factor contract): a nonce per request to
// POST /v1/payment-authorizations, with the review the sheet shows, and a test SM2 key pair so a
// test can decrypt the PIN the app sent exactly as the server will.
import { expect } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { PaymentAuthorization, PaymentReview, PinSecondFactor } from '@contract/second-factor-schemas';
import { sm2 } from 'sm-crypto-v2';
import type { FakeApi, Route, SentRequest } from './api';

export const AUTHORIZE: Route = 'POST /v1/payment-authorizations';

const keys = sm2.generateKeyPairHex();

/** The nth nonce the fake server issues (1-based), and its challenge. */
export const nonceNo = (n: number) => `v1.test-nonce-${n}.signature`;
export const challengeNo = (n: number) => `challenge-${String(n).padStart(12, '0')}`;

/** A review as the server makes it: ¥123.45, in capitals, free, from the e-account. */
export const review: PaymentReview = {
  amountFen: 12345,
  amountInWords: '人民币壹佰贰拾叁元肆角伍分',
  estimate: null,
  feeFen: 0,
  sourceAccountMasked: '6230 **** **** 4321',
  payeeMasked: null,
  risk: null,
};

export function authorization(n: number, shown: PaymentReview = review): PaymentAuthorization {
  return {
    nonce: nonceNo(n),
    challenge: challengeNo(n),
    expiresAt: '2026-03-02T09:35:00.000Z',
    review: shown,
    encryption: { algorithm: 'SM2', cipherMode: 1, publicKeyHex: keys.publicKey },
  };
}

/** Every authorization request answered with the next nonce, and `shown` as the review. */
export function issueNonces(api: FakeApi, shown: PaymentReview = review): void {
  let issued = 0;
  api.answerEach(AUTHORIZE, () => ({ status: 200, body: authorization(++issued, shown) }));
}

/** What the app asked a nonce for: `{ method, path, body }`, and for a money route the
 *  `idempotencyKey` its request will carry. */
export function authorizationsAsked(api: FakeApi): unknown[] {
  return api.requests(AUTHORIZE).map((request) => request.body);
}

/** The Idempotency-Key each nonce was asked under (undefined where none was named). */
export function keysAsked(api: FakeApi): (string | undefined)[] {
  return api.requests(AUTHORIZE).map((request) => (request.body as { idempotencyKey?: string }).idempotencyKey);
}

/** The Idempotency-Key a money request carried: one useSubmit made (32 hex digits). */
export function idempotencyKeyOf(request: SentRequest | undefined): string {
  const key = request?.headers['Idempotency-Key'];
  expect(key).toMatch(/^[0-9a-f]{32}$/);
  return key!;
}

/** The second factor a money request carried: the PIN kind, the only one the keypad makes. */
export function secondFactorOf(request: SentRequest | undefined): PinSecondFactor {
  return (request!.body as { secondFactor: PinSecondFactor }).secondFactor;
}

/** A pinCipher decrypted with the bank's (here: the test's) private key. */
export function decryptPin(pinCipher: string): { pin: string; challenge: string; ts: number } {
  return JSON.parse(sm2.doDecrypt(pinCipher, keys.privateKey, 1, { output: 'string' }));
}

/** 确认付款 on the review sheet, once the server's review is on it; then the PIN sheet is up. */
export async function confirmReview(): Promise<void> {
  const confirm = await waitFor(() => {
    const button = document.getElementById('review-confirm');
    if (!button || (button as HTMLButtonElement).disabled) throw new Error('no review to confirm yet');
    return button;
  });
  await userEvent.click(confirm);
  await waitFor(() => expect(document.getElementById('pin-sheet')).not.toBeNull());
}

/** Taps the digits on the PIN pad once it takes them. */
export async function tapPin(pin: string): Promise<void> {
  await waitFor(() => expect(document.getElementById('pin-status')).toBeNull());
  for (const digit of pin) await userEvent.click(document.getElementById(`pin-key-${digit}`)!);
}

/** Review confirmed, then the PIN tapped in: the whole second factor of a payment. */
export async function payWith(pin: string): Promise<void> {
  await confirmReview();
  await tapPin(pin);
}

/** The form's button, then the review and the PIN. */
export async function submitAndPay(label: string, pin = '123456'): Promise<void> {
  await userEvent.click(screen.getByText(label));
  await payWith(pin);
}

/** With the form filled in: a double tap asks one review (the button is disabled while it is
 *  asked, a further tap does nothing); while the payment is in flight the keypad takes no second
 *  PIN; one request to `route`, answered `result`, then the result page. */
export async function expectOnePaymentPerDoubleTap(api: FakeApi, route: Route, submitLabel: string, result: unknown): Promise<void> {
  const reply = api.hold(route);
  await userEvent.dblClick(screen.getByText(submitLabel));

  const button = screen.getByText('处理中…');
  expect(button).toHaveProperty('disabled', true);
  await userEvent.click(button);
  expect(api.requests(AUTHORIZE)).toHaveLength(1);
  await payWith('123456');
  await screen.findByText('正在付款…');
  for (const digit of '654321') await userEvent.click(document.getElementById(`pin-key-${digit}`)!);
  expect(api.requests(route)).toHaveLength(1);

  reply(200, result);
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
  expect(api.requests(route)).toHaveLength(1);
}
