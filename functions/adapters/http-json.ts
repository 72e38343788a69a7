// JSON over HTTPS to outside systems, with a hard timeout: an outside system never holds a
// Lambda for longer than it can afford.
import { UpstreamUnavailable } from '../platform/upstream-unavailable.js';

export async function fetchJson(
  system: string,
  url: string,
  init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; timeoutMs: number },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    throw new UpstreamUnavailable(system, error);
  }
  if (response.status >= 500) throw new UpstreamUnavailable(system, new Error(`HTTP ${response.status}`));
  return response.json();
}
