import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { WatchListView } from '@/api/aml';
import type { ChangeRequest } from '@/api/types';
import { DiffTable } from '@/pages/changes/ChangeDetail';
import { WatchList } from '@/pages/risk/WatchListPage';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const READ = 'GET /v1/console/watch-list';
const SUBMIT = 'POST /v1/console/watch-list/changes';

const view: WatchListView = {
  watchList: {
    version: 2,
    entries: [
      { entryId: 'T-0001', name: '艾山·买买提', list: 'TERRORIST', source: '测试公告〔2026〕1 号' },
      { entryId: 'S-0001', name: '張建國', list: 'SANCTIONS', source: '联合国安理会第 1267 号决议名单' },
    ],
  },
  lists: [
    { list: 'TERRORIST', label: '涉恐名单' },
    { list: 'SANCTIONS', label: '制裁名单' },
    { list: 'INTERNAL', label: '本行关注名单' },
  ],
  rules: [
    { rule: 'SAME_NAME', kind: 'EXACT', text: '去除空格和间隔号、繁体字按简体比较后，与名单姓名完全一致' },
    { rule: 'ONE_CHARACTER_DIFFERENT', kind: 'NEAR', text: '姓相同、字数相同（3 字及以上），名中仅一个字不同' },
  ],
};

const change: ChangeRequest = {
  changeId: 'C0123456789abcdef0123456789abcdef',
  kind: 'WATCH_LIST',
  entityId: 'watch-list',
  entityLabel: '监控名单 第 3 版',
  status: 'PENDING',
  before: { watchList: view.watchList },
  after: { watchList: view.watchList },
  maker: { operatorId: 'O2', login: 'risk.wang', displayName: '王强' },
  submittedAt: '2026-12-06T02:00:00.000Z',
  effectiveAt: '2026-12-06T02:00:00.000Z',
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(READ, 200, view);
  startSession({
    accessToken: 'token-risk',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O2', login: 'risk.wang', displayName: '王强', roles: ['RISK_OFFICER'], permissions: ['console.me', 'aml.alerts.read', 'aml.watchlist.draft'] },
  });
});

const renderPage = (canDraft: boolean) =>
  render(
    <MemoryRouter>
      <WatchList canDraft={canDraft} />
    </MemoryRouter>,
  );

const enter = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });

describe('名单管理', () => {
  test('the list in force, each entry with its list and source, and the matching rules in the server’s words', async () => {
    renderPage(true);
    expect(await screen.findByText('当前生效：第 2 版（共 2 条）')).toBeInTheDocument();
    const row = screen.getByText('艾山·买买提').closest('tr') as HTMLElement;
    expect(within(row).getByText('涉恐名单')).toBeInTheDocument();
    expect(within(row).getByText('测试公告〔2026〕1 号')).toBeInTheDocument();
    const rules = document.getElementById('watch-list-rules') as HTMLElement;
    expect(within(rules).getByText('完全匹配')).toBeInTheDocument();
    expect(within(rules).getByText(view.rules[1]!.text)).toBeInTheDocument();
  });

  test('a reader without aml.watchlist.draft cannot edit', async () => {
    renderPage(false);
    expect(await screen.findByText('艾山·买买提')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '编辑名单' })).toBeNull();
  });

  test('an entry removed and one added are submitted as the next version; the change is named with its link', async () => {
    api.answer(SUBMIT, 200, change);
    renderPage(true);
    fireEvent.click(await screen.findByRole('button', { name: '编辑名单' }));
    const removed = screen.getByText('張建國').closest('tr') as HTMLElement;
    fireEvent.click(within(removed).getByRole('button', { name: '删除' }));
    expect(screen.queryByText('張建國')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '新增条目' }));
    const dialog = await screen.findByRole('dialog');
    enter('entryId', 'T-0001');
    enter('name', '钱多多');
    enter('source', '本行反洗钱工作会议决定');
    fireEvent.click(within(dialog).getByRole('button', { name: '加入草稿' }));
    // The number is taken: refused in the form, nothing added.
    await waitFor(() => expect(dialog.textContent).toContain('该编号已在名单中'), { timeout: 20_000 });
    enter('entryId', 'I-0001');
    fireEvent.mouseDown(dialog.querySelector('.ant-select-selector')!);
    const option = () => document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="本行关注名单"]');
    await waitFor(() => expect(option()).not.toBeNull(), { timeout: 20_000 });
    fireEvent.click(option()!);
    fireEvent.click(within(dialog).getByRole('button', { name: '加入草稿' }));
    expect(await screen.findByText('钱多多')).toBeInTheDocument();
    expect(screen.getByText('编辑中：第 3 版（共 2 条）')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    await waitFor(() => expect(api.requests(SUBMIT)).toHaveLength(1), { timeout: 20_000 });
    expect(api.requests(SUBMIT)[0]!.body).toEqual({
      watchList: { version: 3, entries: [view.watchList.entries[0], { entryId: 'I-0001', name: '钱多多', list: 'INTERNAL', source: '本行反洗钱工作会议决定' }] },
    });
    const submitted = await screen.findByText('已提交复核：监控名单 第 3 版');
    expect(within(submitted.closest('#watch-list-submitted') as HTMLElement).getByRole('link', { name: '查看变更' }).getAttribute('href')).toContain(change.changeId);
    expect(screen.queryByRole('button', { name: '编辑名单' })).toBeNull();
  });

  test('a refusal is shown in the server’s words and the draft is kept', async () => {
    api.answer(SUBMIT, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    renderPage(true);
    fireEvent.click(await screen.findByRole('button', { name: '编辑名单' }));
    fireEvent.click(within(screen.getByText('張建國').closest('tr') as HTMLElement).getByRole('button', { name: '删除' }));
    fireEvent.click(screen.getByRole('button', { name: '提交复核' }));
    expect(await screen.findByText('该对象已有待复核的变更')).toBeInTheDocument();
    expect(screen.getByText('编辑中：第 3 版（共 1 条）')).toBeInTheDocument();
  });

  test('a version waiting for its checker: named with its link, no editing meanwhile', async () => {
    api.answer(READ, 200, { ...view, pendingChangeId: change.changeId });
    renderPage(true);
    expect(await screen.findByText('第 3 版已提交，待复核')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '编辑名单' })).toBeNull();
  });

  test('in 复核中心 the change compares entry by entry, each in words', () => {
    const after = { version: 3, entries: [view.watchList.entries[0]!, { entryId: 'I-0001', name: '钱多多', list: 'INTERNAL' as const, source: '本行决定' }] };
    render(
      <DiffTable
        change={{
          kind: 'WATCH_LIST',
          before: { watchList: view.watchList },
          after: { watchList: after },
          diff: [
            { path: 'watchList.version', before: 2, after: 3 },
            { path: 'watchList.entries.1.entryId', before: 'S-0001', after: 'I-0001' },
            { path: 'watchList.entries.1.name', before: '張建國', after: '钱多多' },
          ],
        }}
      />,
    );
    expect(screen.getByText('名单版本')).toBeInTheDocument();
    expect(screen.getByText('第 3 版')).toBeInTheDocument();
    expect(screen.getByText('条目 2')).toBeInTheDocument();
    expect(screen.getByText('制裁名单「張建國」（联合国安理会第 1267 号决议名单） · S-0001')).toBeInTheDocument();
    expect(screen.getByText('本行关注名单「钱多多」（本行决定） · I-0001')).toBeInTheDocument();
  });
});
