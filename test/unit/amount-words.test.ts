// Amounts in Chinese capitals, as 《支付结算办法》 writes them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountInWords } from '../../functions/domain/amount-words.js';

test('整 after 元 or 角, never after 分; one 零 per run of zeros; 零 before 分 when 角 is zero', () => {
  const cases: [number, string][] = [
    [1, '人民币壹分'],
    [50, '人民币伍角整'],
    [101, '人民币壹元零壹分'],
    [120, '人民币壹元贰角整'],
    [1000, '人民币壹拾元整'],
    [1010, '人民币壹拾元壹角整'],
    [100050, '人民币壹仟元伍角整'],
    [10000100, '人民币壹拾万零壹元整'],
    [100000001, '人民币壹佰万元零壹分'],
    [100010000, '人民币壹佰万零壹佰元整'],
    [1000100000, '人民币壹仟万零壹仟元整'],
    [1234567890, '人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
    [1000000000000, '人民币壹佰亿元整'],
    [0, '人民币零元整'],
  ];
  for (const [fen, words] of cases) assert.equal(amountInWords(fen), words, `${fen} fen`);
});

test('refuses what is not an amount', () => {
  for (const bad of [-1, 1.5, Number.NaN, 10_000 ** 4 * 100]) assert.throws(() => amountInWords(bad), `${bad}`);
});
