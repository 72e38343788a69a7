// WeChat's server API: code2Session for sign-in, getuserphonenumber for phone binding,
// subscription messages and SOTER's verify_signature (share posters' mini-program codes are in
// wechat-codes.ts, so only the function that draws them bundles their client). Its interface and
// the real client, which calls api.weixin.qq.com.
import * as z from 'zod/mini';
import { UpstreamUnavailable } from '../../platform/upstream-unavailable.js';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';
import { lazySchema } from '../../domain/lazy-schema.js';

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
  /** Whether WeChat vouches that `jsonSignature` is the signature of `jsonString` (a SOTER
   *  resultJSON) by the SOTER key of this user's device. False when it does not; throws
   *  UpstreamUnavailable when it gave no usable answer. */
  verifySoterSignature(request: { openid: string; jsonString: string; jsonSignature: string }): Promise<boolean>;
}

export const WECHAT_TIMEOUT_MS = 3_000;
/** Where WeChat's server API is; a contract test points the client at a local fake instead. */
export const WECHAT_API_BASE = 'https://api.weixin.qq.com';
const Code2Session = /* @__PURE__ */ lazySchema(() => z.object({ openid: z.optional(z.string()), unionid: z.optional(z.string()), errcode: z.optional(z.number()) }));
const WechatAnswer = /* @__PURE__ */ lazySchema(() => z.object({ errcode: z.optional(z.number()) }));
const StableToken = /* @__PURE__ */ lazySchema(() => z.object({ access_token: z.string(), expires_in: z.number() }));
const SoterVerdict = /* @__PURE__ */ lazySchema(() => z.object({ is_ok: z.optional(z.boolean()), errcode: z.optional(z.number()) }));
/** errcodes that say nothing about the signature: WeChat busy (-1), the access token invalid or
 *  expired (40001, 40014, 42001), the API quota or rate spent (45009, 45011). */
const WECHAT_UNAVAILABLE_CODES: ReadonlySet<number> = new Set([-1, 40001, 40014, 42001, 45009, 45011]);
/** Of those, the ones after which the cached access token must not be used again. */
const TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);
const PhoneInfo = /* @__PURE__ */ lazySchema(() =>
  z.object({
    errcode: z.optional(z.number()),
    phone_info: z.optional(z.object({ purePhoneNumber: z.string() })),
  }),
);

/** The mini-program's API access token (stable_token), kept by the container until a minute
 *  before it expires. */
let token: { appid: string; apiBase: string; value: string; expiresAtMs: number } | undefined;

export async function wechatAccessToken(appid: string, apiBase = WECHAT_API_BASE): Promise<string> {
  if (token && token.appid === appid && token.apiBase === apiBase && token.expiresAtMs > Date.now() + 60_000) return token.value;
  const answer = StableToken.safeParse(
    await fetchJson('wechat', `${apiBase}/cgi-bin/stable_token`, {
      method: 'POST',
      body: { grant_type: 'client_credential', appid, secret: (await secrets()).wechatSecret },
      timeoutMs: WECHAT_TIMEOUT_MS,
    }),
  );
  // No token (an errcode: WeChat busy, the app's secret or IP allow-list wrong) is no answer to
  // the call that needed it; never the customer's input error.
  if (!answer.success) throw new UpstreamUnavailable('wechat', new Error('stable_token: no access token'));
  const body = answer.data;
  token = { appid, apiBase, value: body.access_token, expiresAtMs: Date.now() + body.expires_in * 1000 };
  return token.value;
}

/** WeChat refused the token the container kept (revoked, or expired early): the next call gets a new one. */
function forgetAccessToken(value: string): void {
  if (token?.value === value) token = undefined;
}

export function realWechat(appid: string, apiBase = WECHAT_API_BASE): WechatApi {
  const accessToken = () => wechatAccessToken(appid, apiBase);
  return {
    async code2Session(code) {
      const query = new URLSearchParams({
        appid,
        secret: (await secrets()).wechatSecret,
        js_code: code,
        grant_type: 'authorization_code',
      });
      const body = Code2Session.parse(
        await fetchJson('wechat', `${apiBase}/sns/jscode2session?${query}`, { method: 'GET', timeoutMs: WECHAT_TIMEOUT_MS }),
      );
      // The session_key in the answer is dropped here: it never leaves the server, nor is it kept.
      if (body.errcode || !body.openid) return undefined;
      return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
    },
    async phoneNumber(code) {
      const body = PhoneInfo.parse(
        await fetchJson('wechat', `${apiBase}/wxa/business/getuserphonenumber?access_token=${await accessToken()}`, {
          method: 'POST',
          body: { code },
          timeoutMs: WECHAT_TIMEOUT_MS,
        }),
      );
      return body.errcode ? undefined : body.phone_info?.purePhoneNumber;
    },
    async sendSubscribeMessage({ openid, templateId, page, data }) {
      const used = await accessToken();
      const body = WechatAnswer.parse(
        await fetchJson('wechat', `${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(used)}`, {
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
      // Refused (43101: the user holds no subscription to this template, or anything else): not
      // sent. A rejected token is not used again.
      if (body.errcode && TOKEN_REJECTED_CODES.has(body.errcode)) forgetAccessToken(used);
      return !body.errcode;
    },
    async verifySoterSignature({ openid, jsonString, jsonSignature }) {
      const used = await accessToken();
      let answer: unknown;
      try {
        answer = await fetchJson('wechat', `${apiBase}/cgi-bin/soter/verify_signature?access_token=${encodeURIComponent(used)}`, {
          method: 'POST',
          body: { openid, json_string: jsonString, json_signature: jsonSignature },
          timeoutMs: WECHAT_TIMEOUT_MS,
        });
      } catch (error) {
        // A body that is not JSON is no answer either.
        if (error instanceof SyntaxError) throw new UpstreamUnavailable('wechat', error);
        throw error;
      }
      const verdict = SoterVerdict.safeParse(answer);
      if (!verdict.success) throw new UpstreamUnavailable('wechat', new Error('verify_signature: unexpected answer'));
      const { is_ok: ok, errcode } = verdict.data;
      if (errcode !== undefined && errcode !== 0) {
        if (TOKEN_REJECTED_CODES.has(errcode)) forgetAccessToken(used);
        if (WECHAT_UNAVAILABLE_CODES.has(errcode)) throw new UpstreamUnavailable('wechat', new Error(`verify_signature errcode ${errcode}`));
        // Anything else is WeChat declining to vouch for this signature (e.g. an unknown openid).
        return false;
      }
      if (ok === undefined) throw new UpstreamUnavailable('wechat', new Error('verify_signature: no verdict'));
      return ok;
    },
  };
}
