// A biller's rules in the words customers and product managers read them: how its account number
// looks and which amounts it takes — formatted from the biller as stored, nothing computed.
import type { AccountFormat, AmountRule } from '../../../../../functions/domain/bills/biller';
import { formatYuan } from '../../../../../functions/domain/format';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

export function describeFormat(format: AccountFormat): string {
  if (format.kind === 'MOBILE') return '11 位手机号';
  const length = format.minLength === format.maxLength ? `${format.minLength} 位` : `${format.minLength}–${format.maxLength} 位`;
  if (format.kind === 'ALNUM') return `${length}大写字母、数字或“-”`;
  const prefixes = format.prefixes?.length ? `，以 ${format.prefixes.join(' / ')} 开头` : '';
  return `${length}数字${prefixes}${format.checksum === 'LUHN' ? '，末位为校验位' : ''}`;
}

export function describeAmount(rule: AmountRule): string {
  if (rule.kind === 'EXACT') return '按账单金额缴纳，无账单不可缴';
  if (rule.kind === 'AT_LEAST_BILL') return `不低于账单金额，多缴部分预存；无账单时预存 ${yuan(rule.minFen)} 起，单笔最高 ${yuan(rule.maxFen)}`;
  const presets = rule.presetsFen.length ? `；快捷金额 ${rule.presetsFen.map(yuan).join('、')}` : '';
  return `${yuan(rule.minFen)}–${yuan(rule.maxFen)}，按 ${yuan(rule.stepFen)} 递增${presets}`;
}
