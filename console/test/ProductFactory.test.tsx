import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { CONSUMER_CREDIT_PRODUCT } from '../../functions/domain/loan/product';
import type { ChangeRequest, LoanProductDetail, LoanProductPage } from '@/api/types';
import { ProductDetail } from '@/pages/products/ProductDetail';
import { ProductList } from '@/pages/products/ProductList';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const LIST = 'GET /v1/console/loan-products';
const DETAIL = 'GET /v1/console/loan-products/consumer-credit';
const LPR = 'POST /v1/console/lpr/changes';

const page: LoanProductPage = {
  products: [
    { productId: 'consumer-credit', name: '近邻消费贷', kind: 'CONSUMER_CREDIT', currentVersion: 3, updatedAt: '2026-03-02T02:00:00.000Z', pendingChangeId: 'C1' },
    { productId: 'micro-business', name: '近邻经营贷', kind: 'MICRO_BUSINESS', currentVersion: 1, updatedAt: '2026-01-01T00:00:00.000Z' },
  ],
  lprBps: 345,
  lprDisplay: '3.45%',
};

const pendingChange: ChangeRequest = {
  changeId: 'C1',
  kind: 'LOAN_PRODUCT_VERSION',
  entityId: 'loan-product:consumer-credit',
  entityLabel: '贷款产品 近邻消费贷 v4',
  status: 'PENDING',
  before: {},
  after: {},
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T02:00:00.000Z',
};

const detail: LoanProductDetail = {
  current: { ...CONSUMER_CREDIT_PRODUCT, version: 3 },
  card: {
    productId: 'consumer-credit',
    version: 3,
    name: '近邻消费贷',
    kind: 'CONSUMER_CREDIT',
    minAmountFen: 100_000,
    maxAmountFen: 20_000_000,
    termsMonths: [3, 6, 12, 24, 36],
    methods: [{ method: 'EQUAL_INSTALLMENT', label: '等额本息' }],
    purposes: [{ purpose: 'CONSUMPTION', label: '日常消费' }],
    requiresBusinessLicence: false,
    coolingOffDays: 7,
    disclosureVersion: 'consumer-credit-2025-05',
    rateFromBps: 445,
    rateFromDisplay: '4.45%',
  },
  versions: [
    { version: 3, publishedAt: '2026-03-01T02:00:00.000Z', changeId: 'C0', makerLogin: 'pm.li', checkerLogin: 'pm.zhou' },
    { version: 2, publishedAt: '2026-02-01T02:00:00.000Z', changeId: 'Cx', makerLogin: 'pm.zhou', checkerLogin: 'risk.wang' },
    { version: 1, publishedAt: '2026-01-01T00:00:00.000Z' },
  ],
  pendingChange,
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-01',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'products.read', 'products.draft'] },
  });
  api.answer(LIST, 200, page);
  api.answer(DETAIL, 200, detail);
});

const changePath = (changeId: string) => `/changes/${changeId}`;
const row = (productId: string) => screen.getByText(productId).closest('tr') as HTMLElement;

describe('产品工厂: the list', () => {
  test('the products and the LPR as the server lists them, each to its detail, a pending change to its review', async () => {
    render(
      <MemoryRouter>
        <ProductList canDraft changePath={changePath} />
      </MemoryRouter>,
    );
    await waitFor(() => expect(row('consumer-credit')).toBeTruthy(), { timeout: 20_000 });
    expect(within(row('consumer-credit')).getByText('v3')).toBeInTheDocument();
    expect(within(row('consumer-credit')).getByText('个人消费贷')).toBeInTheDocument();
    expect(within(row('consumer-credit')).getByText('2026-03-02 10:00:00')).toBeInTheDocument();
    expect(within(row('consumer-credit')).getByText('查看').closest('a')).toHaveAttribute('href', '/changes/C1');
    expect(within(row('micro-business')).getByText('—')).toBeInTheDocument();
    expect(document.getElementById('products-lpr')).toHaveTextContent('一年期 LPR 3.45%');
    expect(document.getElementById('product-new')).toBeInTheDocument();
  });

  test('without products.draft: nothing to draft with', async () => {
    render(
      <MemoryRouter>
        <ProductList canDraft={false} changePath={changePath} />
      </MemoryRouter>,
    );
    await waitFor(() => expect(row('consumer-credit')).toBeTruthy(), { timeout: 20_000 });
    expect(document.getElementById('product-new')).toBeNull();
    expect(document.getElementById('lpr-change')).toBeNull();
  });

  test('调整 LPR: the contract’s range before any request, then the change for review', async () => {
    render(
      <MemoryRouter>
        <ProductList canDraft changePath={changePath} />
      </MemoryRouter>,
    );
    await waitFor(() => expect(row('consumer-credit')).toBeTruthy(), { timeout: 20_000 });
    fireEvent.click(document.getElementById('lpr-change')!);
    const field = await screen.findByLabelText(/新的一年期 LPR/);
    const confirm = () => fireEvent.click(within(document.querySelector('.ant-modal-content') as HTMLElement).getByText('提交复核').closest('button')!);
    fireEvent.change(field, { target: { value: '0' } });
    confirm();
    expect(await screen.findByText('一年期 LPR 须在 1–2400 基点之间', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(api.requests(LPR)).toEqual([]);
    api.answer(LPR, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    fireEvent.change(field, { target: { value: '335' } });
    confirm();
    expect(await screen.findByText('该对象已有待复核的变更', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(api.requests(LPR).map((request) => request.body)).toEqual([{ oneYearLprBps: 335 }]);
  });
});

describe('产品工厂: a product', () => {
  test('the version on sale, its history newest first with maker and checker, the pending change', async () => {
    render(
      <MemoryRouter>
        <ProductDetail productId="consumer-credit" canDraft changePath={changePath} />
      </MemoryRouter>,
    );
    await screen.findByText('版本历史', {}, { timeout: 20_000 });
    const versions = [...document.querySelectorAll('#product-versions tbody tr.ant-table-row')].map((tr) => (tr as HTMLElement).textContent);
    expect(versions).toEqual(['v32026-03-01 10:00:00pm.lipm.zhou查看', 'v22026-02-01 10:00:00pm.zhourisk.wang查看', 'v12026-01-01 08:00:00——初始版本']);
    const current = within(document.getElementById('product-current')!);
    expect(current.getByText('¥200,000')).toBeInTheDocument();
    expect(current.getByText('3 个月、6 个月、12 个月、24 个月、36 个月')).toBeInTheDocument();
    expect(current.getByText('等额本息、等额本金')).toBeInTheDocument();
    expect(document.getElementById('product-pending')).toHaveTextContent('待复核：贷款产品 近邻消费贷 v4（李娜 提交于 2026-03-02 10:00:00）');
    // A version waits for review: no second one until it is decided.
    expect(document.getElementById('product-new-version')).toBeDisabled();
    expect(document.getElementById('product-clone')).toBeEnabled();
  });

  test('no change waiting: 复制为新版本 is offered', async () => {
    api.answer(DETAIL, 200, { ...detail, pendingChange: undefined });
    render(
      <MemoryRouter>
        <ProductDetail productId="consumer-credit" canDraft changePath={changePath} />
      </MemoryRouter>,
    );
    await screen.findByText('版本历史', {}, { timeout: 20_000 });
    expect(document.getElementById('product-new-version')).toBeEnabled();
    expect(document.getElementById('product-pending')).toBeNull();
  });
});
