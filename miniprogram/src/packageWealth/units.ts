// Units typed by the customer ("100", "12.5") into integer hundredths, on digit strings only, and
// back for prefilling the field. The server decides what the units are worth.

export type ParsedUnits = { ok: true; unitsCenti: number } | { ok: false; message: string };

const UNITS_PATTERN = /^(\d{1,10})(?:\.(\d*))?$/;

export function parseUnits(input: string): ParsedUnits {
  const text = input.trim();
  if (text === '') return { ok: false, message: '请输入赎回份额' };
  const match = UNITS_PATTERN.exec(text);
  if (!match) return { ok: false, message: '请输入正确的份额' };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, message: '份额最多保留两位小数' };
  const unitsCenti = Number((match[1] ?? '0') + fraction.padEnd(2, '0'));
  if (unitsCenti <= 0) return { ok: false, message: '赎回份额须大于 0' };
  return { ok: true, unitsCenti };
}

/** 12345 → "123.45" (for the input field: no grouping). */
export function unitsInputText(unitsCenti: number): string {
  const digits = String(unitsCenti).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
