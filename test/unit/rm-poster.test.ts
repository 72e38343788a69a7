// A share poster's SVG: the brand, the product with its key figure, the code and the manager;
// whatever a product or manager is called cannot break out of its text; a long product name
// wraps to two lines and no more.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BRAND_COLOUR, nameLines, type PosterFacts, posterSvg } from '../../functions/domain/rm/poster.js';

const facts = (over: Partial<PosterFacts> = {}): PosterFacts => ({
  productType: 'LOAN',
  productName: '近邻消费贷',
  highlight: '最高可借 200,000 元',
  manager: { name: '王芳', staffNo: 'E1024', branchName: '北京海淀支行' },
  qr: { contentType: 'image/png', base64: 'iVBORw0KGgo=' },
  ...over,
});

/** The text of every <text> element, in order. */
const texts = (svg: string) => Array.from(svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g), (m) => m[1]);

describe('share poster', () => {
  test('brand, product, key figure, code, caption and manager, in that order', () => {
    const svg = posterSvg(facts());
    assert.ok(svg.includes(`fill="${BRAND_COLOUR}"`));
    assert.ok(svg.includes('xlink:href="data:image/png;base64,iVBORw0KGgo="'));
    assert.deepEqual(texts(svg), [
      '邻',
      '近邻银行',
      '不用跑网点，银行就在身边',
      '客户经理 王芳 为您推荐',
      '近邻消费贷',
      '最高可借 200,000 元',
      '微信扫一扫，查看产品详情',
      '客户经理 王芳',
      '北京海淀支行 · 工号 E1024',
      '贷款额度与利率以审批结果为准，请理性借贷',
    ]);
  });

  test('a wealth product carries the risk warning; the account opening none', () => {
    assert.ok(texts(posterSvg(facts({ productType: 'WEALTH' }))).includes('理财非存款，产品有风险，投资须谨慎'));
    assert.equal(texts(posterSvg(facts({ productType: 'ACCOUNT' }))).length, 9);
  });

  test('names are text, never markup', () => {
    const svg = posterSvg(facts({ productName: '<script>x</script>', manager: { name: '王"&\'', staffNo: 'E1', branchName: 'a<b' } }));
    assert.ok(!svg.includes('<script>'));
    assert.ok(svg.includes('&lt;script&gt;x&lt;/script&gt;'));
    assert.ok(svg.includes('客户经理 王&quot;&amp;&apos;'));
    assert.ok(svg.includes('a&lt;b · 工号 E1'));
  });

  test('a long name wraps onto a second line, a longer one ends in an ellipsis', () => {
    assert.deepEqual(nameLines('近邻季季稳 90 天定期理财'), ['近邻季季稳 90 天定期理财']);
    assert.deepEqual(nameLines('近邻银行稳盈一百八十天定期开放式理财'), ['近邻银行稳盈一百八十天定期', '开放式理财']);
    const long = nameLines('一二三四五六七八九十'.repeat(4));
    assert.equal(long.length, 2);
    assert.ok(long[1]!.endsWith('…'));
  });
});
