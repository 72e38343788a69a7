// The SMS gateway the bank sends codes and notices through: the real one (real/sms.ts), or its
// simulator when SMS_GATEWAY_MODE=simulator in a build that carries simulators (simulated.ts).
import { config } from '../config.js';
import { httpSmsGateway, type SmsGateway } from './real/sms.js';
import { simulated, smsGatewaySimulator } from './simulated.js';

export type { SmsAnswer, SmsGateway, SmsMessage, SmsTemplate } from './real/sms.js';

export function sms(): SmsGateway {
  const { SMS_GATEWAY_MODE, SMS_GATEWAY_URL } = config();
  if (SMS_GATEWAY_MODE === 'simulator') {
    return simulated(smsGatewaySimulator, (simulator) => simulator.simulatorSmsGateway(), { send: true });
  }
  if (!SMS_GATEWAY_URL) throw new Error('SMS_GATEWAY_URL is required when SMS_GATEWAY_MODE=real');
  return httpSmsGateway(SMS_GATEWAY_URL);
}
