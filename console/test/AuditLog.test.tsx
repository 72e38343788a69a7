import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry, AuditPage } from '@/api/types';
import { AuditLog, chinaTime } from '@/pages/AuditLog';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const PAGE = 'GET /v1/console/audit';
const VERIFY = 'GET /v1/console/audit/verification';

const sun = { kind: 'operator', id: 'O1', login: 'audit.sun', displayName: '孙丽' };
const entry = (seq: number, fields: Partial<AuditEntry>): AuditEntry => ({
  seq,
  at: '2026-03-02T02:00:00.000Z',
  actor: sun,
  action: 'console.sign-in',
  target: sun,
  ...fields,
});

/** 45 entries: the newest two shown by name, the rest page filler. */
const firstPage: AuditPage = {
  headSeq: 45,
  nextBeforeSeq: 26,
  entries: [
    entry(45, {}),
    entry(44, { actor: { kind: 'anonymous', id: 'unknown' }, action: 'console.sign-in.failed.unknown-login', target: { kind: 'login', id: 'nobody.here' } }),
    entry(43, { action: 'console.sign-in.failed.password', after: { failedAttempts: 1 } }),
    { seq: 42, unreadable: true },
    ...Array.from({ length: 16 }, (_, n) => entry(41 - n, { action: 'console.sign-out' })),
  ],
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-01',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'audit.sun', displayName: '孙丽', roles: ['AUDITOR'], permissions: ['console.me', 'audit.read'] },
  });
  api.answer(PAGE, 200, firstPage);
});

const row = (seq: number) => screen.getByText(String(seq), { selector: 'td' }).closest('tr') as HTMLElement;

describe('审计日志', () => {
  test('the newest page first, in Chinese: who, what, on what, when (China time)', async () => {
    render(<AuditLog />);
    await waitFor(() => expect(row(45)).toBeTruthy(), { timeout: 10_000 });
    const sent = api.requests(PAGE);
    expect(sent).toHaveLength(1);
    expect(Object.fromEntries(sent[0]!.query)).toEqual({ limit: '20' });
    expect(sent[0]!.headers.Authorization).toBe('Bearer token-01');
    expect(within(row(45)).getByText('登录成功')).toBeTruthy();
    expect(within(row(45)).getAllByText('孙丽（audit.sun）')).toHaveLength(2);
    expect(within(row(45)).getByText('2026-03-02 10:00:00')).toBeTruthy();
    expect(within(row(44)).getByText('未知用户')).toBeTruthy();
    expect(within(row(44)).getByText('登录失败：用户名不存在')).toBeTruthy();
    expect(within(row(44)).getByText('登录名 nobody.here')).toBeTruthy();
    expect(within(row(43)).getByText('登录失败：密码错误')).toBeTruthy();
    expect(within(row(42)).getByText('记录无法读取')).toBeTruthy();
    expect(screen.getByText('共 45 条')).toBeTruthy();
  }, 30_000);

  test('a row with a change expands to 变更前 and 变更后', async () => {
    render(<AuditLog />);
    await waitFor(() => expect(row(43)).toBeTruthy(), { timeout: 10_000 });
    // Only the entry with a snapshot can be expanded.
    expect(within(row(45)).queryByRole('button', { name: /展开/ })).toBeNull();
    fireEvent.click(within(row(43)).getByRole('button', { name: /展开/ }));
    expect(await screen.findByText('变更前')).toBeTruthy();
    expect(screen.getByText('（无）')).toBeTruthy();
    expect(screen.getByText(/"failedAttempts": 1/)).toBeTruthy();
  }, 30_000);

  test('the next page counts down from the head page 1 was read at', async () => {
    render(<AuditLog />);
    await waitFor(() => expect(row(45)).toBeTruthy(), { timeout: 10_000 });
    api.answer(PAGE, 200, { headSeq: 47, nextBeforeSeq: 6, entries: [entry(25, {})] });
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(api.requests(PAGE)).toHaveLength(2));
    expect(Object.fromEntries(api.requests(PAGE)[1]!.query)).toEqual({ limit: '20', beforeSeq: '26' });
  }, 30_000);

  test('校验完整性: the verdict, passed or with the first problem', async () => {
    render(<AuditLog />);
    await waitFor(() => expect(row(45)).toBeTruthy(), { timeout: 10_000 });
    api.answer(VERIFY, 200, { ok: true, checkedEntries: 45, headSeq: 45, anchor: { seq: 40, at: '2026-03-01T16:05:00.000Z' } });
    fireEvent.click(screen.getByRole('button', { name: /校验完整性/ }));
    expect(await screen.findByText('校验通过：审计日志完整')).toBeTruthy();
    expect(screen.getByText(/已校验 45 条记录，链头为第 45 条.*最近锚定：第 40 条（2026-03-02 00:05:00）/)).toBeTruthy();
    api.answer(VERIFY, 200, { ok: false, problem: { kind: 'edited', seq: 42 }, message: '第 42 条审计记录的内容与其 MAC 不符：记录被修改', anchor: null });
    fireEvent.click(screen.getByRole('button', { name: /校验完整性/ }));
    expect(await screen.findByText('校验未通过：第 42 条')).toBeTruthy();
    expect(screen.getByText(/记录被修改。尚未锚定/)).toBeTruthy();
  }, 30_000);
});

test('China time whatever the browser’s zone', () => {
  expect(chinaTime('2026-12-31T16:30:05.000Z')).toBe('2027-01-01 00:30:05');
});
