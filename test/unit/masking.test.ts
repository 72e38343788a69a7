// PIPL masking: what a screen may show of a name, a phone, an ID number and a card.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maskCardNumber, maskIdNumber, maskName, maskPhone } from '../../functions/domain/masking.js';

describe('masking', () => {
  test('names keep only the first character', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('欧阳娜娜'), '欧***');
    assert.equal(maskName('王小明'), '王**');
    assert.equal(maskName('买买提·艾力'), '买*****');
  });

  test('a name never shows a character after the first', () => {
    for (const name of ['诸葛孔明', '司马相如', '李白', '爱新觉罗·溥仪']) {
      const masked = maskName(name);
      assert.equal([...masked].length, [...name].length);
      for (const ch of [...name].slice(1)) if (ch !== name[0]) assert.ok(!masked.includes(ch), `${masked} shows ${ch}`);
    }
  });

  test('characters outside the BMP count as one character, and none is ever split', () => {
    assert.equal(maskName('𠮷野家'), '𠮷**');
    assert.equal(maskName('王𠮷'), '王*');
    assert.equal(maskName('𠮷𠮷'), '𠮷*');
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const name of ['王𠮷', '𠮷野家', '𠮷田', '𪚥𪚥𪚥', '阿沛·𠮷旺']) assert.doesNotMatch(maskName(name), loneSurrogate, name);
  });

  test('a one-character name is fully hidden', () => {
    assert.equal(maskName('张'), '*');
  });

  test('phones show the first three and last four digits', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
    const masked = maskPhone('13956781234');
    assert.ok(!masked.includes('5678'));
  });

  test('ID numbers show no middle digits: no region, no birth date, no sequence', () => {
    const id = '11010519491231002X';
    const masked = maskIdNumber(id);
    assert.equal(masked.length, 18);
    assert.match(masked.slice(1, 17), /^\*{16}$/);
    assert.ok(!masked.includes('19491231'));
    assert.ok(!masked.includes('110105'));
    assert.equal((masked.match(/[0-9X]/g) ?? []).length, 2, 'at most the first and last characters are shown');
  });

  test('cards show only the last four digits', () => {
    const masked = maskCardNumber('6222021234567890123');
    assert.ok(masked.endsWith('0123'));
    assert.equal((masked.match(/\d/g) ?? []).join(''), '0123');
  });
});
