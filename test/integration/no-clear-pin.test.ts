// The PIN never exists in clear outside the device and the verification step (issue 14, point 2;
// "Done when": no request body, log line or stored item ever holds a PIN in clear — the test
// searches them all). A customer sets a PIN, changes it, tops up, transfers, withdraws and types
// a wrong PIN, through the real handlers; then every request body sent and every answer (the
// transcript), every line the handlers wrote (stdout and stderr, the logger at DEBUG) and every
// item in the table (a Scan) are searched for each PIN used — in clear, as digits in a list, as
// hex of its UTF-8 and as base64 (standard and URL-safe, at each of the three alignments a PIN
// can have inside a longer encoded text).
//
// And "a stolen table without the key verifies no PIN": the customer's item from that Scan, with
// the hashing scheme but not the key, verifies neither the PIN among a sample of the PIN space
// that holds it, nor under any key the table itself could give — while the same search with the
// bank's key finds exactly the PIN (test/unit/pin-hash.test.ts proves the scheme alone).
// First: the logger's level (see the file).
import './no-clear-pin.log-level.js';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { logger } from '../../functions/platform/logger.js';
import { checkKeyedPin, type PinKeyring, pinKeyring } from '../../functions/store/pin-hash.js';
import { handler as account } from '../../functions/http/account.js';
import { transcript, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, pay, setPin, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { type Item, scanTable } from '../support/ledger-check.js';

const bank = useBank();

/** PINs whose digits do not turn up by accident (no run, no repeat, no date). */
const FIRST_PIN = '482915';
const NEW_PIN = '736204';
const WRONG_PIN = '591837';
const PAYEE_PIN = '640372';
const PINS = [FIRST_PIN, NEW_PIN, WRONG_PIN, PAYEE_PIN];

/** The forms a PIN would take if something sent, logged or stored it without encrypting or
 *  hashing it. Base64 of a PIN inside a longer text depends on where it starts (mod 3): for each
 *  start, the characters that only the PIN's bytes decide (those that differ with the bytes
 *  around it are left out). */
export function pinForms(pin: string): { form: string; needle: string; caseless: boolean }[] {
  const bytes = Buffer.from(pin, 'utf8');
  const forms = [
    { form: 'clear', needle: pin, caseless: false },
    { form: 'digits, comma-separated', needle: [...pin].join(','), caseless: false },
    { form: 'digits as strings', needle: [...pin].join('","'), caseless: false },
    { form: 'hex of UTF-8', needle: bytes.toString('hex'), caseless: true },
  ];
  for (let offset = 0; offset < 3; offset++) {
    const around = (fill: number) => Buffer.concat([Buffer.alloc(offset, fill), bytes, Buffer.alloc(3, fill)]).toString('base64');
    const [zeros, ones] = [around(0x00), around(0xff)];
    let best = '';
    let run = '';
    for (let i = 0; i < zeros.length; i++) {
      run = zeros[i] === ones[i] ? run + zeros[i] : '';
      if (run.length > best.length) best = run;
    }
    forms.push({ form: `base64 at offset ${offset}`, needle: best, caseless: false });
    forms.push({ form: `base64url at offset ${offset}`, needle: best.replace(/\+/g, '-').replace(/\//g, '_'), caseless: false });
  }
  return forms;
}

/** Whether the base64 around `at` decodes to text holding `pin`. A base64 needle fixes only
 *  the bits the PIN's bytes alone decide — not all 48 — so a longer base64 text (a nonce's
 *  payload with an epoch time in it) can match it with other digits; decoding settles it. */
function decodesToPin(text: string, at: number, length: number, pin: string): boolean {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  for (let start = Math.max(0, at - 3); start <= at; start++) {
    const chunk = standard.slice(start, at + length + 4).replace(/[^A-Za-z0-9+/]/g, '');
    if (Buffer.from(chunk.slice(0, chunk.length - (chunk.length % 4)), 'base64').includes(pin)) return true;
  }
  return false;
}

/** Where `text` holds one of the PINs in one of its forms, if anywhere. */
function pinIn(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const pin of PINS) {
    for (const { form, needle, caseless } of pinForms(pin)) {
      for (let at = caseless ? lower.indexOf(needle) : text.indexOf(needle); at >= 0; at = (caseless ? lower : text).indexOf(needle, at + 1)) {
        if (form.startsWith('base64') && !decodesToPin(text, at, needle.length, pin)) continue;
        return `PIN ${pin} (${form} ${JSON.stringify(needle)}) at …${text.slice(Math.max(0, at - 60), at + needle.length + 60)}…`;
      }
    }
  }
  return undefined;
}

/** An item as text, binary attributes as their bytes (latin1) so encoded and raw forms both show. */
const itemText = (item: Item) => JSON.stringify(item, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value instanceof Set ? [...value] : value));

// ---- what the handlers write: stdout and stderr, captured while this file runs ------------------

const written: string[] = [];
const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
const CANARY = `no-clear-pin-canary-${randomBytes(6).toString('hex')}`;

function capture(stream: NodeJS.WriteStream, original: typeof process.stdout.write) {
  stream.write = function write(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    // The test runner's own reports are binary; text is a log line (kept off the terminal).
    if (typeof chunk === 'string') {
      written.push(chunk);
      return true;
    }
    if (chunk instanceof Uint8Array) written.push(Buffer.from(chunk).toString('utf8'));
    return original.call(this, chunk as Uint8Array, ...(rest as [])) as boolean;
  } as typeof process.stdout.write;
}

let who: Onboarded;
let payee: Onboarded;
let items: Item[] = [];
let transcriptStart = 0;

describe('no PIN in clear', () => {
  before(() => {
    transcriptStart = transcript.length;
    // Everything the handlers would log, at the most verbose level there is.
    assert.equal(logger.getLevelName(), 'DEBUG');
    capture(process.stdout, originals.stdout);
    capture(process.stderr, originals.stderr);
  });
  after(() => {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  });

  test('a customer sets a PIN, changes it, tops up, transfers, withdraws and types a wrong PIN', async () => {
    [who, payee] = await Promise.all([onboard({ name: '钱多多', pin: FIRST_PIN }), onboard({ name: '孙收款', pin: PAYEE_PIN })]);
    expectOk(await setPin(who.token, NEW_PIN, FIRST_PIN));
    who.pin = NEW_PIN;
    expectOk(await topUp(who, 38_000));
    expectOk(await transfer(who, payee, 12_000));
    expectOk(await withdraw(who, 5_000));
    expectError(await pay(who, account, '/v1/account/top-up', { amountFen: 700 }, { pin: WRONG_PIN }), 403, 'PIN_INCORRECT');
    // The old PIN is wrong now too.
    expectError(await pay(who, account, '/v1/account/top-up', { amountFen: 700 }, { pin: FIRST_PIN }), 403, 'PIN_INCORRECT');
    assert.equal(await balanceFen(who), 21_000);
    assert.equal(await balanceFen(payee), 12_000);
    // The capture sees what the logger writes.
    logger.debug('capture check', { canary: CANARY });
    items = await scanTable();
  });

  test('no request body sent, and no answer, holds a PIN', (t) => {
    const exchanges = transcript.slice(transcriptStart);
    t.diagnostic(`${exchanges.length} requests and answers searched`);
    // The journey's PINs went out as second factors (and the new PIN with them).
    assert.ok(exchanges.filter((e) => e.requestBody.includes('"secondFactor"') && e.requestBody.includes('"pinCipher"')).length >= 6, 'the money requests carried no second factor');
    assert.ok(exchanges.some((e) => e.path === '/v1/me/pin' && e.requestBody.includes('"newPin"')), 'the PIN change was not captured');
    for (const exchange of exchanges) {
      const request = pinIn(exchange.requestBody);
      assert.equal(request, undefined, `${exchange.method} ${exchange.path} was sent ${request}`);
      const answer = pinIn(exchange.body);
      assert.equal(answer, undefined, `${exchange.method} ${exchange.path} answered ${answer}`);
    }
  });

  test('no line the handlers wrote holds a PIN', (t) => {
    const lines = written.join('');
    assert.ok(lines.includes(CANARY), 'the logger writes somewhere this test does not see');
    // Whatever the handlers write, at any level, is searched (on this journey that may be little
    // more than the check line above: money paths log failures, not successes).
    t.diagnostic(`${written.filter((w) => w.startsWith('{')).length} log lines, ${written.length} writes in all, searched`);
    for (const chunk of written) {
      const found = pinIn(chunk);
      assert.equal(found, undefined, `a log line holds ${found}`);
    }
  });

  test('no item in the table holds a PIN', (t) => {
    t.diagnostic(`${items.length} items searched`);
    const customer = items.find((i) => i.type === 'CUSTOMER' && i.customerId === who.customerId);
    assert.match(String(customer?.pinHash), /^hmac1\$/, 'the PIN is kept as its keyed hash');
    assert.ok(items.some((i) => i.type === 'PAYMENT_NONCE'), 'no used-up nonce in the table');
    assert.ok(items.length > 30, `${items.length} items in ${bank.tableName}`);
    for (const item of items) {
      const found = pinIn(itemText(item));
      assert.equal(found, undefined, `item ${item.PK} / ${item.SK} holds ${found}`);
    }
  });

  test('a stolen table without the key verifies no PIN; with the key, the same search finds it', async () => {
    const customer = items.find((i) => i.type === 'CUSTOMER' && i.customerId === who.customerId)!;
    const stolen = String(customer.pinHash);
    const [, keyId] = stolen.split('$') as [string, string];
    const ring = (key: Buffer): PinKeyring => ({ currentId: keyId, keys: new Map([[keyId, key]]) });
    // Every tenth PIN, through the real one: the search the stolen table invites, cut to a sample.
    const sample = Array.from({ length: 100_000 }, (_, i) => String(i * 10 + (Number(NEW_PIN) % 10)).padStart(6, '0'));
    assert.ok(sample.includes(NEW_PIN));
    const found = (keyring: PinKeyring) => sample.filter((pin) => checkKeyedPin(keyring, who.customerId, pin, stolen).matches);
    // The control: the bank's own key finds exactly the PIN — the search works.
    assert.deepEqual(found(await pinKeyring()), [NEW_PIN]);
    // Without it: a key of the attacker's choosing finds nothing…
    assert.deepEqual(found(ring(randomBytes(32))), []);
    // …nor does any key the table itself could hand over: every text in every item, as bytes
    // and (where it reads as such) as base64, and the empty key.
    const candidates = new Map<string, Buffer>([['(empty)', Buffer.alloc(0)]]);
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(texts) : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    for (const text of items.flatMap(texts)) {
      candidates.set(`bytes of ${text.slice(0, 40)}`, Buffer.from(text, 'utf8'));
      if (/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(text)) candidates.set(`base64 ${text.slice(0, 40)}`, Buffer.from(text, 'base64'));
    }
    assert.ok(candidates.size > 100, `${candidates.size} keys from the table`);
    for (const [name, key] of candidates) {
      for (const pin of [NEW_PIN, FIRST_PIN]) assert.equal(checkKeyedPin(ring(key), who.customerId, pin, stolen).matches, false, `the table's own ${name} verifies the PIN`);
    }
  });
});
