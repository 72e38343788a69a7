// A manager's poster and link actions (packageRM/poster-actions.ts), with WeChat's APIs stubbed as
// WeChat answers: the poster (an SVG) is drawn onto a canvas and that PNG saved to the album,
// after privacy consent; an album refused earlier leads to WeChat's settings; the link is copied
// as the server gave it. Refused consent touches neither album nor clipboard.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import Taro from '@tarojs/taro';
import type { SharePoster } from '@contract/rm-schemas';
import { copyShareLink, NO_CONSENT, savePosterToAlbum } from '@/packageRM/poster-actions';

jest.mock('@tarojs/taro', () => {
  const apis = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    requirePrivacyAuthorize: jest.fn(),
    getFileSystemManager: jest.fn(),
    createOffscreenCanvas: jest.fn(),
    canvasToTempFilePath: jest.fn(),
    saveImageToPhotosAlbum: jest.fn(),
    showModal: jest.fn(),
    openSetting: jest.fn(),
    setClipboardData: jest.fn(),
  };
  return { __esModule: true, default: apis, ...apis };
});

const wx = jest.mocked(Taro);
const poster: SharePoster = { code: 'Ab3dE6gH9k', page: 'pages/home/index', scene: 'r=Ab3dE6gH9k', imageType: 'image/svg+xml', imageBase64: 'PHN2Zy8+', h5Url: null };

const consent = (agreed: boolean) =>
  wx.requirePrivacyAuthorize.mockImplementation((option) => (agreed ? option?.success?.({ errMsg: 'ok' }) : option?.fail?.({ errMsg: 'fail privacy permission is not authorized' })));

/** A canvas whose image loads at the poster's size, recording what is drawn. */
function fakeCanvas() {
  const writeFileSync = jest.fn();
  const drawImage = jest.fn();
  const image = { width: 750, height: 1334, onload: null as null | (() => void), onerror: null, set src(value: string) {
    image.loadedFrom = value;
    queueMicrotask(() => image.onload?.());
  }, loadedFrom: '' };
  const canvas = { width: 1, height: 1, createImage: () => image, getContext: () => ({ drawImage }) };
  wx.getFileSystemManager.mockReturnValue({ writeFileSync } as unknown as Taro.FileSystemManager);
  wx.createOffscreenCanvas.mockReturnValue(canvas as unknown as Taro.OffscreenCanvas);
  wx.canvasToTempFilePath.mockResolvedValue({ tempFilePath: 'wxfile://tmp/poster.png', errMsg: 'ok' });
  return { writeFileSync, drawImage, image, canvas };
}

beforeEach(() => {
  jest.clearAllMocks();
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('saving the poster (WeChat)', () => {
  test('the SVG is written, drawn at its own size and the PNG saved', async () => {
    consent(true);
    const { writeFileSync, drawImage, image, canvas } = fakeCanvas();
    wx.saveImageToPhotosAlbum.mockResolvedValue({ errMsg: 'ok' });
    expect(await savePosterToAlbum(poster)).toBeNull();
    expect(writeFileSync).toHaveBeenCalledWith('wxfile://usr/jinlin-poster-Ab3dE6gH9k.svg', 'PHN2Zy8+', 'base64');
    expect(image.loadedFrom).toBe('wxfile://usr/jinlin-poster-Ab3dE6gH9k.svg');
    expect([canvas.width, canvas.height]).toEqual([750, 1334]);
    expect(drawImage).toHaveBeenCalledWith(image, 0, 0, 750, 1334);
    expect(wx.canvasToTempFilePath.mock.calls).toEqual([[{ canvas, fileType: 'png' }]]);
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
  });

  test('without consent nothing is written or saved', async () => {
    consent(false);
    expect(await savePosterToAlbum(poster)).toBe(NO_CONSENT);
    expect(wx.getFileSystemManager).not.toHaveBeenCalled();
    expect(wx.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  });

  test('an album refused earlier: WeChat’s settings are offered, and opened on 去设置', async () => {
    consent(true);
    fakeCanvas();
    wx.saveImageToPhotosAlbum.mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    wx.showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' });
    expect(await savePosterToAlbum(poster)).toBe('未获得相册权限，海报未保存');
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '去设置' }));
    expect(wx.openSetting).toHaveBeenCalled();
  });

  test('any other failure says so, without the settings detour', async () => {
    consent(true);
    fakeCanvas();
    wx.saveImageToPhotosAlbum.mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail cancel' });
    expect(await savePosterToAlbum(poster)).toBe('海报保存失败，请稍后再试');
    expect(wx.showModal).not.toHaveBeenCalled();
  });
});

describe('copying the link', () => {
  test('the URL the server gave, after consent', async () => {
    consent(true);
    wx.setClipboardData.mockResolvedValue({ errMsg: 'ok', data: '' });
    expect(await copyShareLink('https://h5.example/#/pages/home/index?rm=Ab3dE6gH9k')).toBeNull();
    expect(wx.setClipboardData).toHaveBeenCalledWith({ data: 'https://h5.example/#/pages/home/index?rm=Ab3dE6gH9k' });
  });

  test('without consent the clipboard is not touched', async () => {
    consent(false);
    expect(await copyShareLink('https://h5.example/x')).toBe(NO_CONSENT);
    expect(wx.setClipboardData).not.toHaveBeenCalled();
  });

  test('in a browser no consent is asked', async () => {
    process.env.TARO_ENV = 'h5';
    wx.setClipboardData.mockResolvedValue({ errMsg: 'ok', data: '' });
    expect(await copyShareLink('https://h5.example/x')).toBeNull();
    expect(wx.requirePrivacyAuthorize).not.toHaveBeenCalled();
  });
});
