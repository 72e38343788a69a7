// One share link's page (packageRM/pages/share): the designed poster from the server with the
// browser's long-press hint, the server's link with a copy action, and revoking — the one
// destructive action — asked again before anything is sent.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SharePoster, ShareLinkView } from '@contract/rm-schemas';
import SharePage from '@/packageRM/pages/share/index';
import { type FakeApi, fakeApi } from '../support/api';
import { renderAt } from '../support/router';

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<{ default: object }>('@tarojs/taro');
  const overrides = { showModal: jest.fn(), showToast: jest.fn(), setClipboardData: jest.fn() };
  return { __esModule: true, ...actual, ...overrides, default: Object.assign(actual.default, overrides) };
});

const wx = jest.mocked(Taro);
const CODE = 'Ab3dE6gH9k';
const URL = `https://h5.example/#/pages/home/index?rm=${CODE}`;
const link: ShareLinkView = {
  code: CODE,
  product: { type: 'WEALTH', id: 'zhaozhao-money', name: '近邻朝朝盈货币基金' },
  campaign: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  status: 'ACTIVE',
  statusLabel: '生效中',
  sharePath: `pages/home/index?rm=${CODE}`,
  scene: `r=${CODE}`,
  h5Url: URL,
  title: '客户经理王芳为您推荐：近邻朝朝盈货币基金',
};
const poster: SharePoster = { code: CODE, page: 'pages/home/index', scene: `r=${CODE}`, imageType: 'image/svg+xml', imageBase64: 'PHN2Zy8+', h5Url: URL };

let api: FakeApi;
beforeEach(() => {
  jest.clearAllMocks();
  api = fakeApi();
  Taro.setStorageSync('jinlin.staffSession', { accessToken: 'staff-token' });
  api.answer(`GET /v1/staff/share-links/${CODE}`, 200, link);
  api.answer(`GET /v1/staff/share-links/${CODE}/poster`, 200, poster);
  api.answer(`POST /v1/staff/share-links/${CODE}/revoke`, 200, { ...link, status: 'REVOKED', statusLabel: '已撤销', revokedAt: '2026-03-02T08:00:00.000Z' });
});

const open = () => renderAt(`/packageRM/pages/share/index?code=${CODE}`, <SharePage />);

describe('a share link', () => {
  test('the poster is the server’s image, with the long-press hint in a browser', async () => {
    await open();
    await screen.findByText('分享海报');
    // The poster is a request of its own, answered after the link's.
    await waitFor(() => expect(document.querySelector('#rm-share-poster img')?.getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+'));
    expect(screen.getByText('长按海报可保存到手机相册，客户用微信扫码即可打开。')).toBeInTheDocument();
  });

  test('复制链接 copies the server’s link and says so', async () => {
    wx.setClipboardData.mockResolvedValue({ errMsg: 'setClipboardData:ok', data: URL });
    await open();
    fireEvent.click(await screen.findByText('复制链接'));
    await screen.findByText('已复制');
    expect(wx.setClipboardData).toHaveBeenCalledWith({ data: URL });
  });

  test('revoking asks first: cancelled, nothing is sent', async () => {
    wx.showModal.mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    await open();
    fireEvent.click(await screen.findByText('撤销该链接'));
    await waitFor(() => expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销该链接？', confirmText: '撤销' })));
    expect(api.requests(`POST /v1/staff/share-links/${CODE}/revoke`)).toHaveLength(0);
  });

  test('revoking confirmed: sent once, and the page shows the link revoked without poster or actions', async () => {
    wx.showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    const revoked = () => api.requests(`POST /v1/staff/share-links/${CODE}/revoke`).length > 0;
    api.answerEach(`GET /v1/staff/share-links/${CODE}`, () => ({ status: 200, body: revoked() ? { ...link, status: 'REVOKED', statusLabel: '已撤销' } : link }));
    await open();
    fireEvent.click(await screen.findByText('撤销该链接'));
    await screen.findByText('已撤销');
    expect(api.requests(`POST /v1/staff/share-links/${CODE}/revoke`)).toHaveLength(1);
    expect(screen.queryByText('分享海报')).toBeNull();
    expect(screen.queryByText('复制链接')).toBeNull();
    expect(screen.queryByText('撤销该链接')).toBeNull();
  });
});
