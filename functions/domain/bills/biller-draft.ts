// A biller as a product manager drafts it in the console (缴费机构): the same schema the server
// checks a BILLER change with, and each refusal in the form's words, so the console shows under
// each field exactly what the server would refuse.
import { billerSchema, MAX_BILL_AMOUNT_FEN } from './biller.js';
import { type DraftIssue, draftIssues } from '../draft-issues.js';

/** What each field must be, by dotted path (an issue goes to the longest one its path starts with). */
const FIELD_RULES: Record<string, string> = {
  billerId: '机构编号须为 3–40 位小写字母、数字或连字符，以字母开头',
  name: '机构名称须为 2–40 个字符（文字、数字与常用标点）',
  category: '请选择缴费类别',
  'city.code': '城市代码须为 2–20 位小写拼音字母',
  'city.name': '城市名称须为 2–10 个汉字',
  'accountNumber.label': '户号名称须为 2–10 个字符',
  'accountNumber.hint': '填写提示须为 2–60 个字符',
  'accountNumber.format': '户号位数须在 4–30 之间，最短不超过最长',
  'accountNumber.format.prefixes': '号码前缀须为 1–10 个 1–6 位数字，且短于号码',
  amountRule: `金额须在 0.01–${MAX_BILL_AMOUNT_FEN / 100} 元之间，最低不超过最高；固定档位须为步长的整数倍且在范围内`,
  'gateway.channel': '渠道须为 2–30 位小写字母、数字或连字符，以字母开头',
  'gateway.billerCode': '渠道机构代码须为 1–32 位字母、数字、下划线或连字符',
  status: '请选择状态',
};

/** Why the draft would be refused, one issue per field path (none: it would be accepted). */
export const billerDraftIssues = (draft: unknown): DraftIssue[] => draftIssues(billerSchema, { fields: FIELD_RULES, otherwise: '请填写完整的缴费机构信息', atField: true }, draft);
