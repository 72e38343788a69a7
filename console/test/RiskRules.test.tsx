import { beforeEach, describe, expect, test } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { DEFAULT_RISK_RULE_SET } from '../../functions/domain/risk-rules';
import type { ChangeRequest, RiskRule, RiskRulesView } from '@/api/types';
import { DiffTable } from '@/pages/changes/ChangeDetail';
import { RiskRules } from '@/pages/risk/RiskRules';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const READ = 'GET /v1/console/risk-rules';
const SUBMIT = 'POST /v1/console/risk-rules/changes';
const BACKTEST = 'POST /v1/console/risk-rules/backtest';

/** The default rule, as a version 2 of it would be stored. */
const VICTIM = { ...DEFAULT_RISK_RULE_SET.rules[0]!, version: 2 };

const NIGHT: RiskRule = {
  ruleId: 'NIGHT_LARGE',
  version: 1,
  name: '深夜大额转账',
  conditions: [
    { field: 'hourOfDay', op: 'between', value: [0, 5] },
    { field: 'amountFen', op: 'gt', value: 5_000_000 },
    { field: 'outTodayCount', op: 'gte', value: 3 },
  ],
  outcome: 'BLOCK',
  reason: '深夜大额转账已被拦截，请于白天再试或前往网点办理。',
};

const view: RiskRulesView = {
  ruleSet: { version: 3, rules: [VICTIM, NIGHT] },
  fields: [
    { field: 'amountFen', label: '金额', unit: 'FEN' },
    { field: 'hourOfDay', label: '北京时间（时）', unit: 'HOUR_OF_DAY' },
    { field: 'payeeAgeHours', label: '首次向该收款人转账距今（仅转账）', unit: 'HOURS' },
    { field: 'largestTransferFen90d', label: '近 90 天最大单笔转账', unit: 'FEN' },
    { field: 'outTodayFen', label: '当日已转出金额（不含本笔）', unit: 'FEN' },
    { field: 'outTodayCount', label: '当日已转出笔数（不含本笔）', unit: 'COUNT' },
  ],
};

const change: ChangeRequest = {
  changeId: 'C0123456789abcdef0123456789abcdef',
  kind: 'RISK_RULES',
  entityId: 'risk-rules',
  entityLabel: '风控规则 第 4 版',
  status: 'PENDING',
  before: { ruleSet: view.ruleSet },
  after: { ruleSet: view.ruleSet },
  maker: { operatorId: 'O2', login: 'risk.wang', displayName: '王强' },
  submittedAt: '2026-12-06T02:00:00.000Z',
  effectiveAt: '2026-12-06T02:00:00.000Z',
};

/** Opens an antd select by its id (the dropdown opens on a mouse-down on its selector). */
const openSelect = (id: string) => fireEvent.mouseDown(document.getElementById(id)!.closest('.ant-select')!.querySelector('.ant-select-selector')!);

async function choose(id: string, title: string) {
  openSelect(id);
  const option = () => document.querySelector(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`);
  await waitFor(() => expect(option()).not.toBeNull(), { timeout: 20_000 });
  fireEvent.click(option()!);
}

const enter = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });
/** The message antd shows under the input with this id. */
const fieldMessage = (id: string) => document.getElementById(id)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.answer(READ, 200, view);
  startSession({
    accessToken: 'token-risk',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O2', login: 'risk.wang', displayName: '王强', roles: ['RISK_OFFICER'], permissions: ['console.me', 'risk.rules.read', 'risk.rules.draft'] },
  });
});

const renderPage = (canDraft: boolean) =>
  render(
    <MemoryRouter>
      <RiskRules canDraft={canDraft} />
    </MemoryRouter>,
  );

async function openEditor() {
  renderPage(true);
  fireEvent.click(await screen.findByRole('button', { name: /起草新版本/ }));
  await waitFor(() => expect(document.getElementById('rule-0-cond-1-value')).not.toBeNull(), { timeout: 20_000 });
}

const submit = () => fireEvent.click(document.getElementById('risk-submit')!);

/** Submits the drawer: the one body sent. */
async function sentBody(): Promise<unknown> {
  submit();
  await waitFor(() => expect(api.requests(SUBMIT)).toHaveLength(1), { timeout: 20_000 });
  return api.requests(SUBMIT)[0]!.body;
}

/** The next version as the editor sends it: every rule says its kinds (one in force that said none
 *  judged transfers only, and still does). */
const nextVersion = (...rules: RiskRule[]) => ({ ruleSet: { version: 4, rules: rules.map((rule) => ({ ...rule, kinds: rule.kinds ?? ['TRANSFER'] })) } });

describe('风控规则', () => {
  test('the rule set in force, each condition in words with the server’s labels and units', async () => {
    renderPage(true);
    expect(await screen.findByText('当前生效：第 3 版')).toBeInTheDocument();
    const victim = screen.getByText('疑似被骗转账').closest('tr') as HTMLElement;
    expect(within(victim).getByText('VICTIM_TRANSFER · v2')).toBeInTheDocument();
    expect(within(victim).getByText('近 90 天最大单笔转账 不大于 ¥500.00')).toBeInTheDocument();
    expect(within(victim).getByText('金额 不小于 ¥5,000.00')).toBeInTheDocument();
    expect(within(victim).getByText('转账')).toBeInTheDocument();
    expect(within(victim).getByText('首次向该收款人转账距今（仅转账） 小于 24 小时')).toBeInTheDocument();
    expect(within(victim).getByText('延时到账 24 小时')).toBeInTheDocument();
    expect(within(victim).getByText(VICTIM.reason)).toBeInTheDocument();
    const night = screen.getByText('深夜大额转账').closest('tr') as HTMLElement;
    expect(within(night).getByText('北京时间（时） 介于 0 时 至 5 时')).toBeInTheDocument();
    expect(within(night).getByText('金额 大于 ¥50,000.00')).toBeInTheDocument();
    expect(within(night).getByText('当日已转出笔数（不含本笔） 不小于 3 笔')).toBeInTheDocument();
    expect(within(night).getByText('拦截')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /起草新版本/ })).toBeInTheDocument();
  });

  test('a reader without risk.rules.draft has no 起草新版本', async () => {
    renderPage(false);
    expect(await screen.findByText('疑似被骗转账')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /起草新版本/ })).toBeNull();
  });

  test('a version waiting for its checker is named, with a link to it', async () => {
    api.answer(READ, 200, { ...view, pendingChangeId: change.changeId });
    renderPage(true);
    const pending = await screen.findByText('第 4 版已提交，待复核');
    const alert = pending.closest('#risk-pending') as HTMLElement;
    expect(within(alert).getByRole('link', { name: '查看变更' }).getAttribute('href')).toContain(change.changeId);
  });

  test('the page says so when the rules cannot be read', async () => {
    api.answer(READ, 403, { error: { code: 'FORBIDDEN', message: '您没有该操作的权限' } });
    renderPage(true);
    expect(await screen.findByText('您没有该操作的权限')).toBeInTheDocument();
  });
});

describe('起草新版本', () => {
  test('sends the next version: yuan read into fen exactly, only the changed rule’s version raised; then links to the change', async () => {
    api.answer(SUBMIT, 200, change);
    await openEditor();
    expect(document.getElementById('rule-0-cond-1-value')).toHaveValue('5000');
    expect(document.getElementById('rule-0-ruleId')).toHaveAttribute('readonly');
    enter('rule-0-cond-1-value', '5000.10');
    expect(await sentBody()).toEqual(
      nextVersion({ ...VICTIM, version: 3, conditions: [VICTIM.conditions[0]!, { field: 'amountFen', op: 'gte', value: 500_010 }, VICTIM.conditions[2]!] }, NIGHT),
    );
    const submitted = await screen.findByText('已提交复核：风控规则 第 4 版', {}, { timeout: 20_000 });
    const alert = submitted.closest('.ant-alert') as HTMLElement;
    expect(within(alert).getByRole('link', { name: '查看变更' }).getAttribute('href')).toBe(`/changes/${change.changeId}`);
  });

  test('a rule added starts at version 1; a rule removed is left out', async () => {
    api.answer(SUBMIT, 200, change);
    await openEditor();
    fireEvent.click(document.getElementById('rule-1-remove')!);
    fireEvent.click(document.getElementById('risk-add-rule')!);
    await waitFor(() => expect(document.getElementById('rule-1-ruleId')).not.toBeNull(), { timeout: 20_000 });
    expect(document.getElementById('rule-1-ruleId')).not.toHaveAttribute('readonly');
    enter('rule-1-ruleId', 'FIRST_PAYEE_BIG');
    enter('rule-1-name', '新收款人大额');
    await choose('rule-1-outcome', '拦截');
    // A new rule judges transfers until told otherwise; this one withdrawals too.
    await choose('rule-1-kinds', '提现');
    await choose('rule-1-cond-0-field', '金额');
    await choose('rule-1-cond-0-op', '介于');
    await waitFor(() => expect(document.getElementById('rule-1-cond-0-max')).not.toBeNull(), { timeout: 20_000 });
    enter('rule-1-cond-0-value', '0.01');
    enter('rule-1-cond-0-max', '19999999.99');
    enter('rule-1-reason', '该笔转账已被拦截。');
    expect(await sentBody()).toEqual(
      nextVersion(VICTIM, {
        ruleId: 'FIRST_PAYEE_BIG',
        version: 1,
        name: '新收款人大额',
        kinds: ['TRANSFER', 'WITHDRAWAL'],
        conditions: [{ field: 'amountFen', op: 'between', value: [1, 1_999_999_999] }],
        outcome: 'BLOCK',
        reason: '该笔转账已被拦截。',
      }),
    );
  }, 60_000);

  test('延时到账 asks for its hours (whole, 1–72) and sends them; a rule turned to 拦截 sends none', async () => {
    api.answer(SUBMIT, 200, change);
    await openEditor();
    expect(document.getElementById('rule-0-delayHours')).toHaveValue('24');
    enter('rule-0-delayHours', '73');
    submit();
    await waitFor(() => expect(fieldMessage('rule-0-delayHours')).toBe('请填写 1–72 的整数小时'), { timeout: 20_000 });
    expect(api.requests(SUBMIT)).toEqual([]);
    enter('rule-0-delayHours', '48');
    // Only a transfer can be held: a DELAY rule that names 缴费 is refused before it is sent.
    await choose('rule-0-kinds', '缴费');
    submit();
    await waitFor(() => expect(fieldMessage('rule-0-kinds')).toBe('延时到账只适用于转账'), { timeout: 20_000 });
    expect(api.requests(SUBMIT)).toEqual([]);
    // Taken off again by its tag's close.
    fireEvent.click(document.getElementById('rule-0-kinds')!.closest('.ant-select')!.querySelector('.ant-select-selection-item[title="缴费"] .ant-select-selection-item-remove')!);
    await choose('rule-1-outcome', '延时到账');
    await waitFor(() => expect(document.getElementById('rule-1-delayHours')).not.toBeNull(), { timeout: 20_000 });
    enter('rule-1-delayHours', '2');
    expect(await sentBody()).toEqual(nextVersion({ ...VICTIM, version: 3, delayHours: 48 }, { ...NIGHT, version: 2, outcome: 'DELAY', delayHours: 2 }));
  }, 60_000);

  test('回测 tries the draft as edited on recent transfers and shows the server’s figures; submits nothing', async () => {
    api.answer(BACKTEST, 200, {
      fromDate: '2026-11-30',
      toDate: '2026-12-06',
      truncated: false,
      judged: 120,
      withoutFields: 3,
      recorded: { ALLOW: 118, WARN: 0, STEP_UP: 0, DELAY: 2, BLOCK: 0 },
      proposed: { ALLOW: 117, WARN: 0, STEP_UP: 0, DELAY: 2, BLOCK: 1 },
      changed: 1,
      byRule: [
        { ruleId: 'VICTIM_TRANSFER', matched: 2 },
        { ruleId: 'NIGHT_LARGE', matched: 1 },
      ],
      examples: [{ journalId: 'JabcdefghijklmnopqrstuvwxyzA', kind: 'WITHDRAWAL', createdAt: '2026-12-05T17:30:00.000Z', amountFen: 5_000_100, recorded: 'ALLOW', proposed: 'BLOCK', ruleIds: ['NIGHT_LARGE'] }],
    });
    await openEditor();
    enter('rule-0-cond-1-value', '6000');
    fireEvent.click(document.getElementById('risk-backtest')!);
    await waitFor(() => expect(api.requests(BACKTEST)).toHaveLength(1), { timeout: 20_000 });
    expect(api.requests(BACKTEST)[0]!.body).toEqual({
      ...nextVersion({ ...VICTIM, version: 3, conditions: [VICTIM.conditions[0]!, { field: 'amountFen', op: 'gte', value: 600_000 }, VICTIM.conditions[2]!] }, NIGHT),
      days: 7,
    });
    const result = await waitFor(() => document.getElementById('risk-backtest-result')!, { timeout: 20_000 });
    expect(within(result).getByText('2026-11-30 至 2026-12-06，重判 120 笔交易（另有 3 笔早于记录判断数据，未计入）')).toBeInTheDocument();
    expect(within(result).getByText('放行 117 笔，提示确认 0 笔，加强验证 0 笔，延时到账 2 笔，拦截 1 笔')).toBeInTheDocument();
    expect(within(result).getByText('VICTIM_TRANSFER 2 笔，NIGHT_LARGE 1 笔')).toBeInTheDocument();
    const example = within(result).getByText('JabcdefghijklmnopqrstuvwxyzA').closest('tr') as HTMLElement;
    expect(within(example).getByText('2026-12-06 01:30:00')).toBeInTheDocument();
    expect(within(example).getByText('¥50,001.00')).toBeInTheDocument();
    expect(within(example).getByText('提现')).toBeInTheDocument();
    expect(within(example).getByText('拦截')).toBeInTheDocument();
    expect(api.requests(SUBMIT)).toEqual([]);
  });

  test('what the contract refuses is shown under its field, and nothing is sent', async () => {
    await openEditor();
    enter('rule-0-cond-1-value', '5000.123');
    enter('rule-1-name', '');
    submit();
    await waitFor(() => expect(fieldMessage('rule-0-cond-1-value')).toBe('请输入金额（元），最多两位小数'), { timeout: 20_000 });
    expect(fieldMessage('rule-1-name')).toBe('请填写 1–40 个字的规则名称');
    expect(api.requests(SUBMIT)).toEqual([]);
    fireEvent.click(document.getElementById('risk-backtest')!);
    await waitFor(() => expect(fieldMessage('rule-1-name')).toBe('请填写 1–40 个字的规则名称'), { timeout: 20_000 });
    expect(api.requests(BACKTEST)).toEqual([]);
  });

  test.each([
    [409, 'RISK_RULES_VERSION', '风控规则当前为第 4 版，新版本应为第 5 版，请刷新后重新起草'],
    [409, 'CHANGE_PENDING', '该对象已有待复核的变更'],
    [400, 'CHANGE_EMPTY', '变更内容与当前一致'],
  ])('a %i %s is shown in the server’s words, the drawer kept open', async (status, code, message) => {
    api.answer(SUBMIT, status, { error: { code, message } });
    await openEditor();
    submit();
    expect(await screen.findByText(message, {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(document.getElementById('risk-submit')).not.toBeNull();
    expect(screen.queryByText(/已提交复核/)).toBeNull();
  });
});

describe('复核中心', () => {
  test('the checker reads a rules change rule by rule, in words', () => {
    const raised = { ...VICTIM, version: 3, conditions: [VICTIM.conditions[0]!, { field: 'amountFen', op: 'gte', value: 500_010 }, VICTIM.conditions[2]!] } satisfies RiskRule;
    render(
      <DiffTable
        change={{
          kind: 'RISK_RULES',
          before: { ruleSet: { version: 3, rules: [VICTIM, NIGHT] } },
          after: { ruleSet: { version: 4, rules: [raised] } },
          diff: [
            { path: 'ruleSet.version', before: 3, after: 4 },
            { path: 'ruleSet.rules.0.version', before: 2, after: 3 },
            { path: 'ruleSet.rules.0.conditions.1.value', before: 500_000, after: 500_010 },
            { path: 'ruleSet.rules.1.ruleId', before: 'NIGHT_LARGE' },
            { path: 'ruleSet.rules.1.version', before: 1 },
          ],
        }}
      />,
    );
    const rows = [...document.querySelectorAll('#change-diff tbody tr.ant-table-row')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toHaveLength(3);
    // The set's own version is a row of its own, not the whole set as data.
    expect(rows[2]).toEqual(['规则集版本', '第 3 版', '第 4 版']);
    expect(rows[0]![0]).toBe('规则 1');
    expect(rows[0]![1]).toContain('疑似被骗转账（VICTIM_TRANSFER v2）：近 90 天最大单笔转账 不大于 ¥500.00，且 金额 不小于 ¥5,000.00');
    expect(rows[0]![2]).toContain('（VICTIM_TRANSFER v3）：近 90 天最大单笔转账 不大于 ¥500.00，且 金额 不小于 ¥5,000.10，且 首次向该收款人转账距今（仅转账） 小于 24 小时；适用 转账；延时到账 24 小时');
    expect(rows[1]).toEqual(['规则 2', expect.stringContaining('北京时间（时） 介于 0 时 至 5 时'), '（无）']);
  });
});
