// Amounts the server sent, written back into an amount field: a string operation on the fen
// digits, so no floating point touches the amount.
export function fenToYuanInput(amountFen: number): string {
  const digits = String(amountFen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
