import { describe, expect, jest, test } from '@jest/globals';
import { sm2 } from 'sm-crypto-v2';
import { encryptPin, pinCipherFor } from '@/lib/pin-cipher';
import { authorization, decryptPin } from '../support/payment';

const keys = sm2.generateKeyPairHex();
const NOW = 1_765_000_000_000;

describe('encryptPin', () => {
  test('the bank decrypts exactly {pin, challenge, ts}: the PIN, the nonce’s challenge and the time', () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const cipher = encryptPin('480213', 'Zk3-w_9aQ2c8LmN0pR4sT6', keys.publicKey);
    const plaintext = sm2.doDecrypt(cipher, keys.privateKey, 1, { output: 'string' });
    expect(plaintext).toBe(JSON.stringify({ pin: '480213', challenge: 'Zk3-w_9aQ2c8LmN0pR4sT6', ts: NOW }));
  });

  test('C1C3C2 lowercase hex, as the contract takes it (a 64-byte point, a 32-byte digest, the message)', () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const cipher = encryptPin('480213', 'Zk3-w_9aQ2c8LmN0pR4sT6', keys.publicKey);
    expect(cipher).toMatch(/^[0-9a-f]+$/);
    const message = JSON.stringify({ pin: '480213', challenge: 'Zk3-w_9aQ2c8LmN0pR4sT6', ts: NOW });
    expect(cipher).toHaveLength((64 + 32 + message.length) * 2);
    // Read as C1C2C3 (cipherMode 0) the same bytes do not open.
    expect(sm2.doDecrypt(cipher, keys.privateKey, 0, { output: 'string' })).not.toBe(message);
  });

  test('the PIN never appears in the cipher, and the same PIN encrypts differently every time', () => {
    const first = encryptPin('123456', 'challenge', keys.publicKey);
    const second = encryptPin('123456', 'challenge', keys.publicKey);
    expect(first).not.toContain('123456');
    expect(first).not.toContain(Buffer.from('123456').toString('hex'));
    expect(second).not.toBe(first);
  });

  test('only the private key of the public key it was made for opens it', () => {
    const cipher = encryptPin('123456', 'challenge', keys.publicKey);
    const other = sm2.generateKeyPairHex();
    expect(sm2.doDecrypt(cipher, other.privateKey, 1, { output: 'string' })).not.toContain('123456');
  });
});

describe('pinCipherFor', () => {
  test('keypad digits are encrypted with the authorization’s challenge and public key', () => {
    const cipher = pinCipherFor({ digits: '731904' }, authorization(7));
    expect(decryptPin(cipher)).toMatchObject({ pin: '731904', challenge: 'challenge-000000000007' });
  });

  test("WeChat's safe keyboard cipher is sent as WeChat made it", () => {
    expect(pinCipherFor({ wechatCipher: 'c0ffee' }, authorization(1))).toBe('c0ffee');
  });
});
