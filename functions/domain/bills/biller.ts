// Billers are data, not code: operators publish them through the admin API (the demo seed adds
// a dozen). A biller says which category and city it serves, how its account numbers look (checked
// before any gateway call), which amounts it accepts, and which gateway channel reaches it.
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';

export const BILL_CATEGORIES = [
  'WATER',
  'ELECTRICITY',
  'GAS',
  'PHONE',
  'BROADBAND',
  'SOCIAL_SECURITY',
  'HOUSING_FUND',
  'MEDICAL_INSURANCE',
  'PROPERTY_FEE',
  'TUITION',
] as const;
export type BillCategory = (typeof BILL_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<BillCategory, string> = {
  WATER: '水费',
  ELECTRICITY: '电费',
  GAS: '燃气费',
  PHONE: '话费充值',
  BROADBAND: '宽带费',
  SOCIAL_SECURITY: '社保',
  HOUSING_FUND: '公积金',
  MEDICAL_INSURANCE: '医保',
  PROPERTY_FEE: '物业费',
  TUITION: '学费',
};

/** Far more than any regional bank's biller list; every list query stops there. */
export const MAX_BILLERS = 500;
/** The largest single bill payment a biller may accept (50,000 yuan). */
export const MAX_BILL_AMOUNT_FEN = 5_000_000;

const Fen = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(1), z.maximum(MAX_BILL_AMOUNT_FEN)));
const Length = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(4), z.maximum(30)));
/** Names and hints shown to customers: letters, digits and ordinary punctuation only. */
const DisplayText = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[\p{L}\p{N}（）()·、，,。.–\- ]+$/u));

/** How an account number looks. Declarative rather than a regular expression, so an operator's
 *  typo can never make validation slow or accept everything. */
export const accountFormatSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('DIGITS'),
      minLength: Length,
      maxLength: Length,
      /** The number must start with one of these (e.g. a utility's regional prefix). */
      prefixes: z.optional(z.array(z.string().check(z.regex(/^\d{1,6}$/))).check(z.minLength(1), z.maxLength(10))),
      /** Check digit at the end (Luhn, as on many gas and utility cards). */
      checksum: z.optional(z.literal('LUHN')),
    }),
    /** A mainland mobile number (phone top-up). */
    z.strictObject({ kind: z.literal('MOBILE') }),
    /** Upper-case letters, digits and '-' (room codes such as A3-1202, student numbers). */
    z.strictObject({ kind: z.literal('ALNUM'), minLength: Length, maxLength: Length }),
  ]),
);
export type AccountFormat = z.infer<typeof accountFormatSchema>;

/** Which amounts a biller accepts. */
export const amountRuleSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('kind', [
    /** Exactly the bill (social security, tuition…): no bill, nothing to pay. */
    z.strictObject({ kind: z.literal('EXACT') }),
    /** The bill or more, the rest kept as prepayment (utilities); without a bill, a prepayment of
     *  at least minFen. */
    z.strictObject({ kind: z.literal('AT_LEAST_BILL'), minFen: Fen, maxFen: Fen }),
    /** Any amount in the range, in steps (phone top-up); presets are the suggested buttons. */
    z.strictObject({
      kind: z.literal('RANGE'),
      minFen: Fen,
      maxFen: Fen,
      stepFen: Fen,
      presetsFen: z.array(Fen).check(z.maxLength(8)),
    }),
  ]),
);
export type AmountRule = z.infer<typeof amountRuleSchema>;

export const billerSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      billerId: z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)),
      name: DisplayText(2, 40),
      category: z.enum(BILL_CATEGORIES),
      city: z.strictObject({ code: z.string().check(z.regex(/^[a-z]{2,20}$/)), name: z.string().check(z.regex(/^[\u4e00-\u9fa5]{2,10}$/)) }),
      accountNumber: z.strictObject({ label: DisplayText(2, 10), hint: DisplayText(2, 60), format: accountFormatSchema }),
      amountRule: amountRuleSchema,
      /** The gateway channel and the biller's code on it. */
      gateway: z.strictObject({ channel: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,29}$/)), billerCode: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/)) }),
      status: z.enum(['ACTIVE', 'SUSPENDED']),
    })
    .check(
      z.superRefine((biller, ctx) => {
        const format = biller.accountNumber.format;
        if (format.kind !== 'MOBILE' && format.minLength > format.maxLength) {
          ctx.addIssue({ code: 'custom', path: ['accountNumber', 'format'], message: 'minLength > maxLength' });
        }
        if (format.kind === 'DIGITS' && format.prefixes?.some((prefix) => prefix.length >= format.maxLength)) {
          ctx.addIssue({ code: 'custom', path: ['accountNumber', 'format', 'prefixes'], message: 'prefix as long as the number' });
        }
        const rule = biller.amountRule;
        if (rule.kind !== 'EXACT' && rule.minFen > rule.maxFen) {
          ctx.addIssue({ code: 'custom', path: ['amountRule'], message: 'minFen > maxFen' });
        }
        if (rule.kind === 'RANGE') {
          const misfits = rule.presetsFen.filter((fen) => fen < rule.minFen || fen > rule.maxFen || fen % rule.stepFen !== 0);
          if (misfits.length > 0 || rule.minFen % rule.stepFen !== 0) {
            ctx.addIssue({ code: 'custom', path: ['amountRule'], message: 'presets and minFen must be steps within the range' });
          }
        }
      }),
    ),
);
export type Biller = z.infer<typeof billerSchema>;

/** The demo seed: twelve billers over every category, in three cities. */
export const SEED_BILLERS: Biller[] = [
  {
    billerId: 'nj-power',
    name: '国网南京供电公司',
    category: 'ELECTRICITY',
    city: { code: 'nanjing', name: '南京' },
    accountNumber: { label: '户号', hint: '10 位数字，见电费通知单', format: { kind: 'DIGITS', minLength: 10, maxLength: 10 } },
    amountRule: { kind: 'AT_LEAST_BILL', minFen: 1_000, maxFen: 500_000 },
    gateway: { channel: 'sim-bills', billerCode: 'SGCC-NJ' },
    status: 'ACTIVE',
  },
  {
    billerId: 'nj-water',
    name: '南京水务集团',
    category: 'WATER',
    city: { code: 'nanjing', name: '南京' },
    accountNumber: { label: '用户号', hint: '8 位数字，见水费账单', format: { kind: 'DIGITS', minLength: 8, maxLength: 8 } },
    amountRule: { kind: 'AT_LEAST_BILL', minFen: 1_000, maxFen: 200_000 },
    gateway: { channel: 'sim-bills', billerCode: 'NJWATER' },
    status: 'ACTIVE',
  },
  {
    billerId: 'nj-gas',
    name: '南京港华燃气',
    category: 'GAS',
    city: { code: 'nanjing', name: '南京' },
    accountNumber: { label: '燃气卡号', hint: '12 位数字（末位为校验位）', format: { kind: 'DIGITS', minLength: 12, maxLength: 12, checksum: 'LUHN' } },
    amountRule: { kind: 'AT_LEAST_BILL', minFen: 1_000, maxFen: 300_000 },
    gateway: { channel: 'sim-bills', billerCode: 'NJGAS' },
    status: 'ACTIVE',
  },
  {
    billerId: 'js-mobile',
    name: '江苏移动话费充值',
    category: 'PHONE',
    city: { code: 'nanjing', name: '南京' },
    accountNumber: { label: '手机号', hint: '11 位手机号', format: { kind: 'MOBILE' } },
    amountRule: { kind: 'RANGE', minFen: 1_000, maxFen: 50_000, stepFen: 100, presetsFen: [3_000, 5_000, 10_000, 20_000, 30_000, 50_000] },
    gateway: { channel: 'sim-bills', billerCode: 'CMCC-JS' },
    status: 'ACTIVE',
  },
  {
    billerId: 'nj-property',
    name: '南京金陵物业',
    category: 'PROPERTY_FEE',
    city: { code: 'nanjing', name: '南京' },
    accountNumber: { label: '房号', hint: '如 A3-1202', format: { kind: 'ALNUM', minLength: 4, maxLength: 16 } },
    amountRule: { kind: 'EXACT' },
    gateway: { channel: 'sim-bills', billerCode: 'JLWY' },
    status: 'ACTIVE',
  },
  {
    billerId: 'sz-power',
    name: '国网苏州供电公司',
    category: 'ELECTRICITY',
    city: { code: 'suzhou', name: '苏州' },
    accountNumber: { label: '户号', hint: '10 位数字，以 32 开头', format: { kind: 'DIGITS', minLength: 10, maxLength: 10, prefixes: ['32'] } },
    amountRule: { kind: 'AT_LEAST_BILL', minFen: 1_000, maxFen: 500_000 },
    gateway: { channel: 'sim-bills', billerCode: 'SGCC-SZ' },
    status: 'ACTIVE',
  },
  {
    billerId: 'sz-water',
    name: '苏州水务',
    category: 'WATER',
    city: { code: 'suzhou', name: '苏州' },
    accountNumber: { label: '用户号', hint: '9 位数字', format: { kind: 'DIGITS', minLength: 9, maxLength: 9 } },
    amountRule: { kind: 'AT_LEAST_BILL', minFen: 1_000, maxFen: 200_000 },
    gateway: { channel: 'sim-bills', billerCode: 'SZWATER' },
    status: 'ACTIVE',
  },
  {
    billerId: 'sz-broadband',
    name: '苏州电信宽带',
    category: 'BROADBAND',
    city: { code: 'suzhou', name: '苏州' },
    accountNumber: { label: '宽带账号', hint: '8–16 位字母或数字', format: { kind: 'ALNUM', minLength: 8, maxLength: 16 } },
    amountRule: { kind: 'EXACT' },
    gateway: { channel: 'sim-bills', billerCode: 'CT-SZ' },
    status: 'ACTIVE',
  },
  {
    billerId: 'sz-social-security',
    name: '苏州市社会保险基金',
    category: 'SOCIAL_SECURITY',
    city: { code: 'suzhou', name: '苏州' },
    accountNumber: { label: '社保个人编号', hint: '10 位数字', format: { kind: 'DIGITS', minLength: 10, maxLength: 10 } },
    amountRule: { kind: 'EXACT' },
    gateway: { channel: 'sim-bills', billerCode: 'SZSI' },
    status: 'ACTIVE',
  },
  {
    billerId: 'wx-housing-fund',
    name: '无锡市住房公积金中心',
    category: 'HOUSING_FUND',
    city: { code: 'wuxi', name: '无锡' },
    accountNumber: { label: '公积金账号', hint: '12 位数字', format: { kind: 'DIGITS', minLength: 12, maxLength: 12 } },
    amountRule: { kind: 'EXACT' },
    gateway: { channel: 'sim-bills', billerCode: 'WXHF' },
    status: 'ACTIVE',
  },
  {
    billerId: 'wx-medical',
    name: '无锡城乡居民医保',
    category: 'MEDICAL_INSURANCE',
    city: { code: 'wuxi', name: '无锡' },
    accountNumber: { label: '医保编号', hint: '16 位数字', format: { kind: 'DIGITS', minLength: 16, maxLength: 16 } },
    amountRule: { kind: 'EXACT' },
    gateway: { channel: 'sim-bills', billerCode: 'WXMI' },
    status: 'ACTIVE',
  },
  {
    billerId: 'wx-tuition',
    name: '无锡职业技术学院学费',
    category: 'TUITION',
    city: { code: 'wuxi', name: '无锡' },
    accountNumber: { label: '学号', hint: '8–12 位数字', format: { kind: 'DIGITS', minLength: 8, maxLength: 12 } },
    amountRule: { kind: 'EXACT' },
    gateway: { channel: 'sim-bills', billerCode: 'WXVTC' },
    status: 'ACTIVE',
  },
];
