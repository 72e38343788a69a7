// WeChat's privacy gate (lib/privacy.ts) and our consent sheet: WeChat holds a personal-information
// call and fires onNeedPrivacyAuthorization (stubbed here as WeChat does it); the sheet opens,
// reports its exposure, and agreeing (the open-type agreePrivacyAuthorization button) or refusing
// answers every held call. The H5 build has no gate.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PrivacySheet } from '@/components/PrivacySheet';
import { answerPrivacy, listenForPrivacyRequests, PRIVACY_AGREE_ID, requirePrivacyConsent } from '@/lib/privacy';

type Listener = Parameters<typeof Taro.onNeedPrivacyAuthorization>[0];
type Answer = Parameters<Parameters<Listener>[0]>[0];

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<{ default: object }>('@tarojs/taro');
  const apis = {
    ...actual.default,
    eventCenter: (actual.default as typeof Taro).eventCenter,
    onNeedPrivacyAuthorization: jest.fn(),
    requirePrivacyAuthorize: jest.fn(),
    openPrivacyContract: jest.fn(),
  };
  return { __esModule: true, ...actual, default: apis, ...apis };
});

const wx = jest.mocked(Taro);

/** What WeChat does when a held call needs consent: calls our listener with its resolve. */
function wechatAsks(): jest.Mock<(answer: Answer) => void> {
  const listener = wx.onNeedPrivacyAuthorization.mock.calls[0]![0];
  const resolve = jest.fn<(answer: Answer) => void>();
  act(() => listener(resolve, { referrer: 'packageRM/pages/share/index' }));
  return resolve;
}

beforeEach(() => {
  jest.clearAllMocks();
  process.env.TARO_ENV = 'weapp';
  listenForPrivacyRequests();
});
afterEach(() => {
  cleanup();
  answerPrivacy(false);
  process.env.TARO_ENV = 'h5';
});

describe('in the mini-program', () => {
  test('nothing shows until WeChat asks; then the sheet opens and tells WeChat it was shown', () => {
    render(<PrivacySheet />);
    expect(document.getElementById('privacy-sheet')).toBeNull();
    const resolve = wechatAsks();
    expect(document.getElementById('privacy-sheet')).not.toBeNull();
    expect(screen.getByText('《近邻银行小程序隐私保护指引》')).toBeInTheDocument();
    expect(resolve.mock.calls).toEqual([[{ event: 'exposureAuthorization' }]]);
  });

  test('agreeing through the agreePrivacyAuthorization button answers every held call with that button, and closes', () => {
    render(<PrivacySheet />);
    const first = wechatAsks();
    const second = wechatAsks();
    const agree = document.getElementById(PRIVACY_AGREE_ID)!;
    expect(agree).toHaveAttribute('open-type', 'agreePrivacyAuthorization');
    fireEvent(agree, new Event('agreeprivacyauthorization'));
    for (const resolve of [first, second]) expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_ID });
    expect(document.getElementById('privacy-sheet')).toBeNull();
  });

  test('refusing lets the held call fail, and closes', () => {
    render(<PrivacySheet />);
    const resolve = wechatAsks();
    fireEvent.click(screen.getByText('不同意'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(document.getElementById('privacy-sheet')).toBeNull();
  });

  test('a page opened while WeChat already waits shows the sheet at once', () => {
    const resolve = wechatAsks();
    render(<PrivacySheet />);
    expect(document.getElementById('privacy-sheet')).not.toBeNull();
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
  });

  test('the guide opens in WeChat’s own page', () => {
    render(<PrivacySheet />);
    wechatAsks();
    fireEvent.click(screen.getByText('《近邻银行小程序隐私保护指引》'));
    expect(wx.openPrivacyContract).toHaveBeenCalled();
  });

  test('our own calls ask first: true once agreed, false when refused', async () => {
    wx.requirePrivacyAuthorize.mockImplementationOnce((option) => option?.success?.({ errMsg: 'requirePrivacyAuthorize:ok' }));
    await expect(requirePrivacyConsent()).resolves.toBe(true);
    wx.requirePrivacyAuthorize.mockImplementationOnce((option) => option?.fail?.({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' }));
    await expect(requirePrivacyConsent()).resolves.toBe(false);
  });
});

describe('in a browser (H5)', () => {
  test('no gate: nothing is registered or asked, and our calls go ahead', async () => {
    jest.clearAllMocks();
    process.env.TARO_ENV = 'h5';
    listenForPrivacyRequests();
    expect(wx.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
    await expect(requirePrivacyConsent()).resolves.toBe(true);
    expect(wx.requirePrivacyAuthorize).not.toHaveBeenCalled();
  });
});
