// Money in the mini-program is integer fen, exactly as the server sends it. Formatting and
// parsing work on digit strings so no binary floating point ever touches an amount.

const GROUPS_OF_THREE = /\B(?=(\d{3})+(?!\d))/g;

/** `123456` → `¥1,234.56`; with `signed`, positive amounts get a leading `+`. */
export function formatFen(amountFen: number, options: { signed?: boolean } = {}): string {
  if (!Number.isSafeInteger(amountFen)) return '—';
  const negative = amountFen < 0;
  const digits = String(Math.abs(amountFen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(GROUPS_OF_THREE, ',');
  const cents = digits.slice(-2);
  const sign = negative ? '-' : options.signed && amountFen > 0 ? '+' : '';
  return `${sign}¥${yuan}.${cents}`;
}

export type ParsedAmount = { ok: true; amountFen: number } | { ok: false; message: string };

// Ten integer digits is far above any single-movement limit and far below 2^53 fen.
const YUAN_PATTERN = /^(\d{1,10})(?:\.(\d*))?$/;

/** Parses what the customer typed in yuan ("100", "100.5", "0.01") into integer fen. */
export function parseYuanToFen(input: string): ParsedAmount {
  const text = input.trim();
  if (text === '') return { ok: false, message: '请输入金额' };
  const match = YUAN_PATTERN.exec(text);
  if (!match) return { ok: false, message: '请输入正确的金额' };
  const integerPart = match[1] ?? '0';
  const fractionPart = match[2] ?? '';
  if (fractionPart.length > 2) return { ok: false, message: '金额最多保留两位小数' };
  const amountFen = Number(integerPart + fractionPart.padEnd(2, '0'));
  if (amountFen <= 0) return { ok: false, message: '金额须大于 0' };
  return { ok: true, amountFen };
}

/** An amount field: what the customer typed (text, so "1." survives typing) and what it parses to. */
export interface TypedAmount {
  text: string;
  parsed: ParsedAmount;
}

export function typedAmount(text: string): TypedAmount {
  return { text, parsed: parseYuanToFen(text) };
}

/** Fen the server sent, written back into an amount field: `1250` → `12.50`, a string operation
 *  on the digits. */
export function yuanInputText(amountFen: number): string {
  const digits = String(amountFen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
