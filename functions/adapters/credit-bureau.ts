// The credit bureau (征信): a report per ID number, queried only with the customer's consent.
// The simulator is deterministic by ID number so every decision path can be reached on purpose.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { config } from '../config.js';
import { type BureauReport, bureauReportSchema } from '../domain/loan/decision.js';
import { secrets } from '../secrets.js';
import { fetchJson } from './http-json.js';

export interface CreditBureau {
  report(query: { idNumber: string; name: string; consentTextVersion: string; purpose: 'LOAN_APPLICATION' }): Promise<BureauReport>;
}

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

export function httpCreditBureau(baseUrl: string): CreditBureau {
  return {
    async report(query) {
      const body = await fetchJson('credit-bureau', new URL('/v1/reports', baseUrl).toString(), {
        method: 'POST',
        body: query,
        headers: { authorization: `Bearer ${(await secrets()).creditBureauToken}` },
        timeoutMs: 5_000,
      });
      return bureauReportSchema.parse(z.object({ report: z.unknown() }).parse(body).report);
    },
  };
}

export function creditBureau(): CreditBureau {
  const { CREDIT_BUREAU_MODE, CREDIT_BUREAU_URL } = config();
  if (CREDIT_BUREAU_MODE === 'simulator') return simulatorCreditBureau();
  if (!CREDIT_BUREAU_URL) throw new Error('CREDIT_BUREAU_URL is required when CREDIT_BUREAU_MODE=real');
  return httpCreditBureau(CREDIT_BUREAU_URL);
}
