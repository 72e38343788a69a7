import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ChangeRequest } from '@/api/types';
import type { WealthProduct, WealthProductPreview } from '@/api/wealth';
import { PREVIEW_DEBOUNCE_MS } from '@/pages/products/draft-form';
import { WealthEditor, type WealthEditorMode } from '@/pages/products/wealth/WealthEditor';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const PREVIEW = 'POST /v1/console/wealth-products/preview';
const SUBMIT = 'POST /v1/console/wealth-products/changes';

const base: WealthProduct = {
  productId: 'anxin-bond',
  version: 2,
  name: '近邻安心债券基金 A',
  type: 'BOND_FUND',
  issuerType: 'FUND',
  issuerName: '近邻基金管理有限公司',
  offering: 'PUBLIC',
  riskLevel: 'R3',
  status: 'OPEN',
  minPurchaseFen: 1,
  stepFen: 1,
  maxPurchaseFen: 100_000_000,
  subscriptionOpensOn: '2026-01-05',
  subscriptionClosesOn: null,
  termDays: null,
  maturityDate: null,
  benchmarkBps: null,
  coolingOffHours: 0,
  fees: { managementBpsPerYear: 30, custodyBpsPerYear: 10, salesServiceBpsPerYear: 0 },
  disclosureVersion: 'anxin-bond-2025-06',
  description: '0.01 元起购，主投利率债与高等级信用债。',
};
const { version: _version, ...baseDraft } = base;

/** The server's rendering; its texts are deliberately ones no client code could make up. */
const preview: WealthProductPreview = {
  card: {
    productId: 'anxin-bond',
    version: 3,
    name: '近邻安心债券基金 A',
    type: 'BOND_FUND',
    typeLabel: '债券基金',
    issuerType: 'FUND',
    issuerLabel: '公募基金',
    issuerName: '近邻基金管理有限公司',
    offering: 'PUBLIC',
    riskLevel: 'R3',
    riskLabel: 'R3 中风险',
    status: 'OPEN',
    onSale: true,
    minPurchaseFen: 29,
    stepFen: 1,
    maxPurchaseFen: 100_000_000,
    purchaseRule: '服务端购买规则 0.29 元起购',
    subscriptionOpensOn: '2026-01-05',
    subscriptionClosesOn: null,
    termDays: null,
    maturityDate: null,
    coolingOffHours: 0,
    fees: { managementBpsPerYear: 30, custodyBpsPerYear: 10, salesServiceBpsPerYear: 0, display: '管理费 0.30%/年 · 托管费 0.10%/年 · 销售服务费 0.00%/年' },
    disclosureVersion: 'anxin-bond-2025-06',
    description: '0.01 元起购，主投利率债与高等级信用债。',
    benchmarkBps: null,
    headline: { kind: 'ONE_YEAR_RETURN', label: '近1年收益率', rateBps: 987, display: '+9.87%', date: '2026-03-02' },
    navCentiFen: 10_987,
    navDisplay: '1.0987',
    sevenDayYieldBps: null,
    incomePer10kDisplay: null,
    priceDate: '2026-03-02',
    fastRedemption: false,
    fastRedemptionDailyCapFen: null,
    redemptionRule: '服务端赎回规则：按下一营业日净值确认',
  },
  disclosure: { version: 'anxin-bond-2025-06', title: '近邻安心债券基金 A风险揭示书', text: '服务端风险揭示：理财非存款，产品有风险。' },
};

const change: ChangeRequest = {
  changeId: 'C0123456789abcdef0123456789abcdef',
  kind: 'WEALTH_PRODUCT_VERSION',
  entityId: 'wealth-product:anxin-bond',
  entityLabel: '理财产品 近邻安心债券基金 A v3',
  status: 'PENDING',
  before: baseDraft,
  after: baseDraft,
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T02:00:00.000Z',
};

let api: FakeApi;
let onSubmitted: jest.Mock<(change: ChangeRequest) => void>;
beforeEach(() => {
  api = fakeApi();
  onSubmitted = jest.fn();
  startSession({
    accessToken: 'token-01',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'products.read', 'products.draft'] },
  });
});

const renderEditor = (mode: WealthEditorMode) => render(<WealthEditor mode={mode} onSubmitted={onSubmitted} />);
const enter = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
const submit = () => fireEvent.click(document.getElementById('wealth-submit')!);
const fieldMessage = (id: string) => document.getElementById(`${id}_help`)?.textContent ?? '';

describe('the contract’s validation, inline', () => {
  test('each field the contract refuses shows the contract’s message under it, and nothing is sent', async () => {
    api.answer(PREVIEW, 200, preview);
    renderEditor({ kind: 'clone', base });
    enter('productId', 'Bad Id');
    enter('fees_custodyBpsPerYear', '1200');
    submit();
    await waitFor(() => expect(fieldMessage('productId')).toBe('产品编号须为 3–40 位小写字母、数字或连字符，以字母开头'), { timeout: 20_000 });
    expect(fieldMessage('fees_custodyBpsPerYear')).toBe('各项费率须在 0–1000 个基点之间');
    expect(fieldMessage('disclosureVersion')).toBe('风险揭示书版本须为 1–40 位字母、数字、点、下划线或连字符');
    expect(fieldMessage('name')).toBe('');
    expect(api.requests(SUBMIT)).toEqual([]);
  });

  test('a rule across fields (the regulator’s or the product’s own) shows under the field it names', async () => {
    api.answer(PREVIEW, 200, preview);
    renderEditor({ kind: 'new-version', base });
    enter('minPurchaseYuan', '2000');
    enter('maxPurchaseYuan', '1000');
    submit();
    await waitFor(() => expect(fieldMessage('minPurchaseYuan')).toBe('起购金额不能高于单笔上限'), { timeout: 20_000 });
    expect(api.requests(SUBMIT)).toEqual([]);
  });

  test('a new version starts from the product on sale, its productId and type fixed', () => {
    api.answer(PREVIEW, 200, preview);
    renderEditor({ kind: 'new-version', base });
    expect(document.getElementById('productId')).toHaveValue('anxin-bond');
    expect(document.getElementById('productId')).toBeDisabled();
    expect(document.getElementById('type')).toBeDisabled();
    expect(document.getElementById('maxPurchaseYuan')).toHaveValue('1000000.00');
  });
});

describe('the live preview', () => {
  test('asks the server once typing pauses, and shows the server’s card, rules and disclosure as they came', async () => {
    api.answer(PREVIEW, 200, preview);
    renderEditor({ kind: 'new-version', base });
    enter('minPurchaseYuan', '0.2');
    enter('minPurchaseYuan', '0.29');
    const panel = within(document.getElementById('wealth-preview')!);
    expect(await panel.findByText('服务端购买规则 0.29 元起购', {}, { timeout: 20_000 })).toHaveAttribute('id', 'wealth-card-purchase-rule');
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DEBOUNCE_MS * 2));
    // Typing in quick succession: one request, for the last value (yuan as whole fen).
    expect(api.requests(PREVIEW).map((request) => request.body)).toEqual([{ product: { ...baseDraft, minPurchaseFen: 29 } }]);
    expect(panel.getByText('+9.87%', { selector: '#wealth-card-headline' })).toBeInTheDocument();
    expect(panel.getByText('服务端赎回规则：按下一营业日净值确认')).toBeInTheDocument();
    expect(panel.getByText('服务端风险揭示：理财非存款，产品有风险。')).toBeInTheDocument();
  });

  test('the server’s 400 is shown under the field it names', async () => {
    api.answer(PREVIEW, 400, { error: { code: 'VALIDATION_FAILED', message: '请求参数有误：product.issuerName' } });
    renderEditor({ kind: 'new-version', base });
    await waitFor(() => expect(fieldMessage('issuerName')).toBe('请求参数有误：product.issuerName'), { timeout: 20_000 });
    expect(within(document.getElementById('wealth-preview')!).getByText('暂无法预览')).toBeInTheDocument();
  });
});

describe('submitting', () => {
  test('sends the draft for review and hands on the pending change; a refusal is shown in the server’s words', async () => {
    api.answer(PREVIEW, 200, preview);
    api.answer(SUBMIT, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    renderEditor({ kind: 'new-version', base });
    enter('coolingOffHours', '24');
    submit();
    expect(await screen.findByText('该对象已有待复核的变更', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(onSubmitted).not.toHaveBeenCalled();
    api.answer(SUBMIT, 200, change);
    submit();
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(change), { timeout: 20_000 });
    expect(api.requests(SUBMIT).map((request) => request.body)).toEqual([
      { product: { ...baseDraft, coolingOffHours: 24 } },
      { product: { ...baseDraft, coolingOffHours: 24 } },
    ]);
  });
});
