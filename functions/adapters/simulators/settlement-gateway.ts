// The settlement gateway's simulator (local stage and tests only; see ../simulated.ts): every
// account is held in the name it is asked about, except numbers ending 0000 (no such account) and
// 9999 (held by another name), so both refusals can be reached on purpose.
import type { SettlementGateway } from '../real/settlement-gateway.js';

export function simulatorSettlementGateway(): SettlementGateway {
  return {
    async checkAccountHolder({ accountNumber }) {
      if (accountNumber.endsWith('0000')) return 'ACCOUNT_NOT_FOUND';
      if (accountNumber.endsWith('9999')) return 'MISMATCH';
      return 'MATCH';
    },
  };
}
