// The biller gateway the bank pays bills through: the real one (real/biller-gateway.ts), or its
// simulator when BILLER_GATEWAY_MODE=simulator in a build that carries simulators (simulated.ts).
import { config } from '../config.js';
import { type BillerGateway, httpBillerGateway } from './real/biller-gateway.js';
import { billerGatewaySimulator, simulated } from './simulated.js';

export type { BillerGateway, BillerRef } from './real/biller-gateway.js';

export function billerGateway(): BillerGateway {
  const { BILLER_GATEWAY_MODE, BILLER_GATEWAY_URL } = config();
  if (BILLER_GATEWAY_MODE === 'simulator') {
    return simulated(billerGatewaySimulator, (simulator) => simulator.simulatorBillerGateway(), { lookup: true, pay: true, status: true, statement: true });
  }
  if (!BILLER_GATEWAY_URL) throw new Error('BILLER_GATEWAY_URL is required when BILLER_GATEWAY_MODE=real');
  return httpBillerGateway(BILLER_GATEWAY_URL);
}
