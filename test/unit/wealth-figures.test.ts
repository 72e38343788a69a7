// The wealth screens' figures: total assets with money in transit (each fen once), the headline of
// each product kind, and the chart's sampling and axis.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  chartOf,
  formatSignedBps,
  headline,
  holdingMoney,
  navReturnBps,
  periodStart,
  samplePoints,
  totalAssets,
} from '../../functions/domain/wealth/figures.js';

describe('total assets', () => {
  test('¥1,500.01 just bought counts once, in transit; confirmed, once as market value', () => {
    const bought = holdingMoney({ unitsCenti: 0, frozenUnitsCenti: 0, navCentiFen: 10_000, pendingPurchaseFen: 150_001 });
    assert.deepEqual(totalAssets([bought]), { totalAssetsFen: 150_001, heldValueFen: 0, inTransitFen: 150_001, pendingPurchaseFen: 150_001, pendingRedemptionFen: 0 });
    const confirmed = holdingMoney({ unitsCenti: 150_001, frozenUnitsCenti: 0, navCentiFen: 10_000, pendingPurchaseFen: 0 });
    assert.deepEqual(totalAssets([confirmed]), { totalAssetsFen: 150_001, heldValueFen: 150_001, inTransitFen: 0, pendingPurchaseFen: 0, pendingRedemptionFen: 0 });
  });

  test('units in a normal redemption stay in the total once, shown in transit', () => {
    // 977.13 units at 1.0234 = ¥999.99; 500 of them redeeming = ¥511.70.
    const line = holdingMoney({ unitsCenti: 97_713, frozenUnitsCenti: 50_000, navCentiFen: 10_234, pendingPurchaseFen: 0 });
    assert.deepEqual(line, { marketValueFen: 99_999, pendingRedemptionFen: 51_170, pendingPurchaseFen: 0 });
    const totals = totalAssets([line]);
    assert.equal(totals.totalAssetsFen, 99_999);
    assert.equal(totals.heldValueFen + totals.inTransitFen, totals.totalAssetsFen);
  });

  test('no NAV yet: the units are worth nothing shown, the pending purchase still counts', () => {
    assert.deepEqual(holdingMoney({ unitsCenti: 0, frozenUnitsCenti: 0, navCentiFen: null, pendingPurchaseFen: 100 }), { marketValueFen: 0, pendingRedemptionFen: 0, pendingPurchaseFen: 100 });
  });

  test('property: held + in transit = total = Σ market value + Σ pending purchases', () => {
    const line = fc
      .record({ unitsCenti: fc.integer({ min: 0, max: 10_000_000_000 }), navCentiFen: fc.integer({ min: 1, max: 10_000_000 }), pendingPurchaseFen: fc.integer({ min: 0, max: 100_000_000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ unitsCenti, share, ...rest }) => ({ unitsCenti, frozenUnitsCenti: Math.floor(unitsCenti * share), ...rest }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const money = lines.map(holdingMoney);
        const totals = totalAssets(money);
        const market = money.reduce((sum, each) => sum + each.marketValueFen, 0);
        const pending = lines.reduce((sum, each) => sum + each.pendingPurchaseFen, 0);
        assert.equal(totals.totalAssetsFen, market + pending);
        assert.equal(totals.heldValueFen + totals.inTransitFen, totals.totalAssetsFen);
        assert.ok(totals.heldValueFen >= 0);
      }),
    );
  });
});

describe('headline', () => {
  test('money-market: the 7-day annualized yield published with the latest income', () => {
    assert.deepEqual(headline({ type: 'MONEY_MARKET', latest: { date: '2026-03-07', sevenDayYieldBps: 158 } }), {
      kind: 'SEVEN_DAY_YIELD',
      label: '七日年化',
      rateBps: 158,
      display: '1.58%',
      date: '2026-03-07',
    });
    const unpublished = headline({ type: 'MONEY_MARKET', latest: { date: '2026-03-07', sevenDayYieldBps: null } });
    assert.deepEqual([unpublished.rateBps, unpublished.display, unpublished.date], [null, '—', null]);
    assert.equal(headline({ type: 'MONEY_MARKET', latest: undefined }).display, '—', 'no price yet');
  });

  test('fixed-term: the benchmark stated on the product', () => {
    assert.deepEqual(headline({ type: 'FIXED_TERM', benchmarkBps: 260 }), { kind: 'BENCHMARK', label: '业绩比较基准', rateBps: 260, display: '2.60%', date: null });
    assert.equal(headline({ type: 'FIXED_TERM', benchmarkBps: null }).display, '—');
  });

  test('funds: the 1-year return from NAVs, signed; younger than a year, since inception', () => {
    const year = headline({ type: 'BOND_FUND', latest: { date: '2026-03-01', navCentiFen: 10_512 }, yearBefore: { date: '2025-03-01', navCentiFen: 10_200 }, first: undefined });
    // (10,512 − 10,200) / 10,200 = 3.0588% → 306 bps.
    assert.deepEqual(year, { kind: 'ONE_YEAR_RETURN', label: '近1年收益率', rateBps: 306, display: '+3.06%', date: '2026-03-01' });
    const young = headline({ type: 'MIXED_FUND', latest: { date: '2026-03-01', navCentiFen: 12_000 }, yearBefore: undefined, first: { date: '2026-01-01', navCentiFen: 12_345 } });
    assert.deepEqual([young.kind, young.label, young.rateBps, young.display], ['SINCE_INCEPTION_RETURN', '成立以来收益率', -279, '-2.79%']);
    const none = headline({ type: 'MIXED_FUND', latest: undefined, yearBefore: undefined, first: undefined });
    assert.deepEqual([none.rateBps, none.display], [null, '—']);
  });

  test('returns and signs', () => {
    assert.equal(navReturnBps(10_000, 10_000), 0);
    assert.equal(navReturnBps(10_000, 10_001), 1);
    assert.equal(navReturnBps(10_000, 9_999), -1);
    assert.deepEqual([formatSignedBps(0), formatSignedBps(5), formatSignedBps(-1_234)], ['0.00%', '+0.05%', '-12.34%']);
  });
});

describe('chart', () => {
  test('periods end today', () => {
    assert.deepEqual(
      (['1M', '3M', '1Y', 'ALL'] as const).map((period) => periodStart(period, '2026-03-31')),
      ['2026-02-28', '2025-12-31', '2025-03-31', null],
    );
  });

  test('sampling keeps at most the limit, the first and the last', () => {
    const points = Array.from({ length: 365 }, (_, index) => index);
    const sampled = samplePoints(points, 60);
    assert.equal(sampled.length, 60);
    assert.deepEqual([sampled[0], sampled.at(-1)], [0, 364]);
    assert.ok(sampled.every((value, index) => index === 0 || value > sampled[index - 1]!), 'in order, no repeats');
    assert.deepEqual(samplePoints([1, 2, 3], 60), [1, 2, 3]);
  });

  test('the axis spans low to high with a margin; points sit on it', () => {
    const { points, axis } = chartOf(
      [
        { date: '2026-03-01', value: 10_000 },
        { date: '2026-03-02', value: 10_100 },
        { date: '2026-03-03', value: 10_050 },
      ],
      String,
    );
    // Margin 10 each side: 9,990 … 10,110.
    assert.deepEqual(points.map((point) => point.yPermille), [83, 917, 500]);
    assert.deepEqual(axis.ticks, [
      { display: '10000', yPermille: 83 },
      { display: '10050', yPermille: 500 },
      { display: '10100', yPermille: 917 },
    ]);
    const flat = chartOf([{ date: '2026-03-01', value: 158 }, { date: '2026-03-02', value: 158 }], String);
    assert.deepEqual([flat.points.map((point) => point.yPermille), flat.axis.ticks.length], [[500, 500], 1]);
    assert.deepEqual(chartOf([], String), { points: [], axis: { ticks: [] } });
  });
});
