import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { PartnerPage, ReviewQueue } from '@/api/partners';
import type { ChangeRequest } from '@/api/types';
import { MerchantReviews } from '@/pages/open/MerchantReviewsPage';
import { PartnerList } from '@/pages/open/PartnersPage';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const PARTNERS = 'GET /v1/console/partners';
const PARTNER_CHANGE = 'POST /v1/console/partners/changes';
const QUEUE = 'GET /v1/console/merchant-reviews';
const REVIEW = 'POST /v1/console/merchant-reviews/changes';

const partners: PartnerPage = {
  partners: [
    { partnerId: 'PSANDBOX', name: '邻里鲜社区超市（沙箱）', status: 'ACTIVE', scopes: ['merchants', 'payments'], keySerials: ['3C5A4E4C53414E44'], feeRateBps: 30, rateLimitPerMinute: 600, updatedAt: '2026-12-07T02:00:00.000Z' },
    { partnerId: 'P7K2M9QA', name: '幸福里物业服务中心', status: 'SUSPENDED', scopes: ['payments'], keySerials: ['A1B2C3D4', 'A1B2C3D5'], feeRateBps: 20, rateLimitPerMinute: 300, updatedAt: '2026-12-06T02:00:00.000Z', pendingChangeId: 'C0123456789abcdef0123456789abcdef' },
  ],
  scopeLabels: { merchants: '商户进件', payments: '收款', refunds: '退款' },
};

const queue: ReviewQueue = {
  merchants: [
    {
      merchantId: 'M0000000000000A1',
      partnerId: 'PSANDBOX',
      partnerName: '邻里鲜社区超市（沙箱）',
      outMerchantNo: 'LLX-0001',
      name: '南京幸福里生鲜超市有限公司',
      shortName: '邻里鲜·幸福里店',
      licenceNo: '91320100MA1W0R2X1P',
      category: 'GROCERY',
      categoryLabel: '生鲜超市',
      community: { name: '幸福里社区', cityCode: '320102' },
      settlementAccount: { bankName: '江苏银行南京分行', accountNumberMasked: '****7890', holderName: '南京幸福里生鲜超市有限公司' },
      status: 'PENDING_REVIEW',
      statusLabel: '待银行审核',
      proposedAt: '2026-12-07T01:00:00.000Z',
    },
  ],
  nextCursor: null,
};

const change = (kind: ChangeRequest['kind'], entityLabel: string): ChangeRequest => ({
  changeId: 'C0123456789abcdef0123456789abcdef',
  kind,
  entityId: 'partner:PNEW0001',
  entityLabel,
  status: 'PENDING',
  before: null,
  after: {},
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-12-07T02:00:00.000Z',
  effectiveAt: '2026-12-07T02:00:00.000Z',
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(PARTNERS, 200, partners);
  api.answer(QUEUE, 200, queue);
  startSession({
    accessToken: 'token-pm',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'partners.read', 'partners.draft'] },
  });
});

const enter = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const within20s = { timeout: 20_000 };

describe('开放平台 › 合作方', () => {
  test('each partner with its status, scopes in words, key serials and the change waiting on it', async () => {
    render(<MemoryRouter><PartnerList canDraft={false} /></MemoryRouter>);
    const sandbox = (await screen.findByText('邻里鲜社区超市（沙箱）')).closest('tr') as HTMLElement;
    expect(within(sandbox).getByText('正常接入')).toBeInTheDocument();
    expect(within(sandbox).getByText('商户进件')).toBeInTheDocument();
    expect(within(sandbox).getByText('3C5A4E4C53414E44')).toBeInTheDocument();
    const suspended = screen.getByText('幸福里物业服务中心').closest('tr') as HTMLElement;
    expect(within(suspended).getByText('暂停接入')).toBeInTheDocument();
    expect(within(suspended).getByRole('link', { name: '待复核变更' }).getAttribute('href')).toContain('C0123456789abcdef0123456789abcdef');
    // A reader cannot draft.
    expect(screen.queryByRole('button', { name: /接入合作方/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '修改' })).toBeNull();
  });

  test('接入合作方: the draft is sent as the maker filled it, then named for its checker', async () => {
    api.answer(PARTNER_CHANGE, 200, change('PARTNER', '接入合作方 幸福里物业'));
    render(<MemoryRouter><PartnerList canDraft /></MemoryRouter>);
    fireEvent.click(await screen.findByRole('button', { name: /接入合作方/ }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(document.getElementById('keys_0_serialNo')).not.toBeNull(), within20s);
    enter('name', '幸福里物业');
    enter('keys_0_serialNo', 'A1B2C3D4E5F60001');
    enter('keys_0_publicKeyPem', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----');
    enter('webhookUrl', 'https://wy.example.com/hooks');
    fireEvent.click(within(dialog).getByRole('button', { name: '提交复核' }));
    await waitFor(() => expect(api.requests(PARTNER_CHANGE)).toHaveLength(1), within20s);
    expect(api.requests(PARTNER_CHANGE)[0]!.body).toEqual({
      partner: {
        name: '幸福里物业',
        status: 'ACTIVE',
        scopes: ['merchants', 'payments', 'refunds'],
        keys: [{ serialNo: 'A1B2C3D4E5F60001', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n' }],
        webhookUrls: ['https://wy.example.com/hooks'],
        feeRateBps: 30,
        rateLimitPerMinute: 600,
      },
    });
    expect(await screen.findByText('已提交复核：接入合作方 幸福里物业')).toBeInTheDocument();
  });

  test('a refusal stays in the form, in the server’s words', async () => {
    api.answer(PARTNER_CHANGE, 400, { error: { code: 'VALIDATION_FAILED', message: '请求参数有误：partner.keys.0.publicKeyPem' } });
    render(<MemoryRouter><PartnerList canDraft /></MemoryRouter>);
    fireEvent.click(await screen.findByRole('button', { name: /接入合作方/ }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(document.getElementById('keys_0_serialNo')).not.toBeNull(), within20s);
    enter('name', '幸福里物业');
    enter('keys_0_serialNo', 'A1B2C3D4E5F60001');
    enter('keys_0_publicKeyPem', 'not a key');
    fireEvent.click(within(dialog).getByRole('button', { name: '提交复核' }));
    expect(await within(dialog).findByText('请求参数有误：partner.keys.0.publicKeyPem', undefined, within20s)).toBeInTheDocument();
  });
});

describe('开放平台 › 商户进件审核', () => {
  test('a waiting merchant with its partner, licence and settlement account as the server masks it', async () => {
    render(<MemoryRouter><MerchantReviews canDraft={false} /></MemoryRouter>);
    const row = (await screen.findByText('邻里鲜·幸福里店')).closest('tr') as HTMLElement;
    expect(within(row).getByText('邻里鲜社区超市（沙箱）')).toBeInTheDocument();
    expect(within(row).getByText('江苏银行南京分行 ****7890')).toBeInTheDocument();
    expect(within(row).getByText('91320100MA1W0R2X1P')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: '审核' })).toBeNull();
  });

  test('an approval is sent with its note; the gateway’s refusal is shown in the form', async () => {
    api.answer(REVIEW, 422, { error: { code: 'SETTLEMENT_HOLDER_MISMATCH', message: '结算账户户名与商户注册名称不一致，不能通过审核' } });
    render(<MemoryRouter><MerchantReviews canDraft /></MemoryRouter>);
    const row = (await screen.findByText('邻里鲜·幸福里店')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '审核' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('通过（可收款）'));
    enter('reviewNote', '证照齐全');
    fireEvent.click(within(dialog).getByRole('button', { name: '提交复核' }));
    expect(await within(dialog).findByText('结算账户户名与商户注册名称不一致，不能通过审核', undefined, within20s)).toBeInTheDocument();
    expect(api.requests(REVIEW)[0]!.body).toEqual({ partnerId: 'PSANDBOX', merchantId: 'M0000000000000A1', decision: 'APPROVE', reviewNote: '证照齐全' });

    api.answer(REVIEW, 200, change('MERCHANT_REVIEW', '驳回商户进件 邻里鲜·幸福里店'));
    fireEvent.click(within(dialog).getByLabelText('不通过'));
    enter('reviewNote', '结算账户户名与营业执照不一致');
    fireEvent.click(within(dialog).getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('已提交复核：驳回商户进件 邻里鲜·幸福里店', undefined, within20s)).toBeInTheDocument();
    expect(api.requests(REVIEW)[1]!.body).toMatchObject({ decision: 'REJECT', reviewNote: '结算账户户名与营业执照不一致' });
  });
});
