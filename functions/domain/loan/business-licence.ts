// Unified social credit codes (统一社会信用代码, GB 32100-2015) on business licences: 18 characters
// from a 31-character alphabet (no I, O, S, V, Z), the last a mod-31 check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The code's shape; the check character is verified by isValidCreditCode. Sent to the
 *  mini-program so its form checks what the server checks. */
export const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{18}$';
const CREDIT_CODE = new RegExp(CREDIT_CODE_PATTERN);

export function isValidCreditCode(raw: string): boolean {
  const code = raw.toUpperCase();
  if (!CREDIT_CODE.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}
