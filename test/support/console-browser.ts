// End-to-end plumbing for the operations console's Chromium journeys: the local bank serving the
// console's production build for the local stage, with a headless Chromium (web-bank.ts), at a
// desktop size.
import type { Browser, Page } from 'playwright-core';
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
