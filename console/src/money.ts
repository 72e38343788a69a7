// An amount as the console's tables and rules show it: from the server's fen, always with its
// two decimals (¥35.00, ¥5,000.00) so that columns line up. Formatting only.
import { formatYuanCents } from '../../functions/domain/format';

export const money = (fen: number) => `¥${formatYuanCents(fen)}`;

/** A movement as the account saw it, signed: +¥35.00 in, -¥35.00 out. */
export const signedMoney = (fen: number) => (fen < 0 ? `-${money(-fen)}` : `+${money(fen)}`);
