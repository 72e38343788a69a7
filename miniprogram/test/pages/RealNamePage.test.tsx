import { beforeEach, describe, expect, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { Me } from '@contract/schemas';
import RealNamePage from '@/pages/real-name/index';
import { type FakeApi, fakeApi } from '../support/api';
import { signIn } from '../support/examples';
import { input, typeInto } from '../support/form';
import { renderShown } from '../support/page';

const REAL_NAME = 'POST /v1/me/real-name';
const ID_NUMBER = '11010519900307123X';
const verified: Me = {
  customerId: 'cus_01',
  phoneMasked: '138****0000',
  realName: { nameMasked: '王*', idNumberMasked: '1****************X', verifiedAt: '2026-03-02T09:30:00.000Z' },
  pinSet: false,
  pinLockedUntil: null,
  soterEnrolled: null,
  account: null,
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(REAL_NAME, 200, verified);
});

async function submit(name: string) {
  await typeInto('real-name-name', name);
  await typeInto('real-name-id', ID_NUMBER);
  await userEvent.click(document.getElementById('real-name-submit')!);
}

describe('实名认证: a name in any Han character', () => {
  // 30 characters outside the basic plane are 60 UTF-16 units: counted as 30, the longest name.
  test.each(['王𠮷', '刘䶮', '陈龦', '阿沛·阿旺晋美', '𠮷'.repeat(30)])('%s is sent as typed', async (name) => {
    await renderShown(<RealNamePage />);
    await submit(name);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());
    expect(api.requests(REAL_NAME).map((request) => request.body)).toEqual([{ name, idNumber: ID_NUMBER }]);
  });

  test('a look-alike dot is sent as the ID card’s ·', async () => {
    await renderShown(<RealNamePage />);
    await submit('阿沛・阿旺晋美');
    await waitFor(() => expect(api.requests(REAL_NAME)).toHaveLength(1));
    expect(api.requests(REAL_NAME)[0]!.body).toEqual({ name: '阿沛·阿旺晋美', idNumber: ID_NUMBER });
  });

  test('the box holds a longest name of characters outside the basic plane (two UTF-16 units each)', async () => {
    await renderShown(<RealNamePage />);
    await waitFor(() => expect(input('real-name-name').maxLength).toBe(60));
  });

  test.each([
    ['Wang', '请输入身份证上的中文姓名，少数民族姓名中间用“·”分隔'],
    ['王😀', '请输入身份证上的中文姓名，少数民族姓名中间用“·”分隔'],
    ['王', '姓名须为 2–30 个汉字'],
    ['王小明'.repeat(10) + '王', '姓名须为 2–30 个汉字'],
  ])('%s is refused on the page, nothing sent', async (name, message) => {
    await renderShown(<RealNamePage />);
    await submit(name);
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(api.requests(REAL_NAME)).toHaveLength(0);
  });
});
