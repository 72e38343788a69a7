import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { PartnerDetail, PartnerPage } from '@/api/partners';
import type { ChangeRequest } from '@/api/types';
import { PartnerList } from '@/pages/open/PartnersPage';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const PARTNERS = 'GET /v1/console/partners';
const PARTNER = 'GET /v1/console/partners/PSANDBOX';
const DEPOSIT = 'POST /v1/console/partners/PSANDBOX/reserve-deposits';
const CHANGE_ID = 'C00000000000000000000000000reserve';

const partners: PartnerPage = {
  partners: [{ partnerId: 'PSANDBOX', name: '邻里鲜社区超市（沙箱）', status: 'ACTIVE', scopes: ['merchants', 'payments'], keySerials: ['3C5A4E4C53414E44'], feeRateBps: 30, rateLimitPerMinute: 600, updatedAt: '2026-12-07T02:00:00.000Z' }],
  scopeLabels: { merchants: '商户进件', payments: '收款', refunds: '退款' },
};

const detail = (reserve: PartnerDetail['reserve']): PartnerDetail => ({
  current: {
    partnerId: 'PSANDBOX',
    name: '邻里鲜社区超市（沙箱）',
    status: 'ACTIVE',
    scopes: ['merchants', 'payments'],
    webhookUrls: ['https://llx.example.com/jinlin/webhooks'],
    feeRateBps: 30,
    rateLimitPerMinute: 600,
    keys: [{ serialNo: '3C5A4E4C53414E44', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n', addedAt: '2026-12-01T02:00:00.000Z' }],
  },
  updatedAt: '2026-12-07T02:00:00.000Z',
  reserve,
});

const depositChange: ChangeRequest = {
  changeId: CHANGE_ID,
  kind: 'PARTNER_RESERVE',
  entityId: 'partner-reserve:PSANDBOX',
  entityLabel: '保证金入账 邻里鲜社区超市（沙箱） ¥12,345.67',
  status: 'PENDING',
  before: { reserveBalanceFen: 5_000_000 },
  after: { partnerId: 'PSANDBOX', amountFen: 1_234_567, bankReference: 'CMB20261207-0001' },
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-12-07T02:00:00.000Z',
  effectiveAt: '2026-12-07T02:00:00.000Z',
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(PARTNERS, 200, partners);
  api.answer(PARTNER, 200, detail({ reserveBalanceFen: 5_000_000 }));
  startSession({
    accessToken: 'token-pm',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'partners.read', 'partners.draft'] },
  });
});

const enter = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const within20s = { timeout: 20_000 };

/** The partner's 详情 drawer, once its detail has come. */
async function openDetail(canDraft: boolean): Promise<HTMLElement> {
  render(<MemoryRouter><PartnerList canDraft={canDraft} /></MemoryRouter>);
  const row = (await screen.findByText('邻里鲜社区超市（沙箱）')).closest('tr') as HTMLElement;
  fireEvent.click(within(row).getByRole('button', { name: '详情' }));
  await screen.findByText('保证金余额', undefined, within20s);
  return document.getElementById('partner-reserve') as HTMLElement;
}

async function openDepositForm(): Promise<HTMLElement> {
  const reserve = await openDetail(true);
  fireEvent.click(within(reserve).getByRole('button', { name: '登记保证金入账' }));
  await waitFor(() => expect(document.getElementById('bankReference')).not.toBeNull(), within20s);
  const dialog = document.getElementById('bankReference')!.closest('[role="dialog"]') as HTMLElement;
  expect(within(dialog).getByText('登记保证金入账 · 邻里鲜社区超市（沙箱）')).toBeInTheDocument();
  return dialog;
}

describe('开放平台 › 合作方 › 保证金', () => {
  test('the balance is the server’s; a deposit waiting for its checker links to the change', async () => {
    api.answer(PARTNER, 200, detail({ reserveBalanceFen: 123_456_789, pendingChangeId: CHANGE_ID }));
    const reserve = await openDetail(true);
    expect(document.getElementById('partner-reserve-balance')!.textContent).toBe('¥1,234,567.89');
    expect(within(reserve).getByText('待复核')).toBeInTheDocument();
    expect(within(reserve).getByRole('link', { name: '查看待复核的入账' }).getAttribute('href')).toBe(`/changes/${CHANGE_ID}`);
    // One deposit waits: no second until it is decided.
    expect(within(reserve).queryByRole('button', { name: '登记保证金入账' })).toBeNull();
  });

  test('a reader without partners.draft sees the balance and no 登记保证金入账', async () => {
    const reserve = await openDetail(false);
    expect(document.getElementById('partner-reserve-balance')!.textContent).toBe('¥50,000.00');
    expect(within(reserve).queryByText('待复核')).toBeNull();
    expect(screen.queryByRole('button', { name: '登记保证金入账' })).toBeNull();
  });

  test('the form refuses an amount or a reference the server would, and sends nothing', async () => {
    const dialog = await openDepositForm();
    expect(within(dialog).getByText(/通过后才计入保证金余额/)).toBeInTheDocument();
    const submit = within(dialog).getByRole('button', { name: '提交复核' });
    for (const [amount, reference, message] of [
      ['12.345', 'CMB20261207-0001', '请输入金额，最多两位小数'],
      ['-5', 'CMB20261207-0001', '请输入金额，最多两位小数'],
      ['0', 'CMB20261207-0001', '入账金额须大于 0'],
      ['10000000.01', 'CMB20261207-0001', '单笔入账不能超过 ¥10,000,000.00'],
      ['100', 'CMB01', '6–40 位字母、数字或 -'],
      ['100', 'CMB_2026_1207', '6–40 位字母、数字或 -'],
    ] as const) {
      enter('amountYuan', amount);
      enter('bankReference', reference);
      fireEvent.click(submit);
      expect(await within(dialog).findByText(message, undefined, within20s)).toBeInTheDocument();
    }
    expect(api.requests(DEPOSIT)).toHaveLength(0);
  });

  test('a deposit is sent in fen with its reference, then named for its checker with the link to the change', async () => {
    api.answer(DEPOSIT, 200, depositChange);
    const dialog = await openDepositForm();
    enter('amountYuan', '12345.67');
    enter('bankReference', ' CMB20261207-0001 ');
    // The detail read after the submission shows the deposit waiting.
    api.answer(PARTNER, 200, detail({ reserveBalanceFen: 5_000_000, pendingChangeId: CHANGE_ID }));
    fireEvent.click(within(dialog).getByRole('button', { name: '提交复核' }));
    await waitFor(() => expect(api.requests(DEPOSIT)).toHaveLength(1), within20s);
    expect(api.requests(DEPOSIT)[0]!.body).toEqual({ amountFen: 1_234_567, bankReference: 'CMB20261207-0001' });
    const notice = (await screen.findByText('已提交复核：保证金入账 邻里鲜社区超市（沙箱） ¥12,345.67', undefined, within20s)).closest('#reserve-submitted') as HTMLElement;
    expect(within(notice).getByRole('link', { name: '查看变更' }).getAttribute('href')).toBe(`/changes/${CHANGE_ID}`);
    // The balance stays the server's until the checker approves.
    expect(await screen.findByRole('link', { name: '查看待复核的入账' }, within20s)).toBeInTheDocument();
    expect(document.getElementById('partner-reserve-balance')!.textContent).toBe('¥50,000.00');
  });

  test('a deposit already waiting (409 CHANGE_PENDING) is refused in the server’s words', async () => {
    api.answer(DEPOSIT, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    const dialog = await openDepositForm();
    enter('amountYuan', '500');
    enter('bankReference', 'CMB20261207-0002');
    fireEvent.click(within(dialog).getByRole('button', { name: '提交复核' }));
    expect(await within(dialog).findByText('该对象已有待复核的变更', undefined, within20s)).toBeInTheDocument();
    expect(api.requests(DEPOSIT)[0]!.body).toEqual({ amountFen: 50_000, bankReference: 'CMB20261207-0002' });
    expect(document.getElementById('reserve-submitted')).toBeNull();
  });
});
