// A share link's poster: the mini-program code (小程序码) from WeChat's getwxacodeunlimit. A
// function of its own, because the simulator's QR encoder is the largest part of its bundle.
import { wechatCodes } from '../adapters/wechat-codes.js';
import { rmRoutes as routes } from '../contract/rm-routes.js';
import { refuse } from '../domain/errors.js';
import { LANDING_PAGE, sceneFor, shareLinkStatus } from '../domain/rm/share-code.js';
import { defineRoute, lambda } from './route.js';
import { shareLinkView } from './rm-views.js';
import { loadStaff, ownLink } from './staff-guards.js';

const QR_WIDTH_PX = 430;
const MAX_QR_BYTES = 1024 * 1024;

const poster = defineRoute('sharePoster', routes.sharePoster, async ({ staffId, params, now }) => {
  const staff = await loadStaff(staffId);
  const shared = await ownLink(staffId, params.code);
  if (shareLinkStatus(shared, now) !== 'ACTIVE') return refuse('unprocessable', 'SHARE_LINK_INACTIVE', '链接已过期或已撤销，无法生成海报');
  const scene = sceneFor(shared.code);
  const image = await wechatCodes().unlimitedQrCode({ scene, page: LANDING_PAGE, width: QR_WIDTH_PX });
  if (!image || image.bytes.length === 0 || image.bytes.length > MAX_QR_BYTES) {
    return refuse('unprocessable', 'QR_UNAVAILABLE', '小程序码生成失败，请稍后再试');
  }
  return {
    code: shared.code,
    page: LANDING_PAGE,
    scene,
    imageType: image.contentType,
    imageBase64: Buffer.from(image.bytes).toString('base64'),
    h5Url: shareLinkView(shared, staff, now).h5Url,
  };
});

export const handler = lambda([poster]);
