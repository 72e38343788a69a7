// Account numbers at billers: normalised and checked against the biller's format before any
// gateway is asked, so a typo is answered at once and never reaches the biller.
import { refuse } from '../errors.js';
import { maskPhone } from '../masking.js';
import type { AccountFormat } from './biller.js';

/** Longest account number anyone may type (any format is at most 30 characters). */
export const MAX_ACCOUNT_NUMBER_LENGTH = 30;

/** Luhn (mod 10) over a digit string of any length. */
export function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** What customers type: spaces dropped (account numbers are printed in groups), letters upper-cased. */
export function normalizeAccountNumber(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '').toUpperCase();
}

/** Why `accountNumber` does not fit `format`, in the customer's words; undefined when it fits. */
export function accountNumberProblem(format: AccountFormat, label: string, accountNumber: string): string | undefined {
  switch (format.kind) {
    case 'MOBILE':
      return /^1[3-9]\d{9}$/.test(accountNumber) ? undefined : '请输入 11 位手机号';
    case 'DIGITS': {
      const lengths = format.minLength === format.maxLength ? `${format.minLength}` : `${format.minLength}–${format.maxLength}`;
      if (!/^\d+$/.test(accountNumber) || accountNumber.length < format.minLength || accountNumber.length > format.maxLength) {
        return `${label}应为 ${lengths} 位数字`;
      }
      if (format.prefixes && !format.prefixes.some((prefix) => accountNumber.startsWith(prefix))) {
        return `${label}应以 ${format.prefixes.join('、')} 开头`;
      }
      if (format.checksum === 'LUHN' && !luhnOk(accountNumber)) return `${label}校验位不正确，请核对`;
      return undefined;
    }
    case 'ALNUM':
      if (!/^[A-Z0-9-]+$/.test(accountNumber) || accountNumber.length < format.minLength || accountNumber.length > format.maxLength) {
        return `${label}应为 ${format.minLength}–${format.maxLength} 位字母、数字或“-”`;
      }
      if (accountNumber.startsWith('-') || accountNumber.endsWith('-')) return `${label}格式不正确`;
      return undefined;
  }
}

/** How the account number is typed: numbers on the numeric keyboard, and the most characters the
 *  field takes (letters may be typed in groups, with spaces dropped later). */
export function accountNumberInput(format: AccountFormat): { digitsOnly: boolean; maxLength: number } {
  switch (format.kind) {
    case 'MOBILE':
      return { digitsOnly: true, maxLength: 11 };
    case 'DIGITS':
      return { digitsOnly: true, maxLength: format.maxLength };
    case 'ALNUM':
      return { digitsOnly: false, maxLength: MAX_ACCOUNT_NUMBER_LENGTH };
  }
}

/** The normalised account number, or a 400 ACCOUNT_NUMBER_INVALID naming what is wrong. */
export function checkAccountNumber(format: AccountFormat, label: string, raw: string): string {
  const accountNumber = normalizeAccountNumber(raw);
  const problem = accountNumberProblem(format, label, accountNumber);
  if (problem) refuse('invalid', 'ACCOUNT_NUMBER_INVALID', problem);
  return accountNumber;
}

/** What a receipt or list may show of an account number (a phone number is personal data). */
export function maskBillAccount(format: AccountFormat, accountNumber: string): string {
  if (format.kind === 'MOBILE') return maskPhone(accountNumber);
  if (accountNumber.length <= 6) return `${accountNumber.slice(0, 1)}${'*'.repeat(accountNumber.length - 2)}${accountNumber.slice(-1)}`;
  return `${accountNumber.slice(0, 2)}${'*'.repeat(accountNumber.length - 6)}${accountNumber.slice(-4)}`;
}
