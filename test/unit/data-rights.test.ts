// Data rights' rules (domain/data-rights.ts): every category has its terms in Chinese with the
// retention years given; optional consents are off until given; an early deletion is refused
// with the rule (open account, or the retention end's date); the copy's size bound; what the
// readable copy says, including which sections were cut.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertCopySize,
  categoryTerms,
  consentStates,
  DATA_CATEGORIES,
  DATA_COPY_LIMITS,
  type DataCopyFacts,
  dataCopyDocument,
  MAX_DATA_COPY_BYTES,
  refuseEarlyDeletion,
} from '../../functions/domain/data-rights.js';
import { Refusal } from '../../functions/domain/errors.js';

const refusedWith = (code: string, text?: RegExp) => (error: unknown) => error instanceof Refusal && error.kind === 'conflict' && error.code === code && (!text || text.test(error.userMessage));

describe('data rights', () => {
  test('every category has a title, purpose, legal basis and retention in Chinese; the years are the configured ones', () => {
    for (const category of DATA_CATEGORIES) {
      const terms = categoryTerms(category, 12);
      for (const text of Object.values(terms)) assert.match(text, /[\u4e00-\u9fff]/, category);
    }
    assert.match(categoryTerms('IDENTITY', 12).retention, /12 年/);
    assert.match(categoryTerms('IDENTITY', 12).legalBasis, /第十三条/);
  });

  test('optional consents are off until given, and a withdrawal keeps its time', () => {
    assert.deepEqual(consentStates(undefined), { MARKETING: { granted: false, changedAt: null }, PERSONALISATION: { granted: false, changedAt: null } });
    const at = '2026-12-06T01:00:00.000Z';
    assert.deepEqual(consentStates({ PERSONALISATION: { granted: false, changedAt: at } }).PERSONALISATION, { granted: false, changedAt: at });
    assert.equal(consentStates({ MARKETING: { granted: true, changedAt: at } }).MARKETING.granted, true);
  });

  test('a request to delete is refused with the rule: close first, or wait for the retention end', () => {
    assert.throws(() => refuseEarlyDeletion(undefined, 10), refusedWith('DELETION_ACCOUNT_OPEN', /反洗钱法.*10 年/));
    const closure = { closedAt: '2026-12-06T01:00:00.000Z', retainUntil: '2036-12-06T01:00:00.000Z' };
    assert.throws(() => refuseEarlyDeletion(closure, 10), refusedWith('DELETION_RETENTION_PERIOD', /保存期至 2036-12-06/));
  });

  test('the copy is bounded in size', () => {
    assertCopySize(MAX_DATA_COPY_BYTES);
    assert.throws(() => assertCopySize(MAX_DATA_COPY_BYTES + 1), (error: unknown) => error instanceof Refusal && error.kind === 'too_large' && error.code === 'DATA_COPY_TOO_LARGE');
  });

  test('the readable copy holds the person, the movements and every section, and names what was cut', () => {
    const facts: DataCopyFacts = {
      name: '欧阳修',
      idNumber: '110105194912310029',
      phone: '13800138000',
      createdAt: '2026-01-02T02:00:00.000Z',
      accountNumber: '6236000000000048',
      accountStatus: '正常',
      balanceFen: 12_345,
      boundCard: '中国工商银行 6222020000001234',
      consents: consentStates({ MARKETING: { granted: true, changedAt: '2026-02-01T02:00:00.000Z' } }),
      postings: [
        { createdAt: '2026-01-03T02:00:00.000Z', label: '银行卡充值', counterparty: '**** 1234', amountFen: 20_000 },
        { createdAt: '2026-01-04T02:00:00.000Z', label: '提现到银行卡', counterparty: '**** 1234', amountFen: -7_655 },
      ],
      sections: [['借款', []], ['常用缴费户', ['家里电费：3201234578']]],
      truncated: ['postings'],
    };
    const layout = dataCopyDocument(facts, new Date('2026-12-06T02:00:00.000Z'));
    const shown = Object.fromEntries(layout.facts);
    assert.deepEqual([shown['姓名'], shown['身份证号'], shown['手机号'], shown['账户余额']], ['欧阳修', '110105194912310029', '13800138000', '123.45 元']);
    assert.match(shown['接收营销信息']!, /^已同意/);
    assert.equal(shown['个性化推荐'], '未同意');
    assert.deepEqual(layout.table?.rows.map((row) => row.slice(3)), [['200.00', ''], ['', '76.55']]);
    assert.ok(layout.paragraphs.includes('【借款】') && layout.paragraphs.includes('无') && layout.paragraphs.includes('家里电费：3201234578'));
    assert.ok(layout.paragraphs.some((text) => text.includes(`交易记录只含最早的 ${DATA_COPY_LIMITS.postings} 条`)));
  });
});
