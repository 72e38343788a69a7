// End-to-end plumbing shared by the Chromium journeys: the local bank serving the production H5
// build, with a headless Chromium (web-bank.ts); the steps every journey takes to sign a new
// customer up through the UI, and paying as a customer pays: the review sheet, then the PIN on
// the keypad, never a PIN in clear on the wire.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import type { TestContext } from 'node:test';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { amountInWords } from '../../functions/domain/amount-words.js';
import { luhnCheckDigit } from '../../functions/domain/card.js';
import { idCheckChar } from '../../functions/domain/idcard.js';
import { useWebBank } from './web-bank.js';


/** Where journeys save what a person looks at (JINLIN_SCREENSHOTS; the system's temp folder else). */
export const screenshots = process.env.JINLIN_SCREENSHOTS ?? tmpdir();

/** A phone's screen (iPhone 12–14), for pages whose screenshots are looked at. */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

export interface BrowserBank {
  browser: Browser;
  origin: string;
  /** The API (serverless offline), for what a journey reads from the simulators. */
  apiUrl: string;
}

/** Starts the bank, builds and serves the H5 app and launches Chromium for the calling file. */
export function useBrowserBank(tableName: string): BrowserBank {
  const bank = useWebBank(tableName, ['h5']);
  return {
    get browser() {
      return bank.browser;
    },
    get origin() {
      return bank.origins.h5;
    },
    get apiUrl() {
      return bank.apiUrl;
    },
  };
}

/** A page whose last screen and browser errors are reported when the test ends. Returns the
 *  errors seen so far (a journey asserts there are none). */
export function watchedPage(t: TestContext, page: Page, screenshotName: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // net::ERR_ABORTED is the browser cancelling a request it no longer needs (the page navigated
    // away while it was in flight): nothing the app did wrong. Every other failure is kept.
    const reason = request.failure()?.errorText;
    if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} ${reason}`);
  });
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
  await setNewPinOnKeypad(page, customer.pin);

  await startStep(page, 'go-open-account');
  await fill(page, 'card-number', customer.cardBody + luhnCheckDigit(customer.cardBody));
  await click(page, 'open-account-submit');
}

/** `¥1,000.00` → 100000, on the digits alone (no floating point). */
function fenOfShown(shown: string): number {
  const match = /^¥([\d,]+)\.(\d{2})$/.exec(shown.trim());
  assert.ok(match, `not an amount: ${shown}`);
  return Number(match[1]!.replaceAll(',', '') + match[2]!);
}

/** Saves what the customer sees now as `<name>.png` when JINLIN_SCREENSHOTS names a folder (for
 *  a person to look at; nothing compares them). */
export async function stepScreenshot(page: Page, name: string): Promise<void> {
  if (!process.env.JINLIN_SCREENSHOTS) return;
  await page.screenshot({ path: `${screenshots}/${name}.png`, animations: 'disabled' });
}

/** Taro's H5 router keeps the pages under the top one in the DOM, hidden: only what is on
 *  screen counts. */
const onScreen = (page: Page, id: string) => page.locator(`#${id}:visible`);

/** Waits until the keypad on screen takes taps: its nonce is there and nothing is in flight. */
export async function keypadReady(page: Page): Promise<void> {
  await page.locator('#pin-keys:visible:not(.keypad__keys--disabled)').waitFor();
  await onScreen(page, 'pin-status').waitFor({ state: 'hidden' });
}

/** Waits until the keypad on screen takes taps (its nonce is there, nothing is in flight), then
 *  taps `digits` on it. The keypad keeps the digits itself, so taps need no pause between them. */
export async function tapPin(page: Page, digits: string): Promise<void> {
  await keypadReady(page);
  for (const digit of digits) await onScreen(page, `pin-key-${digit}`).click();
}

/** Waits for the `count`th dot in the keypad's boxes on screen; there are then exactly `count`. */
export async function waitForPinDots(page: Page, count: number): Promise<void> {
  const dots = page.locator('#pin-boxes:visible .pin-boxes__dot');
  await dots.nth(count - 1).waitFor();
  assert.equal(await dots.count(), count);
}

/** A new PIN on the keypad page (setting it, or 忘记支付密码): the PIN, then — once the prompt
 *  asks for it again — the same PIN to confirm it. */
export async function setNewPinOnKeypad(page: Page, pin: string): Promise<void> {
  const prompt = onScreen(page, 'pin-prompt');
  await prompt.waitFor();
  assert.doesNotMatch(await prompt.innerText(), /再次/);
  await tapPin(page, pin);
  // The keypad is a new one for the confirmation: taps before it is there would be lost.
  await page.locator('#pin-prompt:visible', { hasText: '再次' }).waitFor();
  await tapPin(page, pin);
}

export interface ExpectedReview {
  /** The amount the sheet shows (`¥1,000.00`): the form's own, or the server's for a request
   *  whose body names none (a repayment of what is due, a redemption in units); null where the
   *  server gives no figure. */
  amount: string | null;
  /** The masked payee the sheet must show (a transfer). */
  payee?: RegExp;
  /** Saves the sheet as this screenshot (stepScreenshot). */
  screenshot?: string;
}

/** The review sheet a form's button opened: once the server's figures are on it, checks the
 *  amount and its capitals (大写), then taps 确认付款. */
export async function reviewAndConfirm(page: Page, expected: ExpectedReview): Promise<void> {
  const sheet = onScreen(page, 'review-sheet');
  // The skeleton shows neither; the fee row is on every review.
  await sheet.locator('#review-fee').waitFor();
  assert.notEqual((await sheet.locator('#review-fee').innerText()).trim(), '');
  if (expected.amount === null) {
    assert.equal(await sheet.locator('#review-amount').count(), 0, 'the review shows an amount the request did not name');
  } else {
    assert.equal((await sheet.locator('#review-amount').innerText()).trim(), expected.amount);
    const words = sheet.locator('#review-amount-words');
    assert.ok(await words.isVisible(), 'the amount in capitals (大写) is on the review');
    assert.equal((await words.innerText()).trim(), amountInWords(fenOfShown(expected.amount)));
  }
  if (expected.payee) assert.match(await sheet.locator('#review-payee').innerText(), expected.payee);
  if (expected.screenshot) await stepScreenshot(page, expected.screenshot);
  // Taro's H5 button keeps a `disabled` attribute when enabled: the figures being there is the
  // sign it takes the tap.
  await sheet.locator('#review-confirm').click();
}

/** After a form's button: the review sheet (amount and 大写 checked), 确认付款, then the PIN on
 *  the keypad. What the payment ends in (a result page, a refusal) is the caller's to wait for. */
export async function confirmPayment(page: Page, pin: string, expected: ExpectedReview): Promise<void> {
  await reviewAndConfirm(page, expected);
  await tapPin(page, pin);
}

export interface PinWatch {
  /** `POST /path` of every request that carried a PIN cipher (a second factor or a new PIN), in
   *  the order sent. */
  confirmed: string[];
  /** Requests in which a PIN was found in clear, or a PIN field was not an SM2 cipher. */
  leaks: string[];
}

const SM2_CIPHER_HEX = /^[0-9a-f]{194,}$/;

/** The PIN as typed, or its digits one by one in JSON (`"4","8",…`, `[4,8,…]`). */
function holdsPin(text: string, pin: string): boolean {
  return text.includes(pin) || new RegExp(pin.split('').join('[\\s",\\[\\]]{1,4}')).test(text);
}

/** Every request the page (or every page of the context) sends, searched for the PINs in clear —
 *  body, URL and headers — and each PIN cipher it carries noted. */
export function watchForClearPins(target: Page | BrowserContext, pins: string[]): PinWatch {
  const watch: PinWatch = { confirmed: [], leaks: [] };
  const seen = (request: Request) => {
    const body = request.postData() ?? '';
    const where = `${request.method()} ${request.url()}`;
    for (const pin of pins) {
      if ([body, request.url(), JSON.stringify(request.headers())].some((part) => holdsPin(part, pin))) {
        watch.leaks.push(`${where} holds a PIN in clear: ${body.slice(0, 300)}`);
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const factors = ['secondFactor', 'newPin']
      .map((field) => (parsed as Record<string, unknown>)[field])
      .filter((factor): factor is Record<string, unknown> => typeof factor === 'object' && factor !== null);
    if (factors.length === 0) return;
    for (const factor of factors) {
      const fields = Object.keys(factor).sort().join(',');
      if (fields !== 'nonce,pinCipher' || typeof factor.pinCipher !== 'string' || !SM2_CIPHER_HEX.test(factor.pinCipher)) {
        watch.leaks.push(`${where} carries a PIN field that is not a nonce and an SM2 cipher: ${fields}`);
      }
    }
    watch.confirmed.push(`${request.method()} ${new URL(request.url()).pathname}`);
  };
  // The same event on either; TypeScript wants to know which `on` it is.
  if ('newPage' in target) target.on('request', seen);
  else target.on('request', seen);
  return watch;
}
