// Mainland resident ID numbers (GB 11643-1999): 17 digits + a mod 11-2 check character.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'FORMAT' | 'CHECKSUM' | 'BIRTH_DATE';

export interface ParsedIdNumber {
  idNumber: string;
  birthDate: string;
}

export function parseIdNumber(raw: string): ParsedIdNumber | IdNumberProblem {
  const idNumber = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'FORMAT';
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return 'CHECKSUM';
  const birth = idNumber.slice(6, 14);
  const parsed = dayjs(birth, 'YYYYMMDD', true);
  if (!parsed.isValid() || parsed.year() < 1900) return 'BIRTH_DATE';
  return { idNumber, birthDate: parsed.format('YYYY-MM-DD') };
}

/** Whole years between birthDate and today (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  return dayjs(today).diff(dayjs(birthDate), 'year');
}
