// Merchants a partner brings (商户进件): the community grocery, the clinic, the canteen. A partner
// proposes one; the bank vets it before it may take a payment (the acquirer's duty to know its
// merchants), so a proposal starts PENDING_REVIEW. The settlement account is at another bank and
// belongs to the merchant: its holder must be the merchant's registered name.
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';

export const MERCHANT_CATEGORIES = ['PROPERTY', 'GROCERY', 'CLINIC', 'CANTEEN', 'CONVENIENCE', 'HOME_SERVICES'] as const;
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];
export const MERCHANT_CATEGORY_LABELS: Record<MerchantCategory, string> = {
  PROPERTY: '物业服务',
  GROCERY: '生鲜超市',
  CLINIC: '社区诊所',
  CANTEEN: '学校食堂',
  CONVENIENCE: '便利店',
  HOME_SERVICES: '家政维修',
};

export const MERCHANT_STATUSES = ['PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];
export const MERCHANT_STATUS_LABELS: Record<MerchantStatus, string> = {
  PENDING_REVIEW: '待银行审核',
  ACTIVE: '可收款',
  REJECTED: '审核未通过',
  SUSPENDED: '已暂停收款',
};

/** The settlement gateway's answer on who holds a merchant's settlement account: an approval needs MATCH. */
export const HOLDER_CHECK_RESULTS = ['MATCH', 'MISMATCH', 'ACCOUNT_NOT_FOUND'] as const;
export type HolderCheckResult = (typeof HOLDER_CHECK_RESULTS)[number];
export const HOLDER_CHECK_LABELS: Record<HolderCheckResult, string> = { MATCH: '户名一致', MISMATCH: '户名不一致', ACCOUNT_NOT_FOUND: '账户不存在' };

/** The bank's decision on a proposed merchant (maker-checker kind MERCHANT_REVIEW). */
export const MERCHANT_REVIEW_DECISIONS = ['APPROVE', 'REJECT'] as const;
export type MerchantReviewDecision = (typeof MERCHANT_REVIEW_DECISIONS)[number];
export const MERCHANT_REVIEW_DECISION_LABELS: Record<MerchantReviewDecision, string> = { APPROVE: '通过', REJECT: '不通过' };
export const REVIEW_NOTE_MAX_LENGTH = 200;

/** Merchants one partner may bring: a page of the partner's list stops at MERCHANT_PAGE_SIZE. */
export const MAX_MERCHANTS_PER_PARTNER = 10_000;
export const MERCHANT_PAGE_SIZE = 50;
/** The zone's community picker lists at most this many; a community's merchants come 20 a page. */
export const MAX_COMMUNITIES = 100;
export const COMMUNITY_MERCHANT_PAGE = 20;

export const MERCHANT_ID_PATTERN = /^M[0-9A-Z]{15}$/;
/** The partner's own number for the merchant: unique among its merchants. */
export const OUT_MERCHANT_NO_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** 统一社会信用代码 (GB 32100-2015): 18 characters of this alphabet, the last a check character. */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isUnifiedCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = CREDIT_CODE_WEIGHTS.reduce((total, weight, i) => total + CREDIT_CODE_ALPHABET.indexOf(code[i]!) * weight, 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

const Text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[\p{L}\p{N}（）()·、，,\- ]+$/u));

export const merchantProposalSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    outMerchantNo: z.string().check(z.regex(OUT_MERCHANT_NO_PATTERN)),
    /** The registered name, as on the business licence. */
    name: Text(2, 40),
    /** What customers see (邻里鲜·幸福里店). */
    shortName: Text(2, 16),
    licenceNo: z.string().check(z.refine(isUnifiedCreditCode, '统一社会信用代码无效')),
    category: z.enum(MERCHANT_CATEGORIES),
    community: z.strictObject({
      name: Text(2, 30),
      /** The administrative division code (GB/T 2260) of the city or district. */
      cityCode: z.string().check(z.regex(/^\d{6}$/)),
    }),
    settlementAccount: z.strictObject({
      bankName: Text(2, 40),
      accountNumber: z.string().check(z.regex(/^\d{8,30}$/)),
      holderName: Text(2, 40),
    }),
  }),
);
export type MerchantProposal = z.infer<typeof merchantProposalSchema>;

export interface Merchant {
  merchantId: string;
  partnerId: string;
  outMerchantNo: string;
  name: string;
  shortName: string;
  licenceNo: string;
  category: MerchantCategory;
  community: { name: string; cityCode: string };
  /** The settlement account as every screen shows it: the number masked. */
  settlementAccount: { bankName: string; accountNumberMasked: string; holderName: string };
  status: MerchantStatus;
  proposedAt: string;
  /** The bank's word on a rejection, shown to the partner. */
  reviewNote?: string;
}

/** An account number as shown: its last four digits. */
export const maskSettlementAccount = (accountNumber: string) => `****${accountNumber.slice(-4)}`;
