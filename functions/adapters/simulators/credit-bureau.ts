// The credit bureau's simulator, deterministic by ID number so every decision path can be reached
// on purpose (local stage and tests only; see ../simulated.ts).
import { createHash } from 'node:crypto';
import type { BureauReport } from '../../domain/loan/decision.js';
import type { CreditBureau } from '../real/credit-bureau.js';

const GOOD: BureauReport = {
  score: 760,
  existingMonthlyDebtFen: 0,
  currentOverdueDays: 0,
  overdueCount24m: 0,
  blacklisted: false,
  queriesLast3m: 1,
};

/** ID numbers whose 3-digit sequence part (characters 15–17) is 9xx get these profiles; any
 *  other sequence gets a good profile varied a little by the number itself. */
export const SIMULATOR_PROFILES: Record<string, Partial<BureauReport>> = {
  '901': { blacklisted: true },
  '902': { currentOverdueDays: 45 },
  '903': { score: 520 },
  '904': { overdueCount24m: 6 },
  '905': { queriesLast3m: 12 },
  '906': { existingMonthlyDebtFen: 2_000_000 },
  '907': { score: 610 },
};

export function simulatorCreditBureau(): CreditBureau {
  return {
    async report({ idNumber }) {
      const sequence = idNumber.slice(14, 17);
      const special = SIMULATOR_PROFILES[sequence];
      if (special) return { ...GOOD, ...special };
      const spread = createHash('sha256').update(idNumber).digest().readUInt16BE(0);
      return { ...GOOD, score: 710 + (spread % 121), queriesLast3m: spread % 4 };
    },
  };
}
