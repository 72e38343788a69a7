// The credit bureau the bank asks: the real one (real/credit-bureau.ts), or its simulator when
// CREDIT_BUREAU_MODE=simulator in a build that carries simulators (simulated.ts).
import { config } from '../config.js';
import { type CreditBureau, httpCreditBureau } from './real/credit-bureau.js';
import { creditBureauSimulator, simulated } from './simulated.js';

export type { CreditBureau } from './real/credit-bureau.js';

export function creditBureau(): CreditBureau {
  const { CREDIT_BUREAU_MODE, CREDIT_BUREAU_URL } = config();
  if (CREDIT_BUREAU_MODE === 'simulator') {
    return simulated(creditBureauSimulator, (simulator) => simulator.simulatorCreditBureau(), { report: true });
  }
  if (!CREDIT_BUREAU_URL) throw new Error('CREDIT_BUREAU_URL is required when CREDIT_BUREAU_MODE=real');
  return httpCreditBureau(CREDIT_BUREAU_URL);
}
