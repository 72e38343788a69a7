import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { Me } from '@contract/schemas';
import { rememberLanding } from '@/lib/share-landing';
import HomePage from '@/pages/home/index';
import { type FakeApi, fakeApi } from '../support/api';
import { account, signIn } from '../support/examples';
import { renderShown } from '../support/page';

const { limits: _limits, ...summary } = account;
const me = (status: 'ACTIVE' | 'FROZEN'): Me => ({
  customerId: 'cus_01',
  phoneMasked: '138****0000',
  realName: { nameMasked: '*晓', idNumberMasked: '1**************2', verifiedAt: '2026-03-01T08:00:00.000Z' },
  pinSet: true,
  pinLockedUntil: null,
  soterEnrolled: null,
  account: { ...summary, status },
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

describe('the home page', () => {
  test('a frozen account says so, what still works, and whom to call — the balance the server sent stays shown', async () => {
    api.answer('GET /v1/me', 200, me('FROZEN'));
    await renderShown(<HomePage />);
    const notice = await screen.findByText('您的电子账户已被冻结：可以收款，暂不能付款、转出或借款。');
    expect(notice.closest('#account-frozen')?.querySelector('#service-phone')).not.toBeNull();
    expect(document.getElementById('balance')?.textContent).toBe('¥12,345.67');
  });

  test('a closed account (销户) shows when it closed, the card it went to and whom to call — no balance, no money tiles', async () => {
    const closure = { closedAt: '2026-03-05T02:00:00.000Z', sweptFen: 12_345, sweptToCard: { bankName: '中国工商银行', cardNumberMasked: '**** **** **** 5678' }, journalId: 'J1', retainUntil: '2036-03-05T02:00:00.000Z' };
    api.answer('GET /v1/me', 200, { ...me('ACTIVE'), account: { ...summary, status: 'CLOSED', balanceFen: 0, closure } });
    await renderShown(<HomePage />);
    const closed = await screen.findByText('电子账户已注销');
    const card = closed.closest('#account-closed')!;
    expect(card.textContent).toMatch(/已于 2026-03-05 \d{2}:00 注销/);
    expect(document.getElementById('closed-card')?.textContent).toBe('中国工商银行 **** **** **** 5678');
    expect(card.querySelector('#service-phone')).not.toBeNull();
    expect(document.getElementById('balance')).toBeNull();
    expect(document.getElementById('tile-transfer')).toBeNull();
  });

  test('an active account shows no freeze notice', async () => {
    api.answer('GET /v1/me', 200, me('ACTIVE'));
    await renderShown(<HomePage />);
    await screen.findByText('II 类电子账户');
    expect(document.getElementById('account-frozen')).toBeNull();
  });
});

describe('社区生活 on home', () => {
  const opened = () => jest.mocked(Taro.navigateTo).mock.calls.map(([option]) => option.url);

  test('six category tiles open the directory on their category; 全部商户 opens it on all; 社区订单 the orders paid', async () => {
    api.answer('GET /v1/me', 200, me('ACTIVE'));
    await renderShown(<HomePage />);
    const zone = await screen.findByText('社区生活');
    const tiles = Array.from(zone.closest('#community-zone')!.querySelectorAll('.tile'));
    expect(tiles.map((tile) => tile.querySelector('.tile__label')?.textContent)).toEqual(['物业服务', '生鲜超市', '社区诊所', '学校食堂', '便利店', '家政维修', '全部商户', '社区订单']);
    // Each tile has its glyph, as home's other tiles do.
    expect(tiles.every((tile) => (tile.querySelector('.tile__icon')?.textContent ?? '').length === 1)).toBe(true);

    for (const label of ['物业服务', '生鲜超市', '社区诊所', '学校食堂', '便利店', '家政维修', '全部商户', '社区订单']) await userEvent.click(screen.getByText(label));
    expect(opened()).toEqual([
      '/packageCommunity/pages/merchants/index?category=PROPERTY',
      '/packageCommunity/pages/merchants/index?category=GROCERY',
      '/packageCommunity/pages/merchants/index?category=CLINIC',
      '/packageCommunity/pages/merchants/index?category=CANTEEN',
      '/packageCommunity/pages/merchants/index?category=CONVENIENCE',
      '/packageCommunity/pages/merchants/index?category=HOME_SERVICES',
      '/packageCommunity/pages/merchants/index',
      '/packageCommunity/pages/orders/index',
    ]);
  });

  test('a merchant’s static code scanned signed out opens again once signed in', async () => {
    rememberLanding({ type: 'MERCHANT_CODE', id: 'MGROCERY0000001A' });
    api.answer('GET /v1/me', 200, me('ACTIVE'));
    await renderShown(<HomePage />);
    await screen.findByText('社区生活');
    expect(opened()).toEqual(['/packageCommunity/pages/merchant/index?merchantId=MGROCERY0000001A']);
  });
});
