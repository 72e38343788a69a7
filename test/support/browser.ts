// End-to-end plumbing shared by the Chromium journeys: the local bank (DynamoDB Local, the API
// in serverless offline), the production H5 build served as a CDN would, a headless Chromium,
// and the steps every journey takes to sign a new customer up through the UI.
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { after, before, type TestContext } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { startLocalStack, type LocalStack } from '../../scripts/lib/local-stack.js';
import { freePort } from '../../scripts/lib/ports.js';
import { buildH5 } from './h5-build.js';
import { serveStatic } from './static-server.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const screenshots = process.env.JINLIN_SCREENSHOTS ?? tmpdir();

export interface BrowserBank {
  browser: Browser;
  origin: string;
}

/** Starts the bank, builds and serves the H5 app and launches Chromium for the calling file. */
export function useBrowserBank(tableName: string): BrowserBank {
  const bank = {} as BrowserBank;
  let stack: LocalStack | undefined;
  let web: Server | undefined;
  before(async () => {
    const webPort = await freePort();
    bank.origin = `http://127.0.0.1:${webPort}`;
    process.env.JINLIN_H5_ORIGIN = bank.origin;
    stack = await startLocalStack({
      dynamoPort: await freePort(),
      apiPort: await freePort(),
      lambdaPort: await freePort(),
      tableName,
      log: false,
    });
    web = await serveStatic(buildH5(stack.apiUrl), webPort);
    bank.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await bank.browser?.close();
    web?.close();
    await stack?.stop();
  });
  return bank;
}

/** A page whose last screen and browser errors are reported when the test ends. Returns the
 *  errors seen so far (a journey asserts there are none). */
export function watchedPage(t: TestContext, page: Page, screenshotName: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  t.after(async () => {
    // Kept for whoever reads a failure: what the customer saw last.
    const path = `${screenshots}/${screenshotName}.png`;
    await page.screenshot({ path }).catch(() => undefined);
    const shownErrors = await page.locator('#error-message:visible').allInnerTexts().catch(() => []);
    t.diagnostic(`last screen: ${path} ${page.url()} errors shown: ${JSON.stringify(shownErrors)}`);
    t.diagnostic(`browser errors: ${JSON.stringify(errors)}`);
  });
  return errors;
}

/** Taro renders <Input id> as a custom element around the real <input>. */
export async function fill(page: Page, id: string, value: string) {
  await page.locator(`#${id} input, input#${id}`).first().fill(value);
}

export async function click(page: Page, id: string) {
  await page.locator(`#${id}`).first().click();
}

/** Onboarding steps become tappable one at a time, once home has reloaded the profile. */
async function startStep(page: Page, id: string) {
  await page.locator(`#${id}.step--next`).waitFor();
  await click(page, id);
}

export interface NewCustomer {
  user: string;
  phone: string;
  name: string;
  /** The first 17 characters; the check character is computed. */
  idBody: string;
  pin: string;
  /** All but the Luhn check digit. */
  cardBody: string;
}

/** Signs in, binds the phone, verifies the real name, sets the PIN and opens the account. */
export async function signUpThroughUi(page: Page, origin: string, customer: NewCustomer): Promise<void> {
  await page.goto(`${origin}/`);
  await fill(page, 'login-user', customer.user);
  await click(page, 'login-wechat');

  await startStep(page, 'go-bind-phone');
  await fill(page, 'phone-input', customer.phone);
  await click(page, 'phone-submit');

  await startStep(page, 'go-real-name');
  await fill(page, 'real-name-name', customer.name);
  await fill(page, 'real-name-id', customer.idBody + idCheckChar(customer.idBody));
  await click(page, 'real-name-submit');

  await startStep(page, 'go-pin');
  await fill(page, 'pin-input', customer.pin);
  await fill(page, 'pin-confirm', customer.pin);
  await click(page, 'pin-submit');

  await startStep(page, 'go-open-account');
  await fill(page, 'card-number', customer.cardBody + luhnCheckDigit(customer.cardBody));
  await click(page, 'open-account-submit');
}
