// A share link's poster: the designed image (domain/rm/poster.ts) around the mini-program code
// (小程序码) from WeChat's getwxacodeunlimit. Apart from share-links.ts so that only the poster's
// function bundles the codes adapter (the simulator's QR encoder is the largest part of it).
import { type MiniProgramCode, wechatCodes } from '../adapters/wechat-codes.js';
import { refuse } from '../domain/errors.js';
import { posterSvg } from '../domain/rm/poster.js';
import { LANDING_PAGE, sceneFor, shareLinkStatus } from '../domain/rm/share-code.js';
import { allInOrder } from '../platform/all-in-order.js';
import type { ShareLinkRecord } from '../store/referrals.js';
import type { StaffRecord } from '../store/staff.js';
import { productHighlight } from './rm-products.js';
import { loadStaff, ownLink } from './staff-guards.js';

const QR_WIDTH_PX = 430;
const MAX_QR_BYTES = 1024 * 1024;

export interface SharePoster {
  link: ShareLinkRecord;
  staff: StaffRecord;
  /** The page the code opens, and the scene it carries there. */
  page: string;
  scene: string;
  /** The poster, an SVG document. */
  svg: string;
}

async function miniProgramCode(scene: string): Promise<MiniProgramCode> {
  const image = await wechatCodes().unlimitedQrCode({ scene, page: LANDING_PAGE, width: QR_WIDTH_PX });
  if (!image || image.bytes.length === 0 || image.bytes.length > MAX_QR_BYTES) {
    return refuse('unprocessable', 'QR_UNAVAILABLE', '小程序码生成失败，请稍后再试');
  }
  return image;
}

export async function sharePoster(staffId: string, code: string, now: Date): Promise<SharePoster> {
  const staff = await loadStaff(staffId);
  const link = await ownLink(staffId, code);
  if (shareLinkStatus(link, now) !== 'ACTIVE') return refuse('unprocessable', 'SHARE_LINK_INACTIVE', '链接已过期或已撤销，无法生成海报');
  const scene = sceneFor(link.code);
  const [image, highlight] = await allInOrder([miniProgramCode(scene), productHighlight(link.product)]);
  const svg = posterSvg({
    productType: link.product.type,
    productName: link.productName,
    highlight,
    manager: { name: staff.name, staffNo: staff.staffNo, branchName: staff.branchName },
    qr: { contentType: image.contentType, base64: Buffer.from(image.bytes).toString('base64') },
  });
  return { link, staff, page: LANDING_PAGE, scene, svg };
}
