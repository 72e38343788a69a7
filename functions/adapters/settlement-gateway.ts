// The settlement gateway the bank asks: the real one (real/settlement-gateway.ts), or its
// simulator when SETTLEMENT_GATEWAY_MODE=simulator in a build that carries simulators (simulated.ts).
import { config } from '../config.js';
import { httpSettlementGateway, type SettlementGateway } from './real/settlement-gateway.js';
import { settlementGatewaySimulator, simulated } from './simulated.js';

export type { HolderCheckResult, Payout, PayoutAnswer, PayoutStatus, SettlementGateway } from './real/settlement-gateway.js';

export function settlementGateway(): SettlementGateway {
  const { SETTLEMENT_GATEWAY_MODE, SETTLEMENT_GATEWAY_URL } = config();
  if (SETTLEMENT_GATEWAY_MODE === 'simulator') {
    return simulated(settlementGatewaySimulator, (simulator) => simulator.simulatorSettlementGateway(), { checkAccountHolder: true, payout: true, payoutStatus: true });
  }
  if (!SETTLEMENT_GATEWAY_URL) throw new Error('SETTLEMENT_GATEWAY_URL is required when SETTLEMENT_GATEWAY_MODE=real');
  return httpSettlementGateway(SETTLEMENT_GATEWAY_URL);
}
