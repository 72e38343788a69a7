// Class II e-account numbers: the bank's 6-digit prefix, 12 digits, and a Luhn check digit.
import { luhnCheckDigit } from './card.js';

export const ACCOUNT_NUMBER_PREFIX = '623688';

export function accountNumberFrom(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error('account number body must be 12 digits');
  const body = ACCOUNT_NUMBER_PREFIX + twelveDigits;
  return body + luhnCheckDigit(body);
}
