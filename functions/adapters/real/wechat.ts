// WeChat's server API: code2Session for sign-in, getuserphonenumber for phone binding and
// subscription messages (share posters' mini-program codes are in wechat-codes.ts, so only the
// function that draws them bundles their client). Its interface and the real client, which calls
// api.weixin.qq.com.
import * as z from 'zod/mini';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatApi {
  /** Undefined when WeChat rejects the code (expired, used, forged). */
  code2Session(code: string): Promise<WechatSession | undefined>;
  phoneNumber(code: string): Promise<string | undefined>;
  /** A subscription message (订阅消息); false when WeChat refuses it (e.g. the user did not
   *  subscribe). The data carries no personal data beyond what the template shows. */
  sendSubscribeMessage(message: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<boolean>;
}

export const WECHAT_TIMEOUT_MS = 3_000;
const Code2Session = z.object({ openid: z.optional(z.string()), unionid: z.optional(z.string()), errcode: z.optional(z.number()) });
const WechatAnswer = z.object({ errcode: z.optional(z.number()) });
const StableToken = z.object({ access_token: z.string(), expires_in: z.number() });
const PhoneInfo = z.object({
  errcode: z.optional(z.number()),
  phone_info: z.optional(z.object({ purePhoneNumber: z.string() })),
});

/** The mini-program's API access token (stable_token), kept by the container until a minute
 *  before it expires. */
let token: { appid: string; value: string; expiresAtMs: number } | undefined;

export async function wechatAccessToken(appid: string): Promise<string> {
  if (token && token.appid === appid && token.expiresAtMs > Date.now() + 60_000) return token.value;
  const body = StableToken.parse(
    await fetchJson('wechat', 'https://api.weixin.qq.com/cgi-bin/stable_token', {
      method: 'POST',
      body: { grant_type: 'client_credential', appid, secret: (await secrets()).wechatSecret },
      timeoutMs: WECHAT_TIMEOUT_MS,
    }),
  );
  token = { appid, value: body.access_token, expiresAtMs: Date.now() + body.expires_in * 1000 };
  return token.value;
}

export function realWechat(appid: string): WechatApi {
  const accessToken = () => wechatAccessToken(appid);
  return {
    async code2Session(code) {
      const query = new URLSearchParams({
        appid,
        secret: (await secrets()).wechatSecret,
        js_code: code,
        grant_type: 'authorization_code',
      });
      const body = Code2Session.parse(
        await fetchJson('wechat', `https://api.weixin.qq.com/sns/jscode2session?${query}`, { method: 'GET', timeoutMs: WECHAT_TIMEOUT_MS }),
      );
      // The session_key in the answer is dropped here: it never leaves the server, nor is it kept.
      if (body.errcode || !body.openid) return undefined;
      return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
    },
    async phoneNumber(code) {
      const body = PhoneInfo.parse(
        await fetchJson('wechat', `https://api.weixin.qq.com/wxa/business/getuserphonenumber?access_token=${await accessToken()}`, {
          method: 'POST',
          body: { code },
          timeoutMs: WECHAT_TIMEOUT_MS,
        }),
      );
      return body.errcode ? undefined : body.phone_info?.purePhoneNumber;
    },
    async sendSubscribeMessage({ openid, templateId, page, data }) {
      const body = WechatAnswer.parse(
        await fetchJson('wechat', `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${await accessToken()}`, {
          method: 'POST',
          body: {
            touser: openid,
            template_id: templateId,
            page,
            data: Object.fromEntries(Object.entries(data).map(([name, value]) => [name, { value }])),
          },
          timeoutMs: WECHAT_TIMEOUT_MS,
        }),
      );
      return !body.errcode;
    },
  };
}
