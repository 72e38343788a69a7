// The mini-program code simulator (local stage and tests only; see ../simulated.ts): a real QR
// image. WeChat's code opens the page with `scene` in its query; the simulated one does the same
// in the H5 build (when the bank serves one), so a phone camera can open it.
import QRCode from 'qrcode';
import { config } from '../../config.js';
import type { WechatCodesApi } from '../real/wechat-codes.js';

export function simulatorWechatCodes(): WechatCodesApi {
  return {
    async unlimitedQrCode({ scene, page, width }) {
      const origin = config().H5_ORIGIN?.replace(/\/+$/, '');
      const target = `${origin ? `${origin}/#/` : ''}${page}?scene=${encodeURIComponent(scene)}`;
      return { contentType: 'image/png', bytes: await QRCode.toBuffer(target, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' }) };
    },
  };
}
