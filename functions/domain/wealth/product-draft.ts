// A wealth product as a product manager drafts it in the console: the product without its version
// (publishing numbers it). One schema for the server's check and the form's inline messages, so
// the console shows under each field exactly what the server would refuse.
import * as z from 'zod/mini';
import { wealthProductRules, wealthProductShape } from './product.js';
import { lazySchema } from '../lazy-schema.js';
import { type DraftIssue, draftIssues } from '../draft-issues.js';

export const wealthProductDraftSchema = /* @__PURE__ */ lazySchema(() => {
  const { version: _version, ...draftShape } = wealthProductShape;
  return z.strictObject(draftShape).check(wealthProductRules);
});
export type WealthProductDraft = z.infer<typeof wealthProductDraftSchema>;

/** What each field must be, in the form's words (a rule across fields says its own). */
const FIELD_RULES: Record<keyof WealthProductDraft, string> = {
  productId: '产品编号须为 3–40 位小写字母、数字或连字符，以字母开头',
  name: '产品名称须为 1–40 个字符',
  type: '请选择产品类型',
  issuerType: '请选择发行机构类型',
  issuerName: '发行机构名称须为 1–40 个字符',
  offering: '请选择募集方式',
  riskLevel: '请选择风险等级',
  status: '请选择申购状态',
  minPurchaseFen: '起购金额须在 0.01 元至 1,000,000 元之间',
  stepFen: '递增金额须在 0.01 元至 1,000,000 元之间',
  maxPurchaseFen: '单笔上限须在 0.01 元至 1,000,000 元之间',
  subscriptionOpensOn: '请选择募集开始日',
  subscriptionClosesOn: '募集结束日须为有效日期，或留空表示长期开放',
  termDays: '期限须为 1–3650 天',
  maturityDate: '到期日须为有效日期',
  benchmarkBps: '业绩比较基准须在 0–10000 个基点之间，或留空',
  coolingOffHours: '冷静期须在 0–720 小时之间',
  fees: '各项费率须在 0–1000 个基点之间',
  disclosureVersion: '风险揭示书版本须为 1–40 位字母、数字、点、下划线或连字符',
  description: '产品说明不超过 200 个字符',
};

/** Why the draft would be refused, one issue per field path (none: it would be accepted). */
export const wealthProductDraftIssues = (draft: unknown): DraftIssue[] => draftIssues(wealthProductDraftSchema, { fields: FIELD_RULES, otherwise: '请填写完整的产品信息', refinementsSpeak: true }, draft);
