import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CONSUMER_CREDIT_PRODUCT } from '../../functions/domain/loan/product';
import type { ChangeRequest, LoanProductPreview } from '@/api/types';
import { PREVIEW_DEBOUNCE_MS } from '@/pages/products/draft-form';
import { type EditorMode, ProductEditor } from '@/pages/products/ProductEditor';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const PREVIEW = 'POST /v1/console/loan-products/preview';
const SUBMIT = 'POST /v1/console/loan-products/changes';

const base = { ...CONSUMER_CREDIT_PRODUCT, version: 3 };
const { version: _version, ...baseDraft } = base;

/** A preview as the server answers it; the figures are deliberately not what any client arithmetic
 *  would give, so only the server's can be on screen. */
const preview: LoanProductPreview = {
  card: {
    productId: 'consumer-credit',
    version: 4,
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
  sample: {
    productId: 'consumer-credit',
    amountFen: 1_000_000,
    termMonths: 3,
    method: 'EQUAL_INSTALLMENT',
    grade: 'A',
    annualRateBps: 445,
    annualRateDisplay: '4.45%',
    annualizedRateBps: 811,
    annualizedRateDisplay: '8.11%',
    totalInterestFen: 12_345,
    totalPaymentFen: 1_012_345,
    installments: [1, 2, 3].map((period) => ({
      period,
      dueDate: `2026-0${period + 3}-05`,
      principalFen: 333_333,
      interestFen: period === 3 ? 3_500 : 4_115,
      paymentFen: 337_448,
      closingPrincipalFen: 1_000_000 - period * 333_333,
    })),
  },
  lprBps: 345,
};

const change: ChangeRequest = {
  changeId: 'C0123456789abcdef0123456789abcdef',
  kind: 'LOAN_PRODUCT_VERSION',
  entityId: 'loan-product:consumer-credit',
  entityLabel: '贷款产品 近邻消费贷 v4',
  status: 'PENDING',
  before: baseDraft,
  after: baseDraft,
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T02:00:00.000Z',
};

/** Opens an antd select by its id (the dropdown opens on a mouse-down on its selector). */
const openSelect = (id: string) => fireEvent.mouseDown(document.getElementById(id)!.closest('.ant-select')!.querySelector('.ant-select-selector')!);

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

const renderEditor = (mode: EditorMode) => render(<ProductEditor mode={mode} onSubmitted={onSubmitted} />);
const enter = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
// By id: getByRole walks the accessibility tree of the whole form, seconds a call in jsdom.
const submit = () => fireEvent.click(document.getElementById('product-submit')!);
/** The message antd shows under a form field, found from the field's label. */
const fieldMessage = (id: string) => document.getElementById(`${id}_help`)?.textContent ?? '';

describe('the contract’s validation, inline', () => {
  test('each field the contract refuses shows the contract’s message under it, and nothing is sent', async () => {
    renderEditor({ kind: 'new' });
    enter('产品编号', 'Bad Id');
    enter('产品名称', '新品贷');
    enter('最低借款金额（元）', '500');
    enter('最高借款金额（元）', '200');
    enter('罚息上浮比例（%）', '60');
    submit();
    await waitFor(() => expect(fieldMessage('productId')).toBe('产品编号须为 3–40 位小写字母、数字或连字符，以字母开头'), { timeout: 20_000 });
    expect(fieldMessage('minAmountYuan')).toBe('最低借款金额须在 1,000 元至 1,000,000 元之间');
    expect(fieldMessage('maxAmountYuan')).toBe('最高借款金额须在 1,000 元至 1,000,000 元之间，且不低于最低借款金额');
    expect(fieldMessage('penaltyRateMarkupPercent')).toBe('罚息上浮比例须在 30%–50% 之间');
    expect(fieldMessage('spreads_A')).toBe('请至少为一个风险等级定价，利差须在 0–2400 个基点之间');
    expect(fieldMessage('name')).toBe('');
    expect(api.sent).toEqual([]);
  });

  test('a new version starts from the product on sale, its productId fixed', () => {
    renderEditor({ kind: 'new-version', base });
    expect(screen.getByLabelText('产品编号')).toHaveValue('consumer-credit');
    expect(screen.getByLabelText('产品编号')).toBeDisabled();
    expect(screen.getByLabelText('最高借款金额（元）')).toHaveValue('200000');
  });

  test('复制为新产品 starts from the product with a blank productId', () => {
    renderEditor({ kind: 'clone', base });
    expect(screen.getByLabelText('产品编号')).toHaveValue('');
    expect(screen.getByLabelText('产品编号')).toBeEnabled();
    expect(screen.getByLabelText('产品名称')).toHaveValue('近邻消费贷（副本）');
  });
});

describe('the live preview', () => {
  test('asks the server once typing pauses, and shows the server’s figures as they came', async () => {
    api.answer(PREVIEW, 200, preview);
    renderEditor({ kind: 'new-version', base });
    // Typing in quick succession: one request, for the last value.
    enter('产品名称', '近邻消费贷 A');
    enter('产品名称', '近邻消费贷 B');
    enter('产品名称', '近邻消费贷 2026');
    const panel = within(document.getElementById('product-preview')!);
    expect(await panel.findByText('8.11%', {}, { timeout: 20_000 })).toHaveAttribute('id', 'preview-annualized-rate');
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DEBOUNCE_MS * 2));
    const sent = api.requests(PREVIEW);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      product: { ...baseDraft, name: '近邻消费贷 2026' },
      sampleAmountFen: 1_000_000,
      sampleTermMonths: 3,
      sampleMethod: 'EQUAL_INSTALLMENT',
    });
    expect(panel.getByText('4.45%', { selector: '#preview-annual-rate' })).toBeInTheDocument();
    expect(panel.getByText('¥123.45', { selector: '#preview-total-interest' })).toBeInTheDocument();
    expect(panel.getByText('4.45%', { selector: '#preview-rate-from' })).toBeInTheDocument();
    const rows = document.querySelectorAll('#preview-schedule tbody tr.ant-table-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByText('¥3,374.48')).toBeInTheDocument();
    // Whole yuan with their fen, as the column's other figures.
    expect(within(rows[2] as HTMLElement).getByText('¥35.00')).toBeInTheDocument();
  });

  test('a new sample term asks again with it', async () => {
    api.answer(PREVIEW, 200, preview);
    renderEditor({ kind: 'new-version', base });
    await waitFor(() => expect(api.requests(PREVIEW)).toHaveLength(1), { timeout: 20_000 });
    openSelect('sample-term');
    // The option in the open dropdown (the form's 可选期限 shows the same title as a tag).
    const option = () => document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="12 个月"]');
    await waitFor(() => expect(option()).not.toBeNull(), { timeout: 20_000 });
    fireEvent.click(option()!);
    await waitFor(() => expect(api.requests(PREVIEW)).toHaveLength(2), { timeout: 20_000 });
    expect(api.requests(PREVIEW)[1]!.body).toMatchObject({ sampleTermMonths: 12 });
  });

  test('the server’s 400 is shown under the fields it names', async () => {
    // A field the check here passes but the server refused: shown with the server's words.
    api.answer(PREVIEW, 400, { error: { code: 'VALIDATION_FAILED', message: '请求参数有误：product.rateCapBps' } });
    renderEditor({ kind: 'new-version', base });
    await waitFor(() => expect(fieldMessage('rateCapBps')).toBe('请求参数有误：product.rateCapBps'), { timeout: 20_000 });
    expect(within(document.getElementById('product-preview')!).getByText('暂无法预览')).toBeInTheDocument();
    // Fixed: the next preview is taken and the mark goes.
    api.answer(PREVIEW, 200, preview);
    enter('利率上限（基点）', '1700');
    await waitFor(() => expect(fieldMessage('rateCapBps')).toBe(''), { timeout: 20_000 });
  });

  test('a sample the draft does not offer: the server’s 422 in its words, nothing marked in the form', async () => {
    api.answer(PREVIEW, 422, { error: { code: 'AMOUNT_OUT_OF_RANGE', message: '借款金额须在 1,000 元至 200,000 元之间' } });
    renderEditor({ kind: 'new-version', base });
    expect(await screen.findByText('借款金额须在 1,000 元至 200,000 元之间', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(document.querySelectorAll('.ant-form-item-has-error')).toHaveLength(0);
  });

  test('an incomplete draft asks nothing', async () => {
    renderEditor({ kind: 'new' });
    enter('产品名称', '新品贷');
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DEBOUNCE_MS * 2));
    expect(api.requests(PREVIEW)).toEqual([]);
    expect(screen.getByText(/填写产品编号、名称、金额/)).toBeInTheDocument();
  });
});

describe('submitting', () => {
  test('sends the draft (yuan as fen, terms ascending) for review and hands on the pending change', async () => {
    api.answer(PREVIEW, 200, preview);
    api.answer(SUBMIT, 200, change);
    renderEditor({ kind: 'new-version', base });
    enter('最高借款金额（元）', '300000');
    submit();
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(change), { timeout: 20_000 });
    expect(api.requests(SUBMIT).map((request) => request.body)).toEqual([{ product: { ...baseDraft, maxAmountFen: 30_000_000 } }]);
  });

  test('busy while the server decides: a double click sends one change', async () => {
    api.answer(PREVIEW, 200, preview);
    const release = api.hold(SUBMIT);
    renderEditor({ kind: 'new-version', base });
    submit();
    await waitFor(() => expect(api.requests(SUBMIT)).toHaveLength(1), { timeout: 20_000 });
    submit();
    release(200, change);
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    expect(api.requests(SUBMIT)).toHaveLength(1);
  });

  test('a refusal is shown in the server’s words', async () => {
    api.answer(PREVIEW, 200, preview);
    api.answer(SUBMIT, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    renderEditor({ kind: 'new-version', base });
    submit();
    expect(await screen.findByText('该对象已有待复核的变更', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(onSubmitted).not.toHaveBeenCalled();
  });

  test('a 400 on submit marks the fields the server named', async () => {
    api.answer(PREVIEW, 200, preview);
    api.answer(SUBMIT, 400, { error: { code: 'VALIDATION_FAILED', message: '请求参数有误：product.disclosureVersion' } });
    renderEditor({ kind: 'new-version', base });
    submit();
    await waitFor(() => expect(fieldMessage('disclosureVersion')).toBe('请求参数有误：product.disclosureVersion'), { timeout: 20_000 });
    expect(screen.getAllByText('请求参数有误：product.disclosureVersion').length).toBeGreaterThanOrEqual(1);
  });
});
