// The service desk in the operations console, in Chromium against the console's production build,
// the API in serverless offline and DynamoDB Local with the demo seed: cs.zhao signs in (password
// and the local demo 动态口令), finds the demo customer 林晓 by phone, reveals the full phone with
// a reason, freezes the e-account — the customer's next transfer through the API is refused with
// ACCOUNT_FROZEN — and asks for the unfreeze; risk.wang approves it in 复核中心 and the customer's
// transfer goes through. The audit log holds each step.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_OPERATOR_PASSWORD } from '../../functions/adapters/simulators/authenticator.js';
import { DEMO_CUSTOMERS } from '../../scripts/lib/seed.js';
import { screenshots, watchedPage } from '../support/browser.js';
import { approveOpenChange, DESKTOP_VIEWPORT, signInOnConsole, useConsoleBank } from '../support/console-browser.js';
import { type Authorization, encryptPin } from '../support/second-factor.js';

const bank = useConsoleBank('jinlin-e2e-console-service');

const [LIN, CHEN] = DEMO_CUSTOMERS as [(typeof DEMO_CUSTOMERS)[number], (typeof DEMO_CUSTOMERS)[number]];

async function api<T = any>(method: 'GET' | 'POST', path: string, { token, body, key }: { token?: string; body?: unknown; key?: string } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${bank.apiUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The demo customer's transfer to the other demo customer, through the API as the mini-program sends it. */
async function customerTransfer(token: string, amountFen: number) {
  const key = randomUUID();
  const body = { toPhone: CHEN.phone, amountFen };
  const asked = await api<Authorization>('POST', '/v1/payment-authorizations', { token, body: { method: 'POST', path: '/v1/account/transfer', body, idempotencyKey: key } });
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  const secondFactor = { nonce: asked.body.nonce, pinCipher: encryptPin(asked.body, LIN.pin) };
  return api('POST', '/v1/account/transfer', { token, key, body: { ...body, secondFactor } });
}

/** Signs in through the console's page: password, then the code the local demo link fills in. */
/** An operator's session through the API (password, then the simulator's current code). */
async function operatorToken(login: string): Promise<string> {
  const { body: challenge } = await api('POST', '/v1/console/sign-in', { body: { login, password: DEMO_OPERATOR_PASSWORD } });
  const { body: code } = await api('GET', `/v1/sim/console/totp?login=${login}`);
  const session = await api('POST', '/v1/console/sign-in/totp', { body: { challengeId: challenge.challengeId, code: code.code } });
  assert.equal(session.status, 200, JSON.stringify(session.body));
  return session.body.accessToken;
}

async function reasonDialog(page: Page, reason: string, ok: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.locator('#reason').fill(reason);
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('an agent finds a customer, reveals the phone with a reason and freezes the account; a second operator approves the unfreeze; all audited', async (t) => {
  const login = await api('POST', '/v1/sim/wechat/login-code', { body: { user: LIN.simulatorUser } });
  const customer = await api('POST', '/v1/auth/wechat', { body: { code: login.body.code } });
  assert.equal(customer.status, 200, JSON.stringify(customer.body));
  const customerToken: string = customer.body.accessToken;
  const accountId: string = customer.body.me.account.accountId;

  const context = await bank.browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchedPage(t, page, 'jinlin-e2e-console-service-last');
  t.after(() => context.close());

  // cs.zhao: 客户服务 → by phone → the customer's 360 view, masked.
  await signInOnConsole(page, bank.origin, 'cs.zhao');
  await page.getByRole('menuitem', { name: /客户服务/ }).click();
  await page.waitForURL(/\/service$/);
  await page.locator('#search-value').fill(LIN.phone);
  await page.getByRole('button', { name: /查\s*找/ }).click();
  const row = page.locator('#customer-results tbody tr.ant-table-row');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.match(await row.first().innerText(), /138\*{4}8000/);
  await row.first().getByRole('link', { name: '查看客户' }).click();
  await page.locator('#masked-phone').waitFor();
  assert.equal(await page.getByText(LIN.phone).count(), 0, 'masked by default');

  // 查看完整 with a reason: the full phone, recorded.
  // The phone's 查看完整 (the first: 证件号 follows it).
  await page.getByRole('button', { name: '查看完整' }).first().click();
  await reasonDialog(page, '客户来电，核实预留手机号', /确认查看/);
  assert.equal((await page.locator('#revealed-phone').innerText()).trim(), LIN.phone);

  // 冻结账户 with a reason: frozen at once.
  await page.getByRole('button', { name: /冻结账户/ }).click();
  await reasonDialog(page, '客户来电称手机遗失，要求立即止付', /确认冻结/);
  await page.locator('#account-status').getByText('已冻结').waitFor();

  // The customer's next payment is refused with the freeze's code and a Chinese message.
  const refused = await customerTransfer(customerToken, 100);
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 'ACCOUNT_FROZEN');
  assert.match(refused.body.error.message, /冻结/);

  // 申请解冻: a change for a second operator.
  await page.getByRole('button', { name: /申请解冻/ }).click();
  const [unfreezeAnswer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith(`/v1/console/accounts/${accountId}/unfreeze-requests`) && response.request().method() === 'POST'),
    reasonDialog(page, '已核实客户本人，手机已找回', /提交申请/),
  ]);
  const change = (await unfreezeAnswer.json()) as { changeId: string; status: string };
  assert.equal(change.status, 'PENDING');
  await page.getByText('待复核').first().waitFor();
  const shot = `${screenshots}/console-service-360.png`;
  await page.screenshot({ path: shot, animations: 'disabled' });
  t.diagnostic(`customer 360 page: ${shot}`);

  // risk.wang approves it in 复核中心.
  await page.evaluate(() => sessionStorage.clear());
  await signInOnConsole(page, bank.origin, 'risk.wang');
  // The shell has loaded (its chunk fetched, its requests answered) before the page is left for
  // the change's own URL: leaving earlier aborts them, which the browser logs as failed requests.
  await page.getByRole('menuitem', { name: /复核中心/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.goto(`${bank.origin}/changes/${encodeURIComponent(change.changeId)}`);
  await approveOpenChange(page);
  // The approval applies the change in the same request (and may be the first call into its
  // function): on a loaded 2-core CI machine that has taken over 30 s.
  await page.locator('#change-done').waitFor({ timeout: 60_000 });

  // The account takes debits again: the same transfer goes through.
  const paid = await customerTransfer(customerToken, 100);
  assert.equal(paid.status, 200, JSON.stringify(paid.body));

  // The audit log (read by the auditor) holds each step, in order.
  const auditor = await operatorToken('audit.sun');
  const { body: log } = await api('GET', '/v1/console/audit?limit=50', { token: auditor });
  const steps = (log.entries as { action: string; reason?: string; actor: { login?: string } }[]).filter((entry) =>
    ['customer.reveal.phone', 'account.freeze', 'change.submit', 'change.approve', 'account.unfreeze'].includes(entry.action),
  );
  t.diagnostic(`audited steps: ${JSON.stringify(steps.map(({ action, actor }) => [action, actor.login]))}`);
  const oldestFirst = steps.reverse();
  assert.deepEqual(
    oldestFirst.map(({ action, actor }) => [action, actor.login]),
    [
      ['customer.reveal.phone', 'cs.zhao'],
      ['account.freeze', 'cs.zhao'],
      ['change.submit', 'cs.zhao'],
      ['change.approve', 'risk.wang'],
      ['account.unfreeze', 'risk.wang'],
    ],
  );
  assert.equal(oldestFirst[0]!.reason, '客户来电，核实预留手机号');
  assert.equal(oldestFirst[1]!.reason, '客户来电称手机遗失，要求立即止付');

  // The browser saw no errors but Chromium's log of refused requests.
  assert.deepEqual(errors.filter((error) => !/status of 4\d\d/.test(error)), []);
});
