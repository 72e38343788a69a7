// Name screening (issue 18): exact and near matches of Chinese names against a watch list, each
// by a rule in words; the rules' limits (no near match on a two-character name or across
// surnames) and their symmetry hold for any names (fast-check).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { nameMatchRule, screeningForm, screeningSummary, screenName, type WatchList, WatchListSchema } from '../../functions/domain/name-screening.js';

const entry = (entryId: string, name: string, list: 'TERRORIST' | 'SANCTIONS' | 'INTERNAL' = 'TERRORIST') => ({ entryId, name, list, source: '测试公告第 1 号' });
const list: WatchList = {
  version: 1,
  entries: [entry('T-1', '艾山·买买提'), entry('S-1', '張建國', 'SANCTIONS'), entry('I-1', '王伟', 'INTERNAL'), entry('T-2', '阿不都热合曼·托乎提'), entry('I-2', '李娜', 'INTERNAL')],
};
const rulesFor = (name: string) => screenName(name, list).map((match) => [match.entry.entryId, match.kind, match.rule]);

describe('matching a name against the list', () => {
  test('exact once spaces, dots and traditional characters are set aside', () => {
    assert.deepEqual(rulesFor('艾山买买提'), [['T-1', 'EXACT', 'SAME_NAME']]);
    assert.deepEqual(rulesFor('艾山 · 买买提'), [['T-1', 'EXACT', 'SAME_NAME']]);
    assert.deepEqual(rulesFor('艾山・买买提'), [['T-1', 'EXACT', 'SAME_NAME']]);
    assert.deepEqual(rulesFor('张建国'), [['S-1', 'EXACT', 'SAME_NAME']]);
    assert.deepEqual(rulesFor('王伟'), [['I-1', 'EXACT', 'SAME_NAME']]);
  });

  test('near: one character of the given name different, two swapped, or one more or less in a long name', () => {
    assert.deepEqual(rulesFor('张建军'), [['S-1', 'NEAR', 'ONE_CHARACTER_DIFFERENT']]);
    assert.deepEqual(rulesFor('张国建'), [['S-1', 'NEAR', 'TWO_CHARACTERS_SWAPPED']]);
    assert.deepEqual(rulesFor('艾山买提'), [['T-1', 'NEAR', 'ONE_CHARACTER_MORE_OR_LESS']]);
    assert.deepEqual(rulesFor('阿不都热合曼·托乎提江'), [['T-2', 'NEAR', 'ONE_CHARACTER_MORE_OR_LESS']]);
  });

  test('near: a surname that sounds the same with the same given name, two-character names included', () => {
    assert.deepEqual(rulesFor('章建国'), [['S-1', 'NEAR', 'HOMOPHONE_SURNAME']]);
    assert.deepEqual(rulesFor('黎娜'), [['I-2', 'NEAR', 'HOMOPHONE_SURNAME']]);
    assert.deepEqual(rulesFor('汪伟'), [['I-1', 'NEAR', 'HOMOPHONE_SURNAME']]);
  });

  test('not near: a two-character name one character off, another surname not a homophone, a homophone surname with another given name, two characters off', () => {
    assert.deepEqual(rulesFor('王芳'), []);
    assert.deepEqual(rulesFor('赵建国'), []);
    assert.deepEqual(rulesFor('章建军'), []);
    assert.deepEqual(rulesFor('张国强'), []);
    assert.deepEqual(rulesFor('李明'), []);
  });

  test('exact matches come first, and the summary says each list, listed name and rule in words', () => {
    const both: WatchList = { version: 1, entries: [entry('N', '张建军', 'INTERNAL'), entry('E', '张建国')] };
    const matches = screenName('张建国', both);
    assert.deepEqual(
      matches.map((match) => [match.entry.entryId, match.kind]),
      [
        ['E', 'EXACT'],
        ['N', 'NEAR'],
      ],
    );
    assert.equal(
      screeningSummary(matches),
      '完全匹配涉恐名单「张建国」（测试公告第 1 号）：去除空格和间隔号、繁体字按简体比较后，与名单姓名完全一致；近似匹配本行关注名单「张建军」（测试公告第 1 号）：姓相同、字数相同（3 字及以上），名中仅一个字不同',
    );
  });

  test('an empty list matches nothing', () => {
    assert.deepEqual(screenName('张建国', { version: 0, entries: [] }), []);
  });
});

describe('the rules for any names (fast-check)', () => {
  const han = fc.constantFrom(...'王汪李黎张章刘陈杨黄赵吴周建国军伟芳娜敏静丽强磊洋艳勇杰娟涛明超秀霞平刚'.split(''));
  const name = fc.array(han, { minLength: 2, maxLength: 8 });

  test('symmetric, and a name always matches itself exactly', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        assert.equal(nameMatchRule(a, b), nameMatchRule(b, a));
        assert.equal(nameMatchRule(a, a), 'SAME_NAME');
      }),
    );
  });

  test('across surnames only when they sound the same and the given names are equal; otherwise never near for a two-character name', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const rule = nameMatchRule(a, b);
        if (rule === undefined || rule === 'SAME_NAME') return;
        if (rule === 'HOMOPHONE_SURNAME') {
          assert.notEqual(a[0], b[0]);
          assert.deepEqual(a.slice(1), b.slice(1));
          return;
        }
        assert.equal(a[0], b[0]);
        assert.ok(a.length >= 3 && b.length >= 3);
      }),
    );
  });

  test('a near match is one edit away: one character changed, one adjacent pair swapped, or one added to a name of four or more', () => {
    fc.assert(
      fc.property(name, fc.nat(), han, (a, at, other) => {
        const i = 1 + (at % (a.length - 1));
        const changed = [...a];
        changed[i] = other;
        const rule = nameMatchRule(a, changed);
        if (changed[i] === a[i]) assert.equal(rule, 'SAME_NAME');
        else assert.equal(rule, a.length >= 3 ? 'ONE_CHARACTER_DIFFERENT' : undefined);
        const longer = [...a.slice(0, i), other, ...a.slice(i)];
        assert.equal(nameMatchRule(a, longer), a.length >= 4 ? 'ONE_CHARACTER_MORE_OR_LESS' : undefined);
      }),
    );
  });
});

describe('the stored list', () => {
  test('entry ids unique, the list kinds known, no unknown keys', () => {
    assert.equal(WatchListSchema.safeParse(list).success, true);
    assert.equal(WatchListSchema.safeParse({ version: 1, entries: [entry('A', '张三'), entry('A', '李四')] }).success, false);
    assert.equal(WatchListSchema.safeParse({ version: 1, entries: [{ ...entry('A', '张三'), list: 'OTHER' }] }).success, false);
    assert.equal(WatchListSchema.safeParse({ version: 1, entries: [{ ...entry('A', '张三'), extra: 1 }] }).success, false);
  });

  test('the screening form: characters, not UTF-16 units', () => {
    assert.deepEqual(screeningForm('王𠮷'), ['王', '𠮷']);
  });
});
