// End-to-end plumbing for the operations console's Chromium journeys: the local bank serving the
// console's production build for the local stage, with a headless Chromium (web-bank.ts), at a
// desktop size.
import type { Browser, Page, Request } from 'playwright-core';
import { DEMO_OPERATOR_PASSWORD } from '../../functions/adapters/simulators/authenticator.js';
import { useWebBank } from './web-bank.js';

/** A laptop screen, the size the console's screenshots are looked at. */
export const DESKTOP_VIEWPORT = { width: 1440, height: 900 };

export interface ConsoleBank {
  browser: Browser;
  /** Where the console is served. */
  origin: string;
  /** The API, for what a journey reads from the simulators or calls as a client. */
  apiUrl: string;
}

/** Starts the bank, builds and serves the console and launches Chromium for the calling file. */
export function useConsoleBank(tableName: string): ConsoleBank {
  const bank = useWebBank(tableName, ['console']);
  return {
    get browser() {
      return bank.browser;
    },
    get origin() {
      return bank.origins.console;
    },
    get apiUrl() {
      return bank.apiUrl;
    },
  };
}

/** Signs a demo operator in on the console served at `origin`, as a person would: login and the
 *  demo password, then the local stage's 「获取本地演示口令」 link; the session's access token. */
export async function signInOnConsole(page: Page, origin: string, login: string): Promise<string> {
  await page.goto(`${origin}/`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(DEMO_OPERATOR_PASSWORD);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '获取本地演示口令' }).click();
  await page.waitForFunction(() => /^\d{6}$/.test((document.querySelector('#code') as HTMLInputElement | null)?.value ?? ''));
  const [session] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/v1/console/sign-in/totp') && response.status() === 200),
    // antd spaces a two-character label (登 录): the form's submit button.
    page.locator('button[type=submit]').click(),
  ]);
  return ((await session.json()) as { accessToken: string }).accessToken;
}

const isApproval = (request: Request) => request.method() === 'POST' && /\/v1\/console\/changes\/[^/]+\/approve$/.test(request.url());

/** 通过 (with a 复核意见 when given) → 确认通过 on a change's page, until the approval has gone to the server. A click on the
 *  dialog's button that reaches no handler — seen on a loaded CI machine: the dialog stayed open
 *  and no request went out, so 已生效 never came — is clicked again, at most 3 times. A request
 *  that went out is never repeated (and the page itself refuses a second decision while one is
 *  in flight). */
export async function approveOpenChange(page: Page, note?: string): Promise<void> {
  await page.locator('#change-approve').click();
  if (note !== undefined) await page.getByLabel('复核意见（选填）').fill(note);
  const confirm = page.getByRole('dialog').getByRole('button', { name: /确认通过/ });
  let sent = false;
  const watch = (request: Request) => {
    if (isApproval(request)) sent = true;
  };
  page.on('request', watch);
  try {
    for (let click = 0; click < 3 && !sent; click++) {
      await confirm.click();
      await page.waitForRequest(isApproval, { timeout: 10_000 }).catch(() => undefined);
    }
  } finally {
    page.off('request', watch);
  }
  if (!sent) throw new Error('确认通过 was clicked 3 times and no approval was sent');
}
