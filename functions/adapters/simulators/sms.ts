// The SMS gateway's simulator (local stage and tests only; see ../simulated.ts): every message is
// kept in an outbox instead of reaching a phone, so tests and the local stack can read the code
// that was sent (GET /v1/sim/sms/messages). The outbox is shared by every Lambda (memory.ts: under
// SIMSMS#<hash of the phone>, so no phone number is stored in the clear) and forgotten after a day.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { SmsGateway, SmsTemplate } from '../real/sms.js';
import { simulatorTable } from './memory.js';

/** The texts the carrier would send for each template (registered with it in production). */
const TEXTS: { [T in SmsTemplate['template']]: (params: Extract<SmsTemplate, { template: T }>['params']) => string } = {
  PIN_RESET_CODE: ({ code, minutes }) => `【近邻银行】您正在找回支付密码，验证码 ${code}，${minutes} 分钟内有效。请勿将验证码告诉任何人。`,
  PIN_RESET_NOTICE: ({ time }) => `【近邻银行】您的支付密码已于 ${time} 重置，指纹/面容支付已关闭。如非本人操作，请立即联系客服。`,
  LOSS_REPORT_CODE: ({ code, minutes }) => `【近邻银行】您正在办理账户挂失，验证码 ${code}，${minutes} 分钟内有效。请勿将验证码告诉任何人。`,
  LOSS_LIFT_CODE: ({ code, minutes }) => `【近邻银行】您正在办理解除挂失，验证码 ${code}，${minutes} 分钟内有效。请勿将验证码告诉任何人。`,
  DEVICE_VERIFY_CODE: ({ code, minutes }) => `【近邻银行】您正在新设备上首次交易，验证码 ${code}，${minutes} 分钟内有效。如非本人操作，请立即挂失并联系客服。`,
  STEP_UP_CODE: ({ code, minutes }) => `【近邻银行】您正在进行一笔需加强验证的转账，验证码 ${code}，${minutes} 分钟内有效。任何人索要验证码都是诈骗，请勿告诉他人。`,
  LOSS_REPORTED_NOTICE: ({ time }) => `【近邻银行】您的账户已于 ${time} 挂失：所有登录已退出，电子账户暂停付款和转出。如非本人操作，请立即联系客服。`,
  LOSS_LIFTED_NOTICE: ({ time }) => `【近邻银行】您的账户已于 ${time} 解除挂失，请重新登录。如非本人操作，请立即联系客服。`,
  CARD_CHANGED_NOTICE: ({ time, last4 }) => `【近邻银行】您的电子账户绑定卡已于 ${time} 更换为尾号 ${last4} 的银行卡。如非本人操作，请立即联系客服。`,
  PHONE_CHANGE_CODE: ({ code, minutes }) => `【近邻银行】您正在更换账户绑定的手机号，验证码 ${code}，${minutes} 分钟内有效。如非本人操作，请立即联系客服。`,
  PHONE_CHANGE_NEW_CODE: ({ code, minutes }) => `【近邻银行】您正在将本号码绑定为近邻银行账户的手机号，验证码 ${code}，${minutes} 分钟内有效。请勿将验证码告诉任何人。`,
  PHONE_CHANGED_NOTICE: ({ time, oldPhone, newPhone }) => `【近邻银行】您的账户绑定手机号已于 ${time} 由 ${oldPhone} 更换为 ${newPhone}。如非本人操作，请立即联系客服。`,
  ACCOUNT_CLOSED_NOTICE: ({ time, amount, last4 }) => `【近邻银行】您的电子账户已于 ${time} 注销，余额 ${amount} 元已转入尾号 ${last4} 的银行卡。如非本人操作，请立即联系客服。`,
};

const OUTBOX_DAYS = 1;
/** The most messages one read returns, newest first. */
export const OUTBOX_READ_LIMIT = 20;

export interface SimulatedSms {
  template: SmsTemplate['template'];
  params: Record<string, string>;
  text: string;
  sentAt: string;
}

const outbox = (phone: string) => `SIMSMS#${createHash('sha256').update(phone).digest('base64url')}`;

export function simulatorSmsGateway(): SmsGateway {
  return {
    async send(message) {
      const { doc, tableName } = simulatorTable();
      const messageId = `SIMS${createHash('sha256').update(message.reference).digest('hex').slice(0, 16).toUpperCase()}`;
      const sentAt = new Date();
      const text = (TEXTS[message.template] as (params: Record<string, string>) => string)(message.params);
      const item: SimulatedSms = { template: message.template, params: message.params, text, sentAt: sentAt.toISOString() };
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              PK: outbox(message.phone),
              SK: `MSG#${message.reference}`,
              type: 'SIM_SMS',
              ...item,
              messageId,
              expiresAtEpoch: Math.floor(sentAt.getTime() / 1000) + OUTBOX_DAYS * 86_400,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        // The same reference again: like the real gateway, the first message stands and is not resent.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      return { ok: true, messageId };
    },
  };
}

/** What the simulated phone received, newest first. */
export async function simulatorSmsOutbox(phone: string): Promise<SimulatedSms[]> {
  const { doc, tableName } = simulatorTable();
  const { Items } = await doc.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': outbox(phone) }, ConsistentRead: true }),
  );
  return (Items ?? [])
    .map(({ template, params, text, sentAt }) => ({ template, params, text, sentAt }) as SimulatedSms)
    .sort((x, y) => (x.sentAt < y.sentAt ? 1 : x.sentAt > y.sentAt ? -1 : 0))
    .slice(0, OUTBOX_READ_LIMIT);
}
