// lib/soter.ts, the one place that asks the phone for SOTER: what it asks WeChat (Taro's soter
// APIs, stubbed here as WeChat answers), what it hands back for the server, and that a browser
// (the H5 build) never has SOTER.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import Taro from '@tarojs/taro';
import { availableSoterModes, soterResultFor } from '@/lib/soter';

// The H5 build (and these tests) compile `Taro.<api>` into named imports of the API module.
jest.mock('@tarojs/taro', () => {
  const apis = {
    checkIsSupportSoterAuthentication: jest.fn(),
    checkIsSoterEnrolledInDevice: jest.fn(),
    startSoterAuthentication: jest.fn(),
  };
  return { __esModule: true, default: apis, ...apis };
});

const wx = jest.mocked(Taro);

beforeEach(() => {
  jest.clearAllMocks();
});

describe('in the mini-program', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  test('offers the modes SOTER supports and the phone has set up, fingerprint first', async () => {
    wx.checkIsSupportSoterAuthentication.mockResolvedValue({ supportMode: ['facial', 'speech', 'fingerPrint'], errMsg: 'ok' });
    wx.checkIsSoterEnrolledInDevice.mockImplementation(async ({ checkAuthMode }) => ({ isEnrolled: checkAuthMode === 'fingerPrint', errMsg: 'ok' }));
    expect(await availableSoterModes()).toEqual(['fingerPrint']);
    wx.checkIsSoterEnrolledInDevice.mockResolvedValue({ isEnrolled: true, errMsg: 'ok' });
    expect(await availableSoterModes()).toEqual(['fingerPrint', 'facial']);
  });

  test('none when WeChat cannot tell (an old base library, no SOTER)', async () => {
    wx.checkIsSupportSoterAuthentication.mockRejectedValue({ errMsg: 'checkIsSupportSoterAuthentication:fail' });
    expect(await availableSoterModes()).toEqual([]);
  });

  test("asks for the chosen mode with the nonce's challenge and hands back resultJSON and its signature as the server takes them", async () => {
    wx.startSoterAuthentication.mockResolvedValue({ authMode: 'fingerPrint', resultJSON: '{"raw":"challenge-1"}', resultJSONSignature: 'c2ln', errCode: 0, errMsg: 'ok' });
    expect(await soterResultFor('challenge-1', 'fingerPrint', '确认付款 ¥123.45')).toEqual({ resultJson: '{"raw":"challenge-1"}', resultJsonSignature: 'c2ln' });
    expect(wx.startSoterAuthentication).toHaveBeenCalledWith({ requestAuthModes: ['fingerPrint'], challenge: 'challenge-1', authContent: '确认付款 ¥123.45' });
  });

  test('cancelled or not recognised: nothing to send (the PIN then)', async () => {
    wx.startSoterAuthentication.mockRejectedValue({ errCode: 90008, errMsg: 'startSoterAuthentication:fail cancel' });
    expect(await soterResultFor('challenge-1', 'fingerPrint', '确认付款')).toBeNull();
  });
});

describe('in a browser (H5)', () => {
  test('no SOTER: no modes, no result, and WeChat is never asked', async () => {
    expect(await availableSoterModes()).toEqual([]);
    expect(await soterResultFor('challenge-1', 'fingerPrint', '确认付款')).toBeNull();
    expect(wx.checkIsSupportSoterAuthentication).not.toHaveBeenCalled();
    expect(wx.startSoterAuthentication).not.toHaveBeenCalled();
  });
});
