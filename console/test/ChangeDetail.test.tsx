import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ChangeDetail as Detail, OperatorView } from '@/api/types';
import { ChangeDetail } from '@/pages/changes/ChangeDetail';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const ID = 'C0123456789abcdef0123456789abcdef';
const READ = `GET /v1/console/changes/${ID}` as const;
const APPROVE = `POST /v1/console/changes/${ID}/approve` as const;
const REJECT = `POST /v1/console/changes/${ID}/reject` as const;
const WITHDRAW = `POST /v1/console/changes/${ID}/withdraw` as const;

const li: OperatorView = { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'changes.read', 'products.read', 'products.draft', 'products.approve'] };
const zhou: OperatorView = { ...li, operatorId: 'O2', login: 'pm.zhou', displayName: '周洋' };
const auditor: OperatorView = { operatorId: 'O3', login: 'audit.sun', displayName: '孙悦', roles: ['AUDITOR'], permissions: ['console.me', 'changes.read', 'products.read'] };

const pending: Detail = {
  changeId: ID,
  kind: 'LOAN_PRODUCT_VERSION',
  entityId: 'loan-product:consumer-credit',
  entityLabel: '贷款产品 近邻消费贷 v2',
  status: 'PENDING',
  before: { maxAmountFen: 20_000_000, spreadBpsByGrade: { A: 100, B: 200 }, termsMonths: [12, 24, 36], methods: ['EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL'], requiresBusinessLicence: false },
  after: { maxAmountFen: 30_000_000, spreadBpsByGrade: { A: 100, B: 180 }, termsMonths: [12, 24, 36, 48], methods: ['EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'], requiresBusinessLicence: true },
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T02:00:00.000Z',
  diff: [
    { path: 'maxAmountFen', before: 20_000_000, after: 30_000_000 },
    { path: 'methods.2', after: 'INTEREST_FIRST' },
    { path: 'requiresBusinessLicence', before: false, after: true },
    { path: 'spreadBpsByGrade.B', before: 200, after: 180 },
    { path: 'termsMonths.3', after: 48 },
  ],
};
const decided = (status: Detail['status'], note?: string): Detail => ({
  ...pending,
  status,
  checker: { operatorId: 'O2', login: 'pm.zhou', displayName: '周洋' },
  decidedAt: '2026-03-02T02:10:00.000Z',
  ...(note ? { decisionNote: note } : {}),
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(READ, 200, pending);
});

function renderAs(operator: OperatorView) {
  startSession({ accessToken: 'token-01', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), operator });
  render(
    <MemoryRouter>
      <ChangeDetail changeId={ID} operator={operator} />
    </MemoryRouter>,
  );
  return screen.findByText('变更内容', {}, { timeout: 20_000 });
}

const button = (id: string) => document.getElementById(id);
const diffRow = (label: string) => screen.getByText(label, { selector: '#change-diff td' }).closest('tr') as HTMLElement;
/** The open dialog's confirm button (antd's modal footer). */
const confirm = (name: string) => fireEvent.click(within(document.querySelector('.ant-modal-content') as HTMLElement).getByText(name).closest('button')!);

describe('the diff', () => {
  test('each changed field in Chinese, in the form’s order, before and after as the server sent them, formatted', async () => {
    await renderAs(zhou);
    const fields = [...document.querySelectorAll('#change-diff tbody tr.ant-table-row td:first-child')].map((cell) => cell.textContent);
    expect(fields).toEqual(['最高借款金额', '可选期限', '还款方式', 'B 级利差', '需营业执照']);
    expect(within(diffRow('最高借款金额')).getByText('¥200,000')).toBeInTheDocument();
    expect(within(diffRow('最高借款金额')).getByText('¥300,000')).toBeInTheDocument();
    expect(within(diffRow('B 级利差')).getByText('200 基点（2.00%）')).toBeInTheDocument();
    expect(within(diffRow('B 级利差')).getByText('180 基点（1.80%）')).toBeInTheDocument();
    // A list as a whole, from the change's before and after.
    expect(within(diffRow('可选期限')).getByText('12 个月、24 个月、36 个月')).toBeInTheDocument();
    expect(within(diffRow('可选期限')).getByText('12 个月、24 个月、36 个月、48 个月')).toBeInTheDocument();
    expect(within(diffRow('还款方式')).getByText('等额本息、等额本金、先息后本')).toBeInTheDocument();
    expect(within(diffRow('需营业执照')).getByText('否')).toBeInTheDocument();
    expect(within(diffRow('需营业执照')).getByText('是')).toBeInTheDocument();
    expect(screen.getByText('李娜（pm.li）')).toBeInTheDocument();
    expect(document.getElementById('change-status')).toHaveTextContent('待复核');
  });

  test('a new product: every field, 变更前 marked as new', async () => {
    api.answer(READ, 200, {
      ...pending,
      before: null,
      after: { name: '邻里贷', purposes: ['CONSUMPTION', 'TRAVEL'] },
      diff: [
        { path: 'name', after: '邻里贷' },
        { path: 'purposes.0', after: 'CONSUMPTION' },
        { path: 'purposes.1', after: 'TRAVEL' },
      ],
    });
    await renderAs(zhou);
    expect(within(diffRow('产品名称')).getByText('（新建）')).toBeInTheDocument();
    expect(within(diffRow('产品名称')).getByText('邻里贷')).toBeInTheDocument();
    expect(within(diffRow('借款用途')).getByText('日常消费、旅游出行')).toBeInTheDocument();
  });
});

describe('差错调整', () => {
  const after = { ticketId: `T${'a'.repeat(32)}`, customerId: 'C1', accountId: 'A1', accountNumberMasked: '6230 **** 1234', movementJournalId: `J${'b'.repeat(26)}`, movementReference: 'K7QM-4PX9-2HTR', movementLabel: '国网电费缴费', disputedFen: 12_340, correctedBeforeFen: 0, amountFen: 2_500, reason: '缴费机构确认重复扣款' };
  const correction: Detail = {
    ...pending,
    kind: 'COMPLAINT_CORRECTION',
    entityId: `movement:J${'b'.repeat(26)}`,
    entityLabel: '差错调整 · 交易 K7QM-4PX9-2HTR',
    maker: { operatorId: 'O5', login: 'cs.zhao', displayName: '赵敏' },
    before: null,
    after,
    diff: Object.entries(after).map(([path, value]) => ({ path, after: value })),
  };
  const chen: OperatorView = { operatorId: 'O6', login: 'ops.chen', displayName: '陈刚', roles: ['OPERATIONS'], permissions: ['console.me', 'changes.read', 'corrections.approve'] };

  test('the checker reads the correction in Chinese, amounts in yuan, and operations may decide it', async () => {
    api.answer(READ, 200, correction);
    await renderAs(chen);
    expect(within(diffRow('本次调整金额')).getByText('¥25')).toBeInTheDocument();
    expect(within(diffRow('争议交易金额')).getByText('¥123.40')).toBeInTheDocument();
    expect(within(diffRow('此前已调整金额')).getByText('¥0')).toBeInTheDocument();
    expect(within(diffRow('争议交易')).getByText('国网电费缴费')).toBeInTheDocument();
    expect(within(diffRow('原因')).getByText('缴费机构确认重复扣款')).toBeInTheDocument();
    expect(button('change-approve')).toBeInTheDocument();
  });

  test('a product manager, without corrections.approve, may not', async () => {
    api.answer(READ, 200, correction);
    await renderAs(zhou);
    expect(button('change-approve')).toBeNull();
  });
});

describe('who may do what', () => {
  test('the maker sees 撤回 only, and why', async () => {
    await renderAs(li);
    expect(button('change-withdraw')).toBeInTheDocument();
    expect(button('change-approve')).toBeNull();
    expect(button('change-reject')).toBeNull();
    expect(screen.getByText('这是您提交的变更，须由其他有复核权限的操作员复核。')).toBeInTheDocument();
  });

  test('another checker sees 通过 and 驳回, not 撤回', async () => {
    await renderAs(zhou);
    expect(button('change-approve')).toBeInTheDocument();
    expect(button('change-reject')).toBeInTheDocument();
    expect(button('change-withdraw')).toBeNull();
  });

  test('without the kind’s permission: no decision buttons', async () => {
    await renderAs(auditor);
    expect(button('change-approve')).toBeNull();
    expect(button('change-reject')).toBeNull();
    expect(button('change-withdraw')).toBeNull();
  });

  test('a decided change offers nothing', async () => {
    api.answer(READ, 200, decided('EFFECTIVE'));
    await renderAs(zhou);
    expect(button('change-approve')).toBeNull();
    expect(button('change-withdraw')).toBeNull();
    expect(document.getElementById('change-status')).toHaveTextContent('已生效');
    expect(screen.getByText('周洋（pm.zhou）')).toBeInTheDocument();
  });
});

describe('decisions', () => {
  test('通过 sends the note, and the change is read again', async () => {
    await renderAs(zhou);
    api.answer(APPROVE, 200, decided('EFFECTIVE'));
    fireEvent.click(button('change-approve')!);
    fireEvent.change(await screen.findByLabelText('复核意见（选填）'), { target: { value: '额度调整合理' } });
    api.answer(READ, 200, decided('EFFECTIVE', '额度调整合理'));
    confirm('确认通过');
    await waitFor(() => expect(document.getElementById('change-status')).toHaveTextContent('已生效'), { timeout: 20_000 });
    expect(api.requests(APPROVE).map((request) => request.body)).toEqual([{ note: '额度调整合理' }]);
    expect(screen.getByText('额度调整合理')).toBeInTheDocument();
    expect(api.requests(READ)).toHaveLength(2);
  });

  test('通过 that the rules refuse as it is applied says it did not take effect, and why', async () => {
    await renderAs(zhou);
    const failed = { ...decided('FAILED'), failedAt: '2026-03-02T02:00:00.000Z', failure: '该日期已日终且已有净值，不能修改' };
    api.answer(APPROVE, 200, failed);
    fireEvent.click(button('change-approve')!);
    await screen.findByLabelText('复核意见（选填）');
    api.answer(READ, 200, failed);
    confirm('确认通过');
    expect(await screen.findByText('已通过，但未能生效：该日期已日终且已有净值，不能修改', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(document.getElementById('change-status')).toHaveTextContent('未能生效');
    expect(document.getElementById('change-done')).toBeNull();
  });

  test('驳回 needs a reason: none, nothing is sent; with one, it is sent', async () => {
    await renderAs(zhou);
    api.answer(REJECT, 200, decided('REJECTED', '利差过低'));
    fireEvent.click(button('change-reject')!);
    await screen.findByLabelText('驳回理由');
    confirm('确认驳回');
    expect(await screen.findByText('请填写驳回理由', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(api.requests(REJECT)).toEqual([]);
    fireEvent.change(screen.getByLabelText('驳回理由'), { target: { value: '  利差过低  ' } });
    api.answer(READ, 200, decided('REJECTED', '利差过低'));
    confirm('确认驳回');
    await waitFor(() => expect(document.getElementById('change-status')).toHaveTextContent('已驳回'), { timeout: 20_000 });
    expect(api.requests(REJECT).map((request) => request.body)).toEqual([{ note: '利差过低' }]);
  });

  test('the server’s refusal is shown in its words (the maker approving their own, had the button shown)', async () => {
    await renderAs(zhou);
    api.answer(APPROVE, 403, { error: { code: 'SAME_OPERATOR', message: '不能复核本人提交的变更' } });
    fireEvent.click(button('change-approve')!);
    await screen.findByLabelText('复核意见（选填）');
    confirm('确认通过');
    expect(await screen.findByText('不能复核本人提交的变更', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(document.getElementById('change-status')).toHaveTextContent('待复核');
  });

  test('撤回 by the maker, after confirming', async () => {
    await renderAs(li);
    api.answer(WITHDRAW, 200, { ...pending, status: 'WITHDRAWN' });
    fireEvent.click(button('change-withdraw')!);
    api.answer(READ, 200, { ...pending, status: 'WITHDRAWN' });
    // antd spaces a two-character button's label (撤 回): the confirm's primary button.
    await waitFor(() => expect(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')).not.toBeNull(), { timeout: 20_000 });
    fireEvent.click(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')!);
    await waitFor(() => expect(document.getElementById('change-status')).toHaveTextContent('已撤回'), { timeout: 20_000 });
    expect(api.requests(WITHDRAW)).toHaveLength(1);
    expect(button('change-withdraw')).toBeNull();
  });
});
