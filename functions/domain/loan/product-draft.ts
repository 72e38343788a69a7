// A loan product as a product manager drafts it in the console: the product without its version
// (publishing numbers it). One schema for the server's check and the form's inline messages, so
// the console shows under each field exactly what the server would refuse.
import * as z from 'zod/mini';
import { loanProductSchema } from './product.js';
import { lazySchema } from '../lazy-schema.js';
import { type DraftIssue, draftIssues } from '../draft-issues.js';

/** Text a product manager types: no control or invisible format characters (what customers read). */
const Typed = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(/^(?:[^\p{Cc}\p{Cf}\p{Cs}]|[\u200c\u200d])*$/u));

export const loanProductDraftSchema = /* @__PURE__ */ lazySchema(() => {
  const { version: _version, ...draftShape } = loanProductSchema.shape;
  return z
    .strictObject({ ...draftShape, name: Typed(40), disclosureVersion: Typed(40) })
    .check(z.refine((draft) => draft.minAmountFen <= draft.maxAmountFen, { message: 'minAmountFen must not exceed maxAmountFen', path: ['maxAmountFen'] }));
});
export type LoanProductDraft = z.infer<typeof loanProductDraftSchema>;

/** What each field must be, in the form's words. */
const FIELD_RULES: Record<keyof LoanProductDraft, string> = {
  productId: '产品编号须为 3–40 位小写字母、数字或连字符，以字母开头',
  name: '产品名称须为 1–40 个字符',
  kind: '请选择产品类型',
  minAmountFen: '最低借款金额须在 1,000 元至 1,000,000 元之间',
  maxAmountFen: '最高借款金额须在 1,000 元至 1,000,000 元之间，且不低于最低借款金额',
  termsMonths: '期限须为 1–12 个 1–120 之间的月数，按从小到大排列',
  methods: '请至少选择一种还款方式，且不能重复',
  spreadBpsByGrade: '请至少为一个风险等级定价，利差须在 0–2400 个基点之间',
  rateCapBps: '利率上限须在 1–2400 个基点之间',
  penaltyRateMarkupPercent: '罚息上浮比例须在 30%–50% 之间',
  coolingOffDays: '冷静期须在 0–15 天之间',
  disclosureVersion: '信息披露版本须为 1–40 个字符',
  purposes: '请至少选择一种借款用途，且不能重复',
  requiresBusinessLicence: '请选择是否需要营业执照',
};

/** Why the draft would be refused, one issue per field path (none: it would be accepted). */
export const loanProductDraftIssues = (draft: unknown): DraftIssue[] => draftIssues(loanProductDraftSchema, { fields: FIELD_RULES, otherwise: '请填写完整的产品信息' }, draft);
