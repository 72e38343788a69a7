// A staff member's work phone (办公电话): a mainland mobile or a landline with its area code, in the
// operator's words when it is neither; masked on the customer's manager card.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { assertWorkPhone, maskWorkPhone, normalizeWorkPhone, workPhoneProblem } from '../../functions/domain/rm/staff.js';

describe('work phone', () => {
  test('mainland mobiles (1[3-9] and 9 digits) and landlines with a 3- or 4-digit area code are work phones', () => {
    for (const phone of ['13800138000', '19912345678', '010-62551234', '0571-88886666', '0755-1234567']) {
      assert.equal(workPhoneProblem(phone), undefined, phone);
    }
  });

  test('anything else is refused, in words that say what to fix', () => {
    assert.equal(workPhoneProblem(''), '请输入办公电话');
    for (const phone of ['12345678901', '1380013800', '138001380001']) assert.equal(workPhoneProblem(phone), '手机号须为 11 位，第二位为 3–9', phone);
    for (const phone of ['057188886666', '0571-888', '0571-888866667', '010—62551234']) assert.equal(workPhoneProblem(phone), '座机号须为区号-号码，如 0571-88886666', phone);
    for (const phone of ['+8613800138000', '95588', 'abc', '88886666', '1380013800a']) {
      assert.equal(workPhoneProblem(phone), '办公电话须为 11 位手机号或带区号的座机号（如 0571-88886666）', phone);
    }
  });

  test('spaces typed or pasted are dropped before the check', () => {
    assert.equal(normalizeWorkPhone(' 138 0013 8000 '), '13800138000');
    assert.equal(normalizeWorkPhone('0571-8888\u30006666'), '0571-88886666');
  });

  test('assertWorkPhone refuses with a code (400) and the same message', () => {
    assert.doesNotThrow(() => assertWorkPhone('0571-88886666'));
    assert.throws(
      () => assertWorkPhone('12345678901'),
      (error: unknown) => error instanceof Refusal && error.kind === 'invalid' && error.code === 'WORK_PHONE_INVALID' && error.userMessage === '手机号须为 11 位，第二位为 3–9',
    );
  });

  test('masked: a mobile as 138****0000, a landline keeps its area code and last four digits', () => {
    assert.equal(maskWorkPhone('13800138000'), '138****8000');
    assert.equal(maskWorkPhone('0571-88886666'), '0571-****6666');
    assert.equal(maskWorkPhone('010-6255123'), '010-****5123');
  });
});
