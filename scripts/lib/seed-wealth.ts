// Demo wealth products, modelled on China Merchants Bank's "1-fen" (0.01 yuan) products sold in its
// app during the 2020 lockdown: a money-market fund from 0.01 yuan, a 90-day fixed-term product and
// funds from 0.01 yuan, and a bank-issued public product from 10,000 yuan — risk levels R1 to R4.
// Seeded once each, with 30 days of NAV / yield history ending on the business date, so the
// charts have something to show; afterwards operators change products, NAVs and yields through the
// console's maker-checker changes (理财产品 in 产品工厂).
import { addDays } from '../../functions/domain/loan/dates.js';
import { MONEY_MARKET_NAV_CENTI_FEN, type WealthProduct, wealthProductSchema } from '../../functions/domain/wealth/product.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import { seedWealthProduct } from '../../functions/services/wealth-products.js';
import { currentWealthProduct, putPrice } from '../../functions/store/wealth.js';

const HISTORY_DAYS = 30;

const noFees = { managementBpsPerYear: 0, custodyBpsPerYear: 0, salesServiceBpsPerYear: 0 };

/** The demo products, dated from the business date they are first seeded on. */
export function demoWealthProducts(today: string): WealthProduct[] {
  const fixedCloses = addDays(today, 30);
  const bankCloses = addDays(today, 14);
  return [
    {
      productId: 'zhaozhao-money',
      version: 1,
      name: '近邻朝朝盈货币基金',
      type: 'MONEY_MARKET',
      issuerType: 'FUND',
      issuerName: '近邻基金管理有限公司',
      offering: 'PUBLIC',
      riskLevel: 'R1',
      status: 'OPEN',
      minPurchaseFen: 1,
      stepFen: 1,
      maxPurchaseFen: 50_000_000,
      subscriptionOpensOn: addDays(today, -HISTORY_DAYS),
      subscriptionClosesOn: null,
      termDays: null,
      maturityDate: null,
      coolingOffHours: 0,
      fees: { managementBpsPerYear: 15, custodyBpsPerYear: 5, salesServiceBpsPerYear: 1 },
      disclosureVersion: 'zhaozhao-money-2025-06',
      description: '0.01 元起购，快速赎回实时到账，每日收益转为份额。',
    },
    {
      productId: 'jijiwen-90d',
      version: 1,
      name: '近邻季季稳 90 天定期理财',
      type: 'FIXED_TERM',
      issuerType: 'WEALTH_SUBSIDIARY',
      issuerName: '近邻理财有限责任公司',
      offering: 'PUBLIC',
      riskLevel: 'R2',
      status: 'OPEN',
      minPurchaseFen: 1,
      stepFen: 1,
      maxPurchaseFen: 100_000_000,
      subscriptionOpensOn: today,
      subscriptionClosesOn: fixedCloses,
      termDays: 90,
      maturityDate: addDays(fixedCloses, 90),
      benchmarkBps: 280,
      coolingOffHours: 24,
      fees: { managementBpsPerYear: 30, custodyBpsPerYear: 2, salesServiceBpsPerYear: 20 },
      disclosureVersion: 'jijiwen-90d-2025-06',
      description: '0.01 元起购，封闭 90 天，到期自动赎回至电子账户。',
    },
    {
      productId: 'anxin-bond',
      version: 1,
      name: '近邻安心债券基金 A',
      type: 'BOND_FUND',
      issuerType: 'FUND',
      issuerName: '近邻基金管理有限公司',
      offering: 'PUBLIC',
      riskLevel: 'R3',
      status: 'OPEN',
      minPurchaseFen: 1,
      stepFen: 1,
      maxPurchaseFen: 100_000_000,
      subscriptionOpensOn: addDays(today, -HISTORY_DAYS),
      subscriptionClosesOn: null,
      termDays: null,
      maturityDate: null,
      coolingOffHours: 0,
      fees: { managementBpsPerYear: 30, custodyBpsPerYear: 10, salesServiceBpsPerYear: 0 },
      disclosureVersion: 'anxin-bond-2025-06',
      description: '0.01 元起购，主投利率债与高等级信用债，少量可转债。',
    },
    {
      productId: 'youxuan-mixed',
      version: 1,
      name: '近邻优选混合基金',
      type: 'MIXED_FUND',
      issuerType: 'FUND',
      issuerName: '近邻基金管理有限公司',
      offering: 'PUBLIC',
      riskLevel: 'R4',
      status: 'OPEN',
      minPurchaseFen: 1,
      stepFen: 1,
      maxPurchaseFen: 100_000_000,
      subscriptionOpensOn: addDays(today, -HISTORY_DAYS),
      subscriptionClosesOn: null,
      termDays: null,
      maturityDate: null,
      coolingOffHours: 0,
      fees: { managementBpsPerYear: 120, custodyBpsPerYear: 20, salesServiceBpsPerYear: 0 },
      disclosureVersion: 'youxuan-mixed-2025-06',
      description: '0.01 元起购，股债灵活配置，净值波动较大。',
    },
    {
      productId: 'wenying-180d',
      version: 1,
      name: '近邻银行稳盈 180 天',
      type: 'FIXED_TERM',
      issuerType: 'BANK_PUBLIC',
      issuerName: '近邻银行',
      offering: 'PUBLIC',
      riskLevel: 'R2',
      status: 'OPEN',
      minPurchaseFen: 1_000_000,
      stepFen: 100_000,
      maxPurchaseFen: 100_000_000,
      subscriptionOpensOn: today,
      subscriptionClosesOn: bankCloses,
      termDays: 180,
      maturityDate: addDays(bankCloses, 180),
      benchmarkBps: 260,
      coolingOffHours: 24,
      fees: noFees,
      disclosureVersion: 'wenying-180d-2025-06',
      description: '1 万元起购，按 1,000 元递增，封闭 180 天。',
    },
  ].map((product) => wealthProductSchema.parse(product));
}

/** A gentle, repeatable wave of `amplitude` around `base` (integers only). */
const wave = (base: number, amplitude: number, day: number) => base + Math.round(amplitude * Math.sin(day / 3)) + Math.floor(day / 6);

async function seedHistory(product: WealthProduct, today: string, now: Date): Promise<void> {
  const from = product.subscriptionOpensOn > addDays(today, -HISTORY_DAYS) ? product.subscriptionOpensOn : addDays(today, -HISTORY_DAYS);
  for (let date = from, day = 0; date <= today; date = addDays(date, 1), day++) {
    const price =
      product.type === 'MONEY_MARKET'
        ? { navCentiFen: MONEY_MARKET_NAV_CENTI_FEN, sevenDayYieldBps: wave(158, 6, day), incomePer10kCentiFen: wave(4_330, 160, day) }
        : product.type === 'FIXED_TERM'
          ? { navCentiFen: MONEY_MARKET_NAV_CENTI_FEN, sevenDayYieldBps: null, incomePer10kCentiFen: null }
          : { navCentiFen: product.type === 'BOND_FUND' ? wave(10_512, 8, day) : wave(12_345, 160, day), sevenDayYieldBps: null, incomePer10kCentiFen: null };
    await putPrice({ productId: product.productId, date, ...price }, now, { replace: false });
  }
}

export async function seedWealth(now: Date): Promise<void> {
  const today = await currentBusinessDate(now);
  for (const product of demoWealthProducts(today)) {
    if (await currentWealthProduct(product.productId)) continue;
    await seedWealthProduct(product, now);
    await seedHistory(product, today, now);
  }
}
