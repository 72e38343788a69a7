// 消息中心 and 消息设置: the server's messages in tabs (动账/安全/服务) with the server's signed
// amounts, the whole list marking what it shows read, a movement opening its history entry; the
// settings turning a category off (安全 never), and WeChat's one-time subscriptions reported as
// accepted. Asking WeChat is stubbed (packageMessages/api.ts requestSubscriptions).
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { MessageItem, MessagePage, MessagePreferencesView } from '@contract/messages-schemas';
import type { Me } from '@contract/schemas';
import { PAGES } from '@/lib/nav';
import { requestSubscriptions } from '@/packageMessages/api';
import MessageCentrePage from '@/packageMessages/pages/centre/index';
import MessageSettingsPage from '@/packageMessages/pages/settings/index';
import HomePage from '@/pages/home/index';
import { type FakeApi, fakeApi } from '../support/api';
import { account, refusal, signIn } from '../support/examples';
import { renderShown } from '../support/page';

jest.mock('@/packageMessages/api', () => ({
  ...jest.requireActual<typeof import('@/packageMessages/api')>('@/packageMessages/api'),
  requestSubscriptions: jest.fn(),
}));

const MESSAGES = 'GET /v1/messages';
const READ = 'POST /v1/messages/read';
const PREFERENCES = 'GET /v1/messages/preferences';
const SAVE = 'POST /v1/messages/preferences';
const SUBSCRIBE = 'POST /v1/messages/subscriptions';

const message = (messageId: string, fields: Partial<MessageItem>): MessageItem => ({
  messageId,
  category: 'SECURITY',
  kind: 'PIN_CHANGED',
  title: '支付密码已修改',
  body: '您的支付密码已修改。如非本人操作，请立即联系客服。',
  at: '2026-03-16T04:00:00.000Z',
  unread: true,
  ...fields,
});

const transferIn = message('P.J1', { category: 'MONEY', kind: 'TRANSFER', title: '入账通知', body: '转账 · 陈*', amountFen: 12_345, entryId: 'J1', at: '2026-03-16T05:00:00.000Z' });
const page: MessagePage = { items: [transferIn, message('M.1', {}), message('M.2', { category: 'SERVICE', kind: 'COMPLAINT_ANSWERED', title: '投诉已答复', body: '您的投诉已有答复，请查看。', unread: false, at: '2026-03-15T04:00:00.000Z' })], nextCursor: null, unread: 2 };

const view = (fields: Partial<MessagePreferencesView> = {}): MessagePreferencesView => ({
  preferences: { MONEY: true, SECURITY: true, SERVICE: true },
  grants: { MONEY: 0, SECURITY: 0, SERVICE: 0 },
  templates: { MONEY: 'tpl-money', SECURITY: 'tpl-security', SERVICE: 'tpl-service' },
  ...fields,
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  jest.mocked(requestSubscriptions).mockReset();
});

const rows = () => Array.from(document.querySelectorAll('.message-item'));

describe('消息中心', () => {
  beforeEach(() => {
    api.answerEach(MESSAGES, (request) => {
      const category = request.query.get('category');
      return { status: 200, body: category ? { ...page, items: page.items.filter((item) => item.category === category) } : page };
    });
    api.answer(READ, 200, { unread: 0 });
  });

  test('every message from the server, the amount as the server signed it, unread ones marked; the whole list marks them read up to the newest', async () => {
    await renderShown(<MessageCentrePage />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [money, security, service] = rows();
    expect(money).toHaveTextContent('入账通知');
    expect(money!.querySelector('.list-row__amount')).toHaveTextContent('+¥123.45');
    expect(money!.querySelector('.list-row__amount')).toHaveClass('amount-in');
    expect(security).toHaveTextContent('如非本人操作');
    expect(security!.querySelector('.list-row__amount')).toBeNull();
    expect(Array.from(document.querySelectorAll('.message-item__dot'))).toHaveLength(2);
    expect(service!.querySelector('.message-item__dot')).toBeNull();
    await waitFor(() => expect(api.requests(READ)).toHaveLength(1));
    expect(api.requests(READ)[0]!.body).toEqual({ upTo: transferIn.at });
  });

  test('a tab asks the server for its category; a tab does not move the read mark', async () => {
    await renderShown(<MessageCentrePage />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await userEvent.click(document.getElementById('messages-tab-security')!);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(api.requests(MESSAGES).at(-1)!.query.get('category')).toBe('SECURITY');
    expect(api.requests(READ)).toHaveLength(1);
  });

  test('a movement opens its history entry', async () => {
    await renderShown(<MessageCentrePage />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await userEvent.click(rows()[0]!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${PAGES.historyDetail}?entryId=J1` });
  });

  test('no messages: says so', async () => {
    api.answer(MESSAGES, 200, { items: [], nextCursor: null, unread: 0 });
    await renderShown(<MessageCentrePage />);
    expect(await screen.findByText('暂无消息')).toBeInTheDocument();
    expect(api.requests(READ)).toHaveLength(0);
  });
});

describe('消息设置', () => {
  test('a category turned off is saved as such; 安全提醒 cannot be tapped off', async () => {
    let current = view();
    api.answerEach(PREFERENCES, () => ({ status: 200, body: current }));
    api.answerEach(SAVE, (request) => {
      current = view({ preferences: request.body as MessagePreferencesView['preferences'] });
      return { status: 200, body: current };
    });
    await renderShown(<MessageSettingsPage />);
    const money = await waitFor(() => document.getElementById('message-pref-money')!);
    expect(money).toHaveTextContent('已开启');
    await userEvent.click(money);
    await waitFor(() => expect(api.requests(SAVE)).toHaveLength(1));
    expect(api.requests(SAVE)[0]!.body).toEqual({ MONEY: false, SECURITY: true, SERVICE: true });
    await waitFor(() => expect(document.getElementById('message-pref-money')).toHaveTextContent('已关闭'));
    await userEvent.click(document.getElementById('message-pref-security')!);
    expect(api.requests(SAVE)).toHaveLength(1);
    expect(screen.getByText(/（始终开启）/)).toBeInTheDocument();
  });

  test('the subscriptions WeChat reports accepted go to the server, for the categories turned on; the grants shown are the server\'s', async () => {
    let current = view({ preferences: { MONEY: true, SECURITY: true, SERVICE: false } });
    api.answerEach(PREFERENCES, () => ({ status: 200, body: current }));
    api.answerEach(SUBSCRIBE, () => {
      current = { ...current, grants: { MONEY: 1, SECURITY: 0, SERVICE: 0 } };
      return { status: 200, body: current };
    });
    jest.mocked(requestSubscriptions).mockResolvedValue(['tpl-money']);
    await renderShown(<MessageSettingsPage />);
    await waitFor(() => expect(document.getElementById('message-grants-money')).toHaveTextContent('可推送 0 次'));
    await userEvent.click(screen.getByText('订阅微信提醒'));
    expect(requestSubscriptions).toHaveBeenCalledWith(['tpl-money', 'tpl-security']);
    await waitFor(() => expect(api.requests(SUBSCRIBE)).toHaveLength(1));
    expect(api.requests(SUBSCRIBE)[0]!.body).toEqual({ accepted: ['tpl-money'] });
    await waitFor(() => expect(document.getElementById('message-grants-money')).toHaveTextContent('可推送 1 次'));
  });

  test('nothing accepted, or no WeChat to ask (H5): nothing is sent, and the page says why', async () => {
    api.answer(PREFERENCES, 200, view());
    jest.mocked(requestSubscriptions).mockResolvedValueOnce([]).mockResolvedValueOnce(null);
    await renderShown(<MessageSettingsPage />);
    await userEvent.click(await screen.findByText('订阅微信提醒'));
    expect(await screen.findByText('未订阅任何提醒')).toBeInTheDocument();
    await userEvent.click(screen.getByText('订阅微信提醒'));
    expect(await screen.findByText('请在微信小程序中订阅微信提醒')).toBeInTheDocument();
    expect(api.requests(SUBSCRIBE)).toHaveLength(0);
  });

  test('a refusal from the server is shown in its words', async () => {
    api.answer(PREFERENCES, 200, view());
    api.answer(SAVE, 422, refusal('SECURITY_MESSAGES_ALWAYS_ON', '安全提醒不能关闭'));
    await renderShown(<MessageSettingsPage />);
    await userEvent.click(await waitFor(() => document.getElementById('message-pref-service')!));
    expect(await screen.findByText('安全提醒不能关闭')).toBeInTheDocument();
  });
});

describe('home', () => {
  const { limits: _limits, ...summary } = account;
  const me: Me = { customerId: 'cus_01', phoneMasked: '138****0000', realName: null, pinSet: true, pinLockedUntil: null, soterEnrolled: null, account: { ...summary, status: 'ACTIVE' } };

  test('消息中心 carries the server\'s unread count, 99+ past 99, none at 0', async () => {
    api.answer('GET /v1/me', 200, me);
    api.answer('GET /v1/messages/unread', 200, { unread: 3 });
    const { unmount } = await renderShown(<HomePage />);
    await waitFor(() => expect(document.querySelector('#go-messages .menu__badge')).toHaveTextContent('3'));
    unmount();
    api.answer('GET /v1/messages/unread', 200, { unread: 99 });
    const second = await renderShown(<HomePage />);
    await waitFor(() => expect(document.querySelector('#go-messages .menu__badge')).toHaveTextContent('99+'));
    second.unmount();
    api.answer('GET /v1/messages/unread', 200, { unread: 0 });
    await renderShown(<HomePage />);
    await waitFor(() => expect(document.getElementById('go-messages')).toBeInTheDocument());
    await waitFor(() => expect(api.requests('GET /v1/messages/unread')).toHaveLength(3));
    expect(document.querySelector('#go-messages .menu__badge')).toBeNull();
    await userEvent.click(document.getElementById('go-messages')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: PAGES.messages });
  });
});
