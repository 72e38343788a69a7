// JSON over HTTP to the API in serverless offline, as the mini-program calls it.
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

const REQUEST_TIMEOUT_MS = 120_000;

export async function request<T = any>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: response.status, body: body as T };
}

/** The answer's body, or an error naming the status and the API's error code. */
export async function expectOk<T = any>(answer: Promise<ApiAnswer<T>>, what: string): Promise<T> {
  const { status, body } = await answer;
  // serverless offline answers a crashed handler with 200 and `errorMessage` (AWS says 500).
  const crashed = typeof body === 'object' && body !== null && 'errorMessage' in body;
  if (status !== 200 || crashed) {
    const code = (body as { error?: { code?: string } })?.error?.code ?? JSON.stringify(body).slice(0, 160);
    throw new Error(`${what}: HTTP ${status} ${code}`);
  }
  return body;
}
