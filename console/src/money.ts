// An amount as the console's tables and rules show it: from the server's fen, always with its
// two decimals (¥35.00, ¥5,000.00) so that columns line up. Formatting only.
import { formatYuan } from '../../functions/domain/format';

export const money = (fen: number) => {
  const shown = formatYuan(fen);
  return `¥${shown.includes('.') ? shown : `${shown}.00`}`;
};
