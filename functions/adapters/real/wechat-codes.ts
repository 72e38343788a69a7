// WeChat's getwxacodeunlimit: the mini-program code (小程序码) of a share poster, opening `page`
// with `scene` (≤ 32 characters) in its query. Its interface and the real client; apart from
// wechat.ts so that only the function that draws posters bundles it.
import { UpstreamUnavailable } from '../../platform/upstream-unavailable.js';
import { WECHAT_TIMEOUT_MS, wechatAccessToken } from './wechat.js';

export interface MiniProgramCode {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

export interface WechatCodesApi {
  /** Undefined when WeChat refuses (e.g. the page is not published). */
  unlimitedQrCode(request: { scene: string; page: string; width: number }): Promise<MiniProgramCode | undefined>;
}

export function realWechatCodes(appid: string): WechatCodesApi {
  return {
    async unlimitedQrCode({ scene, page, width }) {
      const url = `https://api.weixin.qq.com/wxa/getwxacodeunlimit?access_token=${await wechatAccessToken(appid)}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scene, page, width, check_path: true, env_version: 'release' }),
          signal: AbortSignal.timeout(WECHAT_TIMEOUT_MS),
        });
      } catch (error) {
        throw new UpstreamUnavailable('wechat', error);
      }
      if (response.status >= 500) throw new UpstreamUnavailable('wechat', new Error(`HTTP ${response.status}`));
      // The image on success; a JSON body with errcode when WeChat refuses.
      const contentType = response.headers.get('content-type') ?? '';
      if (!/^image\/(png|jpeg)/.test(contentType)) return undefined;
      return { contentType: contentType.startsWith('image/png') ? 'image/png' : 'image/jpeg', bytes: new Uint8Array(await response.arrayBuffer()) };
    },
  };
}
