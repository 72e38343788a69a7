// The one place the H5 build encrypts a payment PIN (second-factor contract §2). The WeChat build
// never sees the digits: its safe keyboard hands over WeChat's own ciphertext
// (components/PinInput.tsx).
import type { PaymentAuthorization } from '@contract/second-factor-schemas';
import { sm2 } from 'sm-crypto-v2';

/** Digits in a payment PIN. */
export const PIN_LENGTH = 6;

/** What a PIN entry hands over: our keypad's digits (H5), or WeChat's safe keyboard's cipher. */
export type EnteredPin = { digits: string } | { wechatCipher: string };

/**
 * The PIN as the server decrypts it: SM2 to the bank's public key, C1C3C2, hex. The plaintext
 * carries the challenge of the nonce the request is paid with, so the cipher is good for that one
 * request only.
 */
export function encryptPin(pin: string, challenge: string, publicKeyHex: string): string {
  const plaintext = JSON.stringify({ pin, challenge, ts: Date.now() });
  return sm2.doEncrypt(plaintext, publicKeyHex, 1);
}

/** The `pinCipher` to send with this authorization's nonce. */
export function pinCipherFor(entered: EnteredPin, authorization: PaymentAuthorization): string {
  if ('wechatCipher' in entered) return entered.wechatCipher;
  return encryptPin(entered.digits, authorization.challenge, authorization.encryption.publicKeyHex);
}
