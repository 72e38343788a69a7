// A legal name as the ID card prints it (domain/person-name.ts) and the contract field that applies
// it to every name a person gives (PersonName): any Han character, the middle dot, counted in characters.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PersonName } from '../../functions/contract/person-name-schema.js';
import { characterCount, isPersonName, normalizePersonName, PERSON_NAME_MAX_CHARS, personNameProblem } from '../../functions/domain/person-name.js';

const SHAPE_PROBLEM = '请输入身份证上的中文姓名，少数民族姓名中间用“·”分隔';
const LENGTH_PROBLEM = '姓名须为 2–30 个汉字';

describe('person names', () => {
  test('every Han character is a name character: CJK extensions A–G and the compatibility block too', () => {
    for (const name of ['王𠮷', '刘䶮', '陈龦', '𠮷田', '王小明', '张𪚥', '李𰻞𰻞', '林豈', '欧阳娜娜']) {
      assert.equal(personNameProblem(name), undefined, name);
    }
  });

  test('minority names: parts joined by the ID card’s middle dot U+00B7', () => {
    for (const name of ['阿沛·阿旺晋美', '买买提·艾力', '爱新觉罗·溥仪', '阿依古丽·买买提·𠮷']) assert.ok(isPersonName(name), name);
    for (const name of ['·王明', '王明·', '王··明', '·']) assert.equal(personNameProblem(name), name === '·' ? LENGTH_PROBLEM : SHAPE_PROBLEM, name);
  });

  test('look-alike dots become the ID card’s; spaces around the name go', () => {
    for (const dot of ['・', '･', '•', '‧', '∙', '⋅', '·', '⸱']) assert.equal(normalizePersonName(`阿沛${dot}阿旺晋美`), '阿沛·阿旺晋美', dot);
    assert.equal(normalizePersonName(' 王𠮷 '), '王𠮷');
  });

  test('refused: Latin, digits, emoji, punctuation, spaces inside, a lone surrogate', () => {
    for (const name of ['Wang', '王Xiao', '王1', '王😀', '王。明', '王 明', '王\uD842', '\uDFB7王', 'Ｗang']) {
      assert.equal(personNameProblem(normalizePersonName(name)), SHAPE_PROBLEM, JSON.stringify(name));
    }
  });

  test('length is counted in characters, not UTF-16 units', () => {
    assert.equal(characterCount('王𠮷'), 2);
    assert.equal('王𠮷'.length, 3);
    // 30 characters outside the basic plane: 60 UTF-16 units, still the longest name allowed.
    assert.ok(isPersonName('𠮷'.repeat(PERSON_NAME_MAX_CHARS)));
    assert.equal(personNameProblem('𠮷'.repeat(PERSON_NAME_MAX_CHARS + 1)), LENGTH_PROBLEM);
    assert.equal(personNameProblem('王'.repeat(PERSON_NAME_MAX_CHARS + 1)), LENGTH_PROBLEM);
    // One character in two UTF-16 units is still one character: too short.
    assert.equal(personNameProblem('𠮷'), LENGTH_PROBLEM);
    assert.equal(personNameProblem('王'), LENGTH_PROBLEM);
  });
});

describe('the contract’s PersonName', () => {
  test('gives the name as it is stored: look-alike dot made U+00B7, spaces dropped', () => {
    assert.equal(PersonName.parse(' 阿沛・阿旺晋美 '), '阿沛·阿旺晋美');
    assert.equal(PersonName.parse('王𠮷'), '王𠮷');
  });

  test('refuses what the rule refuses, and a text far too long to read', () => {
    for (const name of ['Wang', '王', '王😀', '王\uD842', '𠮷'.repeat(31), '王'.repeat(10_000), 42]) {
      assert.equal(PersonName.safeParse(name).success, false, String(name).slice(0, 10));
    }
  });
});
