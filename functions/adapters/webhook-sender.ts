// Sends one webhook delivery to a partner's server over HTTP(S). The URL is the partner's say-so,
// so every attempt checks it again (domain/open/webhook-url.ts), resolves its host name and refuses
// if any address is not public — and then connects to the address it checked, never resolving
// again (a name re-pointed between the check and the connection, DNS rebinding, reaches nothing).
// No redirect is followed (a 3xx is an answer, and not a 2xx); the whole attempt, the name's
// lookup included, has one deadline; the answer is read up to a cap. No simulator: tests run a
// server on 127.0.0.1, which the local stage allows (ALLOW_LOOPBACK_WEBHOOKS).
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { MAX_EVENT_BYTES, WEBHOOK_RESPONSE_SNIPPET_CHARS, type WebhookErrorCode } from '../domain/open/webhook.js';
import { isPublicAddress, webhookUrlProblem } from '../domain/open/webhook-url.js';

/** Standard Webhooks' advice: a partner answers at once and works after; a slow one has failed. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** What is read of an answer before the connection is dropped: a partner's 2xx needs no body. */
export const MAX_WEBHOOK_RESPONSE_BYTES = 65_536;
/** The body with room for nothing else: an event is at most MAX_EVENT_BYTES. */
const MAX_WEBHOOK_REQUEST_BYTES = MAX_EVENT_BYTES;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookSendResult {
  /** The status the partner answered, or why there was no answer. */
  httpStatus?: number;
  error?: WebhookErrorCode;
  durationMs: number;
  /** The first characters of the answer. */
  response: string;
}

export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookSendResult>;
}

const isLoopbackAddress = (address: string) => /^127\./.test(address) || address === '::1';

class Refused extends Error {
  constructor(readonly code: WebhookErrorCode) {
    super(code);
  }
}

type Address = { address: string; family: number };
/** Every address a name resolves to. */
export type ResolveAll = (hostname: string) => Promise<Address[]>;
const resolveAll: ResolveAll = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** The host's addresses, every one of them checked: refused when any is not public (loopback
 *  only where allowed, the local stage). */
async function checkedAddress(host: string, allowLoopback: boolean, resolve: ResolveAll): Promise<Address> {
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  let addresses: Address[];
  if (isIP(literal) !== 0) {
    addresses = [{ address: literal, family: isIP(literal) }];
  } else {
    addresses = await resolve(literal).catch(() => {
      throw new Refused('DNS_FAILED');
    });
  }
  if (addresses.length === 0) throw new Refused('DNS_FAILED');
  const allowed = (address: string) => isPublicAddress(address) || (allowLoopback && isLoopbackAddress(address));
  if (!addresses.every(({ address }) => allowed(address))) throw new Refused('ADDRESS_REFUSED');
  return addresses[0]!;
}

/** Resolves to the address already checked, whatever the request asks. */
const pinnedLookup =
  (checked: Address): LookupFunction =>
  (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (error: null, addresses: Address[]) => void)(null, [checked]);
    else callback(null, checked.address, checked.family);
  };

function exchange(url: URL, options: RequestOptions, body: string, signal: AbortSignal): Promise<{ httpStatus: number; response: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { ...options, signal }, (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      const done = () => resolve({ httpStatus: answer.statusCode ?? 0, response: Buffer.concat(chunks).toString('utf8').slice(0, WEBHOOK_RESPONSE_SNIPPET_CHARS) });
      answer.on('data', (chunk: Buffer) => {
        if (bytes >= MAX_WEBHOOK_RESPONSE_BYTES) return;
        chunks.push(chunk.subarray(0, MAX_WEBHOOK_RESPONSE_BYTES - bytes));
        bytes += chunk.length;
        // Enough read: the status is the answer; the rest is dropped with the connection.
        if (bytes >= MAX_WEBHOOK_RESPONSE_BYTES) {
          done();
          answer.destroy();
        }
      });
      answer.on('end', done);
      answer.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The sender; `allowLoopback` on the local stage only. `resolve` is the system's resolver but
 *  in tests of what a name resolving to a private address meets. */
export function webhookSender(allowLoopback: boolean, resolve: ResolveAll = resolveAll): WebhookSender {
  return {
    async send({ url: raw, headers, body }) {
      if (Buffer.byteLength(body, 'utf8') > MAX_WEBHOOK_REQUEST_BYTES) throw new Error('webhook body over its cap');
      const started = performance.now();
      const result = (outcome: Omit<WebhookSendResult, 'durationMs'>): WebhookSendResult => ({ ...outcome, durationMs: Math.round(performance.now() - started) });
      if (webhookUrlProblem(raw, allowLoopback) !== undefined) return result({ error: 'URL_REFUSED', response: '' });
      const url = new URL(raw);
      const deadline = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS);
      try {
        const timedOut = new Promise<never>((_, reject) => deadline.addEventListener('abort', () => reject(new Refused('TIMEOUT')), { once: true }));
        const address = await Promise.race([checkedAddress(url.hostname, allowLoopback, resolve), timedOut]);
        const options: RequestOptions = {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body, 'utf8')), 'user-agent': 'Jinlin-Webhooks/1' },
          lookup: pinnedLookup(address),
          // A connection of its own: a pooled one could have been opened to another address.
          agent: false,
        };
        return result(await Promise.race([exchange(url, options, body, deadline), timedOut]));
      } catch (error) {
        if (error instanceof Refused) return result({ error: error.code, response: '' });
        return result({ error: deadline.aborted ? 'TIMEOUT' : 'CONNECTION_FAILED', response: '' });
      }
    },
  };
}
