import { describe, expect, test } from '@jest/globals';
import * as backend from '../../../functions/domain/person-name';
import * as mirror from '@/lib/person-name';

// The mini-program's copy of the name rule must answer as the backend's does: the same names
// accepted, the same refusals in the same words, the same limits.
const EXAMPLES = [
  '王𠮷',
  '刘䶮',
  '陈龦',
  '𠮷田',
  '阿沛·阿旺晋美',
  '阿沛・阿旺晋美',
  '阿沛•阿旺晋美',
  ' 王小明 ',
  '王',
  'Wang',
  '王1',
  '王😀',
  '王\uD842',
  '·王明',
  '王明·',
  '王··明',
  '王小明'.repeat(10),
  '王小明'.repeat(11),
  '𠮷'.repeat(30),
  '𠮷'.repeat(31),
];

describe('the mini-program’s name rule is the backend’s', () => {
  test.each(EXAMPLES)('%j', (name) => {
    const normalized = backend.normalizePersonName(name);
    expect(mirror.normalizePersonName(name)).toBe(normalized);
    expect(mirror.personNameProblem(normalized)).toBe(backend.personNameProblem(normalized));
  });

  test('the same limits', () => {
    expect([mirror.PERSON_NAME_MIN_CHARS, mirror.PERSON_NAME_MAX_CHARS, mirror.PERSON_NAME_MAX_UTF16_UNITS]).toEqual([
      backend.PERSON_NAME_MIN_CHARS,
      backend.PERSON_NAME_MAX_CHARS,
      backend.PERSON_NAME_MAX_UTF16_UNITS,
    ]);
  });
});
