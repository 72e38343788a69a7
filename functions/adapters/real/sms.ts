// The SMS gateway (短信网关): templated text messages to a mobile number — verification codes and
// notices. Carriers only deliver templates registered beforehand with the bank's signature
// (【近邻银行】), so the bank sends a template's name and its parameters, never free text. Its
// interface and the real client, over HTTPS.
import * as z from 'zod/mini';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';
import { lazySchema } from '../../domain/lazy-schema.js';

/** The templates the bank has registered, with the parameters each takes. */
export type SmsTemplate =
  /** 您正在找回支付密码，验证码 {code}，{minutes} 分钟内有效… */
  | { template: 'PIN_RESET_CODE'; params: { code: string; minutes: string } }
  /** 您的支付密码已于 {time} 重置… */
  | { template: 'PIN_RESET_NOTICE'; params: { time: string } }
  /** 您正在办理账户挂失 / 解除挂失，验证码 {code}，{minutes} 分钟内有效… */
  | { template: 'LOSS_REPORT_CODE' | 'LOSS_LIFT_CODE'; params: { code: string; minutes: string } }
  /** 您正在新设备上首次交易，验证码 {code}，{minutes} 分钟内有效… */
  | { template: 'DEVICE_VERIFY_CODE'; params: { code: string; minutes: string } }
  /** 您正在进行一笔需加强验证的转账，验证码 {code}，{minutes} 分钟内有效… */
  | { template: 'STEP_UP_CODE'; params: { code: string; minutes: string } }
  /** 您的账户已于 {time} 挂失 / 解除挂失… */
  | { template: 'LOSS_REPORTED_NOTICE' | 'LOSS_LIFTED_NOTICE'; params: { time: string } }
  /** 您的电子账户绑定卡已于 {time} 更换为尾号 {last4} 的银行卡… */
  | { template: 'CARD_CHANGED_NOTICE'; params: { time: string; last4: string } }
  /** 您正在更换绑定手机号 / 您正在将本号码绑定为账户手机号，验证码 {code}，{minutes} 分钟内有效… */
  | { template: 'PHONE_CHANGE_CODE' | 'PHONE_CHANGE_NEW_CODE'; params: { code: string; minutes: string } }
  /** 您的账户绑定手机号已于 {time} 由 {oldPhone} 更换为 {newPhone}… (both masked) */
  | { template: 'PHONE_CHANGED_NOTICE'; params: { time: string; oldPhone: string; newPhone: string } }
  /** 您的电子账户已于 {time} 注销，余额 {amount} 元已转入尾号 {last4} 的银行卡… */
  | { template: 'ACCOUNT_CLOSED_NOTICE'; params: { time: string; amount: string; last4: string } };

export type SmsMessage = SmsTemplate & {
  /** Mainland mobile number, 11 digits. */
  phone: string;
  /** The bank's id for this message: the gateway sends one message per reference, so a repeat
   *  after no answer sends nothing twice. */
  reference: string;
};

export type SmsAnswer = { ok: true; messageId: string } | { ok: false; code: string; message: string };

export interface SmsGateway {
  /** Hands the message to the carrier; throws UpstreamUnavailable when no answer arrives. */
  send(message: SmsMessage): Promise<SmsAnswer>;
}

const TIMEOUT_MS = 3_000;
const Answer = /* @__PURE__ */ lazySchema(() =>
  z.union([
    z.object({ ok: z.literal(true), messageId: z.string().check(z.minLength(1), z.maxLength(64)) }),
    z.object({ ok: z.literal(false), code: z.string().check(z.maxLength(64)), message: z.string().check(z.maxLength(200)) }),
  ]),
);

export function httpSmsGateway(baseUrl: string): SmsGateway {
  return {
    async send({ phone, reference, template, params }) {
      const body = await fetchJson('sms-gateway', new URL('/v1/messages', baseUrl).toString(), {
        method: 'POST',
        body: { phone, reference, template, params },
        headers: { authorization: `Bearer ${(await secrets()).smsGatewayToken}` },
        timeoutMs: TIMEOUT_MS,
      });
      return Answer.parse(body);
    },
  };
}
