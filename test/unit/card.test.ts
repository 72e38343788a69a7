// Luhn (mod 10) card numbers and the bank's own Class II account numbers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACCOUNT_NUMBER_PREFIX, accountNumberFrom } from '../../functions/domain/account-number.js';
import { luhnCheckDigit, luhnValid, newCardRefusal } from '../../functions/domain/card.js';

// Test card numbers the card networks and payment processors publish as Luhn-valid.
const PUBLISHED_VALID = [
  '4111111111111111', // Visa
  '4012888888881881', // Visa
  '5555555555554444', // Mastercard
  '5105105105105100', // Mastercard
  '6011111111111117', // Discover
  '3530111333300000', // JCB
  '6200000000000005', // UnionPay (16 digits)
  '6205500000000000004', // UnionPay (19 digits)
];

describe('Luhn', () => {
  test('accepts published test card numbers (16–19 digits)', () => {
    for (const card of PUBLISHED_VALID) assert.equal(luhnValid(card), true, card);
  });

  test('any single changed digit makes a valid number invalid', () => {
    for (const card of PUBLISHED_VALID) {
      for (let i = 0; i < card.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === card[i]) continue;
          const changed = card.slice(0, i) + d + card.slice(i + 1);
          assert.equal(luhnValid(changed), false, changed);
        }
      }
    }
  });

  test('swapping two adjacent different digits is caught (except 0↔9)', () => {
    const card = '6222021234567894';
    assert.equal(luhnValid(card), true);
    for (let i = 0; i < card.length - 1; i++) {
      const [a, b] = [card[i]!, card[i + 1]!];
      if (a === b || (a + b === '09' || a + b === '90')) continue;
      const swapped = card.slice(0, i) + b + a + card.slice(i + 2);
      assert.equal(luhnValid(swapped), false, swapped);
    }
  });

  test('refuses anything that is not 16–19 digits, even when the digits would pass', () => {
    for (const card of ['', '378282246310005' /* a valid 15-digit Amex */, '4111 1111 1111 1111', '4111-1111-1111-1111', '41111111111111110000', 'abcdabcdabcdabcd', '４１１１１１１１１１１１１１１１']) {
      assert.equal(luhnValid(card), false, JSON.stringify(card));
    }
  });

  test('the check digit completes a body, and exactly one digit does', () => {
    for (const card of PUBLISHED_VALID) {
      const body = card.slice(0, -1);
      assert.equal(luhnCheckDigit(body), card.slice(-1));
      const completing = [...'0123456789'].filter((d) => luhnValid(body + d));
      assert.deepEqual(completing, [card.slice(-1)]);
    }
  });
});

describe('Class II account numbers', () => {
  test('carry the bank prefix, are 19 digits and Luhn-valid', () => {
    assert.match(ACCOUNT_NUMBER_PREFIX, /^\d{6}$/);
    for (const body of ['000000000000', '123456789012', '999999999999', '000000000001']) {
      const number = accountNumberFrom(body);
      assert.match(number, /^\d{19}$/);
      assert.ok(number.startsWith(ACCOUNT_NUMBER_PREFIX + body), number);
      assert.equal(luhnValid(number), true, number);
    }
  });

  test('different bodies give different numbers', () => {
    const numbers = new Set(Array.from({ length: 500 }, (_, n) => accountNumberFrom(String(n * 7919).padStart(12, '0'))));
    assert.equal(numbers.size, 500);
  });

  test('refuses a body that is not 12 digits', () => {
    for (const body of ['', '12345678901', '1234567890123', '12345678901a']) assert.throws(() => accountNumberFrom(body));
  });
});

describe('a new card for 更换绑定卡', () => {
  const current = '6200000000000005';
  test('another valid card may replace the bound one', () => {
    assert.equal(newCardRefusal(current, '6205500000000000004'), undefined);
    assert.equal(newCardRefusal(current, '4111111111111111'), undefined);
  });

  test('the very card bound is refused as unchanged; a number that is no card as invalid', () => {
    assert.equal(newCardRefusal(current, current)?.code, 'CARD_UNCHANGED');
    assert.equal(newCardRefusal(current, '6200000000000006')?.code, 'CARD_NUMBER_INVALID');
    assert.equal(newCardRefusal(current, '620000000000005')?.code, 'CARD_NUMBER_INVALID', '15 digits');
    // Every refusal speaks to the customer in Chinese.
    for (const refused of [newCardRefusal(current, current), newCardRefusal(current, '1')]) assert.match(refused!.message, /[\u4e00-\u9fff]/);
  });
});
