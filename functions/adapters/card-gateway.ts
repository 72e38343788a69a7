// The card gateway the bank talks to: the real one (real/card-gateway.ts), or its simulator when
// CARD_GATEWAY_MODE=simulator in a build that carries simulators (simulated.ts).
import { config } from '../config.js';
import { type CardGateway, httpCardGateway } from './real/card-gateway.js';
import { cardGatewaySimulator, simulated } from './simulated.js';

export type { CardGateway, GatewayAnswer } from './real/card-gateway.js';

export function cardGateway(): CardGateway {
  const { CARD_GATEWAY_MODE, CARD_GATEWAY_URL } = config();
  if (CARD_GATEWAY_MODE === 'simulator') {
    return simulated(cardGatewaySimulator, (simulator) => simulator.simulatorCardGateway(), { verify: true, debit: true, credit: true });
  }
  if (!CARD_GATEWAY_URL) throw new Error('CARD_GATEWAY_URL is required when CARD_GATEWAY_MODE=real');
  return httpCardGateway(CARD_GATEWAY_URL);
}
