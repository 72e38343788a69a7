// Bank card numbers: 16–19 digits with a Luhn (mod 10) check digit.

export function luhnValid(cardNumber: string): boolean {
  if (!/^\d{16,19}$/.test(cardNumber)) return false;
  let sum = 0;
  for (let i = 0; i < cardNumber.length; i++) {
    let digit = Number(cardNumber[cardNumber.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `body` + digit Luhn-valid. */
export function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(body + digit)) return String(digit);
  }
  throw new Error('unreachable: one of ten digits always completes a Luhn number');
}

/** Why a card cannot replace the bound one, if it cannot: a number that is no card, or the very
 *  card already bound (更换绑定卡). */
export function newCardRefusal(currentCardNumber: string, newCardNumber: string): { code: string; message: string } | undefined {
  if (!luhnValid(newCardNumber)) return { code: 'CARD_NUMBER_INVALID', message: '银行卡号有误，请核对' };
  if (newCardNumber === currentCardNumber) return { code: 'CARD_UNCHANGED', message: '新卡与当前绑定卡相同，请更换其他银行卡' };
  return undefined;
}
