// A share link's poster: the designed image around the mini-program code (小程序码) from WeChat's
// getwxacodeunlimit. A function of its own, because the simulator's QR encoder is the largest
// part of its bundle.
import { rmRoutes as routes } from '../contract/rm-routes.js';
import { sharePoster } from '../services/share-poster.js';
import { defineRoute, lambda } from './route.js';
import { shareLinkView } from './rm-views.js';

const poster = defineRoute('sharePoster', routes.sharePoster, async ({ staffId, params, now }) => {
  const { link, staff, page, scene, svg } = await sharePoster(staffId, params.code, now);
  return {
    code: link.code,
    page,
    scene,
    imageType: 'image/svg+xml' as const,
    imageBase64: Buffer.from(svg, 'utf8').toString('base64'),
    h5Url: shareLinkView(link, staff, now).h5Url,
  };
});

export const handler = lambda([poster]);
