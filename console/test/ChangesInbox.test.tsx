import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ChangeRequest } from '@/api/types';
import { ChangesInbox } from '@/pages/changes/ChangesInbox';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const LIST = 'GET /v1/console/changes';

const change = (n: number, fields: Partial<ChangeRequest> = {}): ChangeRequest => ({
  changeId: `C${String(n).padStart(32, '0')}`,
  kind: 'LOAN_PRODUCT_VERSION',
  entityId: `loan-product:p${n}`,
  entityLabel: `贷款产品 产品${n} v1`,
  status: 'PENDING',
  before: null,
  after: { name: `产品${n}` },
  maker: { operatorId: 'O1', login: 'pm.li', displayName: '李娜' },
  submittedAt: '2026-03-02T02:00:00.000Z',
  effectiveAt: '2026-03-02T04:30:00.000Z',
  ...fields,
});

/** Opens an antd select by its id (the dropdown opens on a mouse-down on its selector). */
const openSelect = (id: string) => fireEvent.mouseDown(document.getElementById(id)!.closest('.ant-select')!.querySelector('.ant-select-selector')!);

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-01',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O2', login: 'pm.zhou', displayName: '周洋', roles: ['PRODUCT_MANAGER'], permissions: ['console.me', 'changes.read', 'products.approve'] },
  });
});

const renderInbox = () =>
  render(
    <MemoryRouter>
      <ChangesInbox />
    </MemoryRouter>,
  );
const row = (label: string) => screen.getByText(label).closest('tr') as HTMLElement;

describe('复核中心', () => {
  test('pending changes first: the default filter, each row as the server sent it, in Chinese', async () => {
    api.answer(LIST, 200, {
      changes: [change(1), change(2, { kind: 'LPR', entityLabel: '一年期 LPR 3.45% → 3.35%', maker: { operatorId: 'O9', login: 'pm.zhao', displayName: '赵敏' } })],
    });
    renderInbox();
    await waitFor(() => expect(row('贷款产品 产品1 v1')).toBeTruthy(), { timeout: 20_000 });
    expect(Object.fromEntries(api.requests(LIST)[0]!.query)).toEqual({ limit: '20', status: 'PENDING' });
    expect(within(row('贷款产品 产品1 v1')).getByText('贷款产品版本')).toBeInTheDocument();
    expect(within(row('贷款产品 产品1 v1')).getByText('李娜（pm.li）')).toBeInTheDocument();
    expect(within(row('贷款产品 产品1 v1')).getByText('2026-03-02 12:30:00')).toBeInTheDocument();
    expect(within(row('贷款产品 产品1 v1')).getByText('待复核')).toBeInTheDocument();
    expect(within(row('一年期 LPR 3.45% → 3.35%')).getByText('贷款市场报价利率（LPR）')).toBeInTheDocument();
    expect(within(row('贷款产品 产品1 v1')).getByText('贷款产品 产品1 v1').closest('a')).toHaveAttribute('href', `/${change(1).changeId}`);
  });

  test('the next page asks with the server’s cursor, under the same filters', async () => {
    api.answer(LIST, 200, { changes: Array.from({ length: 20 }, (_, n) => change(n + 1)), nextCursor: 'cur_20' });
    renderInbox();
    await waitFor(() => expect(row('贷款产品 产品1 v1')).toBeTruthy(), { timeout: 20_000 });
    api.answer(LIST, 200, { changes: [change(21)] });
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(row('贷款产品 产品21 v1')).toBeTruthy(), { timeout: 20_000 });
    expect(Object.fromEntries(api.requests(LIST)[1]!.query)).toEqual({ limit: '20', status: 'PENDING', cursor: 'cur_20' });
  });

  test('filtering by kind and status asks the server with them', async () => {
    api.answer(LIST, 200, { changes: [change(1)] });
    renderInbox();
    await waitFor(() => expect(row('贷款产品 产品1 v1')).toBeTruthy(), { timeout: 20_000 });
    openSelect('filter-kind');
    fireEvent.click(await screen.findByTitle('贷款市场报价利率（LPR）'));
    openSelect('filter-status');
    fireEvent.click(await screen.findByTitle('已生效'));
    // ProTable's query button: antd spaces its two characters (查 询).
    fireEvent.click(document.querySelector('.ant-pro-query-filter button[type=submit], .ant-pro-query-filter .ant-btn-primary')!);
    await waitFor(() => expect(api.requests(LIST).length).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
    expect(Object.fromEntries(api.requests(LIST).at(-1)!.query)).toEqual({ limit: '20', status: 'EFFECTIVE', kind: 'LPR' });
  });
});
