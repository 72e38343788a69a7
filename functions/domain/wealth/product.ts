// Wealth products (理财) are data: operators publish them (and new versions of them) through the
// console's maker-checker changes, no deploy. The schema is the gate every product passes, seeded
// or published.
//
// Units and prices are integers: units in hundredths (`unitsCenti`, 1 unit = 100), the NAV per
// unit in hundredths of a fen (`navCentiFen`, 1.0234 yuan = 10234). Money-market funds keep the
// NAV at 1.0000 and publish a 7-day annualized yield and the income per 10,000 units instead.
import * as z from 'zod/mini';
import { formatYuan } from '../format.js';
import { lazySchema } from '../lazy-schema.js';

export const WEALTH_PRODUCT_TYPES = ['MONEY_MARKET', 'FIXED_TERM', 'BOND_FUND', 'MIXED_FUND'] as const;
export type WealthProductType = (typeof WEALTH_PRODUCT_TYPES)[number];
export const PRODUCT_TYPE_LABELS: Record<WealthProductType, string> = {
  MONEY_MARKET: '货币基金',
  FIXED_TERM: '定期理财',
  BOND_FUND: '债券基金',
  MIXED_FUND: '混合基金',
};

export const ISSUER_TYPES = ['BANK_PUBLIC', 'WEALTH_SUBSIDIARY', 'FUND'] as const;
export type IssuerType = (typeof ISSUER_TYPES)[number];
export const ISSUER_TYPE_LABELS: Record<IssuerType, string> = {
  BANK_PUBLIC: '本行公募理财',
  WEALTH_SUBSIDIARY: '理财子公司',
  FUND: '公募基金',
};

export const OFFERINGS = ['PUBLIC', 'PRIVATE'] as const;
export type Offering = (typeof OFFERINGS)[number];

export const RISK_LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  R1: 'R1 低风险',
  R2: 'R2 中低风险',
  R3: 'R3 中风险',
  R4: 'R4 中高风险',
  R5: 'R5 高风险',
};

/** NAV of a money-market fund: always 1.0000 yuan a unit. */
export const MONEY_MARKET_NAV_CENTI_FEN = 10_000;
/** Private products must give at least 24 hours to change one's mind (资管新规 / 理财办法). */
export const MIN_PRIVATE_COOLING_OFF_HOURS = 24;
/** 10,000 yuan: the floor for bank-issued public products under the 2018 wealth rules. */
export const BANK_PUBLIC_MIN_PURCHASE_FEN = 1_000_000;
/** The largest amount one order may carry (the API's single-movement ceiling). */
export const MAX_ORDER_FEN = 100_000_000;
/** NAVs between 0.0001 and 1,000 yuan a unit. */
export const MAX_NAV_CENTI_FEN = 10_000_000;

const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date());
const bpsPerYear = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(0), z.maximum(1_000)));

/** A product's fields; `version` is numbered by publishing (a draft has none: ./product-draft.ts). */
export const wealthProductShape = /* @__PURE__ */ lazySchema(() => ({
  productId: z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)),
  version: z.int().check(z.minimum(1), z.maximum(10_000)),
  name: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[^\p{Cc}\p{Cf}\p{Cs}]+$/u)),
  type: z.enum(WEALTH_PRODUCT_TYPES),
  issuerType: z.enum(ISSUER_TYPES),
  issuerName: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[^\p{Cc}\p{Cf}\p{Cs}]+$/u)),
  offering: z.enum(OFFERINGS),
  riskLevel: z.enum(RISK_LEVELS),
  /** Operators open and close subscriptions; a closed product still redeems and pays income. */
  status: z.enum(['OPEN', 'CLOSED']),
  minPurchaseFen: z.int().check(z.minimum(1), z.maximum(MAX_ORDER_FEN)),
  /** An amount above the minimum must be the minimum plus whole steps. */
  stepFen: z.int().check(z.minimum(1), z.maximum(MAX_ORDER_FEN)),
  maxPurchaseFen: z.int().check(z.minimum(1), z.maximum(MAX_ORDER_FEN)),
  subscriptionOpensOn: IsoDate,
  /** null: open-ended (no closing date). */
  subscriptionClosesOn: z.nullable(IsoDate),
  /** Fixed-term only: the stated term and the date every unit is redeemed automatically. */
  termDays: z.nullable(z.int().check(z.minimum(1), z.maximum(3_650))),
  maturityDate: z.nullable(IsoDate),
  /** Fixed-term only: the performance benchmark (业绩比较基准) the issuer states, a yearly rate
   *  in bps — what such products are compared by. Absent on versions published before it. */
  benchmarkBps: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(10_000)))),
  coolingOffHours: z.int().check(z.minimum(0), z.maximum(720)),
  /** Annual fees. They accrue inside the NAV / yield the issuer publishes, so no fee moves
   *  through Jinlin's ledger: they are shown so the customer knows what the return is net of. */
  fees: z.strictObject({ managementBpsPerYear: bpsPerYear, custodyBpsPerYear: bpsPerYear, salesServiceBpsPerYear: bpsPerYear }),
  /** The risk disclosure text version a purchase must acknowledge. */
  disclosureVersion: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[A-Za-z0-9._-]+$/)),
  description: z.string().check(z.maxLength(200), z.regex(/^[^\p{Cc}\p{Cf}\p{Cs}]*$/u)),
}));

type ProductFields = z.infer<z.ZodMiniObject<typeof wealthProductShape>>;

/** The rules across fields (the regulator's and the product's own), in the words the console's
 *  form shows under the field named by each issue's path. */
export const wealthProductRules = /* @__PURE__ */ lazySchema(() =>
  z.superRefine((product: Omit<ProductFields, 'version'>, ctx) => {
    const problem = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (product.minPurchaseFen > product.maxPurchaseFen) problem('起购金额不能高于单笔上限', 'minPurchaseFen');
    if (product.offering === 'PRIVATE' && product.coolingOffHours < MIN_PRIVATE_COOLING_OFF_HOURS) {
      problem(`私募产品的冷静期不少于 ${MIN_PRIVATE_COOLING_OFF_HOURS} 小时`, 'coolingOffHours');
    }
    if (product.issuerType === 'BANK_PUBLIC' && product.minPurchaseFen < BANK_PUBLIC_MIN_PURCHASE_FEN) {
      problem('本行公募理财起购金额不低于 1 万元', 'minPurchaseFen');
    }
    if (product.subscriptionClosesOn !== null && product.subscriptionClosesOn < product.subscriptionOpensOn) {
      problem('募集结束日不能早于募集开始日', 'subscriptionClosesOn');
    }
    if (product.type === 'FIXED_TERM') {
      if (product.termDays === null || product.maturityDate === null || product.subscriptionClosesOn === null) {
        problem('定期理财须填写期限、到期日和募集结束日', 'maturityDate');
      } else if (product.maturityDate <= product.subscriptionClosesOn) {
        problem('到期日须晚于募集结束日', 'maturityDate');
      }
    } else if (product.termDays !== null || product.maturityDate !== null) {
      problem('只有定期理财有期限和到期日', 'maturityDate');
    }
    if (product.type !== 'FIXED_TERM' && product.benchmarkBps != null) problem('只有定期理财有业绩比较基准', 'benchmarkBps');
  }),
);

export const wealthProductSchema = /* @__PURE__ */ lazySchema(() => z.strictObject(wealthProductShape).check(wealthProductRules));

export type WealthProduct = z.infer<typeof wealthProductSchema>;

export const isMoneyMarket = (product: Pick<WealthProduct, 'type'>): boolean => product.type === 'MONEY_MARKET';

/** The NAV a product's units are worth at now: a money-market fund's is fixed at 1.0000; another's
 *  is its latest published one (`latest`), none before the first. */
export const currentNavCentiFen = (product: Pick<WealthProduct, 'type'>, latest: { navCentiFen: number } | undefined): number | null =>
  isMoneyMarket(product) ? MONEY_MARKET_NAV_CENTI_FEN : (latest?.navCentiFen ?? null);

/** "¥0.01 起购" and the like: the purchase rule in words, from integers only. */
export function purchaseRuleText(product: WealthProduct): string {
  const step = product.stepFen === product.minPurchaseFen ? '' : `，按 ${formatYuan(product.stepFen)} 元递增`;
  return `${formatYuan(product.minPurchaseFen)} 元起购${step}`;
}

/** The risk disclosure (风险揭示书) a purchase acknowledges; its version is the product's. */
export function riskDisclosure(product: WealthProduct): { version: string; title: string; text: string } {
  const term = product.type === 'FIXED_TERM' ? `本产品为封闭式产品，期限 ${product.termDays} 天，${product.maturityDate} 到期后自动赎回至您的电子账户，封闭期内不可赎回。` : '';
  const coolingOff = product.coolingOffHours > 0 ? `本产品设有 ${product.coolingOffHours} 小时投资冷静期，冷静期内您可撤销购买，已付款项全额退回。` : '';
  return {
    version: product.disclosureVersion,
    title: `${product.name}风险揭示书`,
    text:
      `理财非存款，产品有风险，投资须谨慎。本产品风险等级为 ${RISK_LEVEL_LABELS[product.riskLevel]}，由${product.issuerName}发行，` +
      '不保证本金和收益，过往业绩不代表未来表现，您可能因市场波动损失部分甚至全部本金。' +
      `申购款于付款时从电子账户扣划，份额在下一营业日按当日净值确认。${term}${coolingOff}` +
      '请确认您已阅读并理解产品说明书及本风险揭示书，并自愿承担投资风险。',
  };
}
