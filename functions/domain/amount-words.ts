// An amount in Chinese capitals (大写), as a bank's review sheet and receipts write it: the rules
// of the People's Bank of China's 《支付结算办法》 — 整 after 元 or 角, never after 分; one 零 for
// any run of zeros between digits; 零 before 分 when 角 is zero.
import { assertFen } from './money.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

/** Up to 9,999 in capitals without group unit, zeros collapsed ("壹仟零伍"). */
function group(value: number): string {
  let text = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    text += (pendingZero ? '零' : '') + DIGITS[digit] + PLACES[place];
    pendingZero = false;
  }
  return text;
}

function yuanWords(yuan: number): string {
  let text = '';
  // Whether zeros were passed since the last digit written (a group's tail or a whole group).
  let zerosSince = false;
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const value = Math.floor(yuan / 10_000 ** g) % 10_000;
    if (value === 0) {
      zerosSince = text !== '';
      continue;
    }
    const needsZero = text !== '' && (zerosSince || value < 1000);
    text += (needsZero ? '零' : '') + group(value) + GROUPS[g];
    zerosSince = value % 10 === 0;
  }
  return text;
}

/** 1000 → "人民币壹拾元整", 100050 → "人民币壹仟元伍角整", 101 → "人民币壹元零壹分". */
export function amountInWords(amountFen: number): string {
  assertFen(amountFen);
  if (amountFen < 0) throw new RangeError('amountInWords takes an amount, not a signed movement');
  if (amountFen >= 10_000 ** GROUPS.length * 100) throw new RangeError(`amount ${amountFen} fen is beyond 万亿`);
  if (amountFen === 0) return '人民币零元整';
  const yuan = Math.floor(amountFen / 100);
  const jiao = Math.floor(amountFen / 10) % 10;
  const fen = amountFen % 10;
  let text = yuan > 0 ? `${yuanWords(yuan)}元` : '';
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  if (fen > 0) text += `${yuan > 0 && jiao === 0 ? '零' : ''}${DIGITS[fen]}分`;
  else text += '整';
  return `人民币${text}`;
}
