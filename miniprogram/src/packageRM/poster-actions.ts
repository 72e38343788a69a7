// What a manager does with a poster and a link besides sharing the card: save the poster to the
// phone's album (WeChat) and copy the H5 link. Both are personal-information APIs in WeChat, so
// each asks for privacy consent first (lib/privacy.ts; the page shows components/PrivacySheet).
import Taro from '@tarojs/taro';
import type { SharePoster } from '@contract/rm-schemas';
import { requirePrivacyConsent } from '@/lib/privacy';

export const NO_CONSENT = '需要您同意隐私保护指引后才能使用此功能';
const ALBUM_DENIED = /auth den|authorize|permission/i;

/** Loads an image into the canvas's own image object (WeChat requires the canvas's). */
function loadImage(canvas: Taro.OffscreenCanvas, src: string): Promise<Taro.Image> {
  const image = canvas.createImage();
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('poster image failed to load'));
    image.src = src;
  });
}

/**
 * WeChat: the poster is an SVG, and the album takes PNG or JPEG — so it is drawn onto an
 * offscreen canvas at its own size and that canvas saved. Returns the message to show, or null.
 */
export async function savePosterToAlbum(poster: SharePoster): Promise<string | null> {
  if (!(await requirePrivacyConsent())) return NO_CONSENT;
  try {
    const svgPath = `${Taro.env.USER_DATA_PATH}/jinlin-poster-${poster.code}.svg`;
    Taro.getFileSystemManager().writeFileSync(svgPath, poster.imageBase64, 'base64');
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 });
    const image = await loadImage(canvas, svgPath);
    canvas.width = image.width;
    canvas.height = image.height;
    (canvas.getContext('2d') as CanvasRenderingContext2D).drawImage(image as unknown as CanvasImageSource, 0, 0, image.width, image.height);
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' });
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String((error as { errMsg?: unknown })?.errMsg ?? '');
    if (ALBUM_DENIED.test(message)) {
      // Once refused, WeChat does not ask again: only its settings page can allow the album.
      const { confirm } = await Taro.showModal({ title: '无法保存到相册', content: '请在设置中允许近邻银行保存图片到您的相册。', confirmText: '去设置' });
      if (confirm) await Taro.openSetting();
      return '未获得相册权限，海报未保存';
    }
    return '海报保存失败，请稍后再试';
  }
}

/** Copies the link the server gave; WeChat and the browser each confirm with their own toast. */
export async function copyShareLink(url: string): Promise<string | null> {
  if (!(await requirePrivacyConsent())) return NO_CONSENT;
  try {
    await Taro.setClipboardData({ data: url });
    return null;
  } catch {
    return '复制失败，请长按链接手动复制';
  }
}
