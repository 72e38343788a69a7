// A notice by SMS to the customer's bound phone after a security change is done (更换绑定卡): the
// change stands whether or not the notice arrives, so a failed one is logged for operations.
import { randomUUID } from 'node:crypto';
import { type SmsTemplate, sms } from '../adapters/sms.js';
import { logger } from '../platform/logger.js';
import { retry } from '../platform/retry.js';
import { GATEWAY_RETRY } from './gateway-retry.js';

/** Sends under one reference, so a retry after no answer sends one message; false when the
 *  gateway refuses it. */
export async function sendSms(phone: string, message: SmsTemplate): Promise<boolean> {
  const reference = randomUUID();
  const answer = await retry(GATEWAY_RETRY, () => sms().send({ ...message, phone, reference }));
  if (!answer.ok) logger.warn('SMS refused by the gateway', { template: message.template, code: answer.code });
  return answer.ok;
}

export async function sendNotice(phone: string, notice: SmsTemplate): Promise<void> {
  try {
    await sendSms(phone, notice);
  } catch (error) {
    logger.error('SMS notice not sent', { template: notice.template, error: error instanceof Error ? error.name : String(error) });
  }
}
