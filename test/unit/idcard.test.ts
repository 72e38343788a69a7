// GB 11643-1999 resident ID numbers, the age rule and the onboarding order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertReadyFor, MIN_AGE_YEARS, type OnboardingState, validateRealName } from '../../functions/domain/customer.js';
import { Refusal } from '../../functions/domain/errors.js';
import { ageOn, idCheckChar, parseIdNumber } from '../../functions/domain/idcard.js';

/** The check character computed straight from the standard's definition (ISO 7064 MOD 11-2):
 *  weight of position i (counted from the right, check char = 1) is 2^(i-1) mod 11, and the
 *  check value makes the weighted sum ≡ 1 (mod 11). Independent of the implementation's tables. */
function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const positionFromRight = 18 - i;
    sum += Number(first17[i]) * (2 ** (positionFromRight - 1) % 11);
  }
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

const withCheck = (first17: string) => first17 + referenceCheckChar(first17);

const refusedWith = (code: string, kind?: string) => (error: unknown) => {
  assert.ok(error instanceof Refusal, `expected a Refusal, got ${String(error)}`);
  assert.equal(error.code, code);
  if (kind) assert.equal(error.kind, kind);
  assert.match(error.userMessage, /[\u4e00-\u9fa5]/, 'refusals carry a Chinese message');
  return true;
};

describe('ID number checksum', () => {
  test('accepts published valid examples', () => {
    // GB 11643-1999's own example, and a widely published one.
    assert.deepEqual(parseIdNumber('11010519491231002X'), { idNumber: '11010519491231002X', birthDate: '1949-12-31' });
    assert.deepEqual(parseIdNumber('34052419800101001X'), { idNumber: '34052419800101001X', birthDate: '1980-01-01' });
    // The standard's other sample, 440524188001010014, has a valid check character, but a birth
    // year before 1900 is refused as a date no living customer can have.
    assert.equal(idCheckChar('44052418800101001'), '4');
    assert.equal(parseIdNumber('440524188001010014'), 'BIRTH_DATE');
  });

  test('agrees with the MOD 11-2 definition on many bodies', () => {
    for (let n = 0; n < 2000; n++) {
      const body = `3201021985${String(n).padStart(7, '0')}`.slice(0, 17);
      assert.equal(idCheckChar(body), referenceCheckChar(body), body);
    }
  });

  test('a lowercase x check character is accepted and normalized', () => {
    assert.deepEqual(parseIdNumber('11010519491231002x'), { idNumber: '11010519491231002X', birthDate: '1949-12-31' });
  });

  test('every wrong check character is refused', () => {
    const body = '11010519491231002';
    for (const check of '0123456789X') {
      const result = parseIdNumber(body + check);
      if (check === 'X') assert.notEqual(typeof result, 'string');
      else assert.equal(result, 'CHECKSUM', `${body}${check}`);
    }
  });

  test('a changed digit is caught by the checksum', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      const digit = Number(valid[i]);
      const changed = valid.slice(0, i) + String((digit + 1) % 10) + valid.slice(i + 1);
      assert.equal(parseIdNumber(changed), 'CHECKSUM', changed);
    }
  });

  test('wrong shapes are FORMAT problems', () => {
    for (const id of ['', '11010519491231002', '11010519491231002XX', '1101051949123100XX', 'A1010519491231002X', '110105 19491231002X', '１１０１０５１９４９１２３１００２Ｘ']) {
      assert.equal(parseIdNumber(id), 'FORMAT', JSON.stringify(id));
    }
  });

  test('impossible birth dates are refused even with a correct check character', () => {
    for (const birth of ['19900230', '19900231', '19901301', '19900000', '19900100', '19010229', '19000229', '18991231']) {
      assert.equal(parseIdNumber(withCheck(`110105${birth}001`)), 'BIRTH_DATE', birth);
    }
  });

  test('real leap days are fine', () => {
    assert.deepEqual(parseIdNumber(withCheck('11010520000229001')), {
      idNumber: withCheck('11010520000229001'),
      birthDate: '2000-02-29',
    });
  });
});

describe('age', () => {
  test('whole years, counting the birthday itself', () => {
    assert.equal(ageOn('2008-03-07', '2026-03-06'), 17);
    assert.equal(ageOn('2008-03-07', '2026-03-07'), 18);
    assert.equal(ageOn('2008-03-07', '2026-03-08'), 18);
    assert.equal(ageOn('1990-12-31', '2026-01-01'), 35);
  });

  test('born on 29 February: a year older on 1 March when the year has no 29th', () => {
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
    assert.equal(ageOn('2008-02-29', '2028-02-29'), 20);
  });

  test('18 is the minimum', () => assert.equal(MIN_AGE_YEARS, 18));

  test('someone who turns 18 tomorrow is refused as UNDERAGE', () => {
    assert.throws(() => validateRealName(withCheck('11010520080307001'), '2026-03-06'), refusedWith('UNDERAGE', 'unprocessable'));
  });

  test('someone whose 18th birthday is today is accepted', () => {
    assert.deepEqual(validateRealName(withCheck('11010520080307001'), '2026-03-07'), {
      idNumber: withCheck('11010520080307001'),
      birthDate: '2008-03-07',
    });
  });

  test('a birth date in the future is an invalid ID number, not an age problem', () => {
    assert.throws(() => validateRealName(withCheck('11010520270101001'), '2026-03-07'), refusedWith('ID_NUMBER_INVALID', 'invalid'));
  });

  test('checksum, format and date problems are all ID_NUMBER_INVALID with distinct messages', () => {
    const messages = new Set<string>();
    for (const id of ['11010519491231002', '110105194912310021', withCheck('11010519900230001')]) {
      try {
        validateRealName(id, '2026-01-01');
        assert.fail(`${id} should be refused`);
      } catch (error) {
        refusedWith('ID_NUMBER_INVALID', 'invalid')(error);
        messages.add((error as Refusal).userMessage);
      }
    }
    assert.equal(messages.size, 3);
  });
});

describe('onboarding order', () => {
  const none: OnboardingState = { phoneBound: false, realNameVerified: false, pinSet: false, accountOpen: false };
  const steps: (keyof OnboardingState)[] = ['phoneBound', 'realNameVerified', 'pinSet', 'accountOpen'];
  const upTo = (n: number): OnboardingState => Object.fromEntries(steps.map((s, i) => [s, i < n])) as unknown as OnboardingState;

  test('moving money refuses the first missing step', () => {
    const codes = ['PHONE_REQUIRED', 'REAL_NAME_REQUIRED', 'PIN_REQUIRED', 'ACCOUNT_REQUIRED'];
    for (let done = 0; done < 4; done++) {
      assert.throws(() => assertReadyFor('moveMoney', upTo(done)), refusedWith(codes[done]!, 'unprocessable'));
    }
    assert.doesNotThrow(() => assertReadyFor('moveMoney', upTo(4)));
  });

  test('a later step done out of order does not skip an earlier one', () => {
    assert.throws(() => assertReadyFor('moveMoney', { ...none, pinSet: true, accountOpen: true }), refusedWith('PHONE_REQUIRED'));
    assert.throws(() => assertReadyFor('openAccount', { ...none, phoneBound: true, pinSet: true }), refusedWith('REAL_NAME_REQUIRED'));
  });

  test('real name needs only the phone; a PIN needs the real name; the account needs the PIN', () => {
    assert.throws(() => assertReadyFor('realName', none), refusedWith('PHONE_REQUIRED'));
    assert.doesNotThrow(() => assertReadyFor('realName', upTo(1)));
    assert.throws(() => assertReadyFor('setPin', upTo(1)), refusedWith('REAL_NAME_REQUIRED'));
    assert.doesNotThrow(() => assertReadyFor('setPin', upTo(2)));
    assert.throws(() => assertReadyFor('openAccount', upTo(2)), refusedWith('PIN_REQUIRED'));
    assert.doesNotThrow(() => assertReadyFor('openAccount', upTo(3)));
  });
});
