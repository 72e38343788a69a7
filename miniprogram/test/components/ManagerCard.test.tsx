// The customer's manager card on home: the manager the server names, their work phone masked as the
// server gave it, and 联系客户经理 dialling the full number; no work phone, no button.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyManager } from '@contract/rm-schemas';
import { ManagerCard } from '@/components/rm/ManagerCard';
import { type FakeApi, fakeApi } from '../support/api';
import { signIn } from '../support/examples';

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<{ default: object }>('@tarojs/taro');
  const overrides = { makePhoneCall: jest.fn() };
  return { __esModule: true, ...actual, ...overrides, default: Object.assign(actual.default, overrides) };
});

const wx = jest.mocked(Taro);
const card = { name: '王芳', staffNo: 'HD0002', branchName: '北京海淀支行' };
const withPhone: MyManager = { manager: { ...card, workPhone: { number: '13800138002', masked: '138****8002' } }, since: '2026-03-01T08:00:00.000Z' };

let api: FakeApi;
beforeEach(() => {
  jest.clearAllMocks();
  api = fakeApi();
  signIn();
});

describe('ManagerCard', () => {
  test('shows the work phone masked; 联系客户经理 dials the full number, once per tap', async () => {
    api.answer('GET /v1/me/relationship-manager', 200, withPhone);
    render(<ManagerCard />);
    expect(await screen.findByText('王芳')).toBeInTheDocument();
    expect(document.getElementById('my-manager-phone')).toHaveTextContent('办公电话 138****8002');
    expect(document.getElementById('my-manager')).not.toHaveTextContent('13800138002');
    fireEvent.click(screen.getByText('联系客户经理'));
    expect(wx.makePhoneCall).toHaveBeenCalledTimes(1);
    expect(wx.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138002' });
  });

  test('a manager without a work phone: the card, no number and no button', async () => {
    api.answer('GET /v1/me/relationship-manager', 200, { ...withPhone, manager: { ...card, workPhone: null } });
    render(<ManagerCard />);
    expect(await screen.findByText('王芳')).toBeInTheDocument();
    expect(screen.queryByText('联系客户经理')).toBeNull();
    expect(document.getElementById('my-manager-phone')).toBeNull();
  });
});
