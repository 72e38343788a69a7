// The console's one HTTP client: JSON over fetch, the API's error body turned into ApiError,
// and a 401 on a signed-in route ending the session (tokens live 15 minutes and are not renewed).
import type { ErrorBody } from '@contract/schemas';
import { endSession, currentSession } from '@/session';

export class ApiError extends Error {
  /** HTTP status; 0 when no answer arrived (network failure or timeout). */
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** The message to show for anything a request may throw. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: object;
}

async function send(spec: RequestSpec, accessToken?: string): Promise<{ status: number; data: unknown }> {
  const headers: Record<string, string> = {};
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const query = spec.query ? `?${new URLSearchParams(spec.query).toString()}` : '';
  let response: Response;
  try {
    response = await fetch(`${API_BASE_URL}${spec.path}${query}`, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络异常，请检查网络后重试');
  }
  const data: unknown = await response.json().catch(() => null);
  return { status: response.status, data };
}

/** serverless offline answers a crashed function with 200 and `errorMessage` where AWS answers
 *  5xx: neither is a success. Nor is a 2xx without a JSON object (every route answers one): a
 *  loaded local stack has answered 200 with an empty body, which read as `null` crashed the page. */
function unwrap<T>({ status, data }: { status: number; data: unknown }): T {
  const answered = typeof data === 'object' && data !== null && !Array.isArray(data);
  const lambdaFailure = answered && 'errorMessage' in data;
  if (status >= 200 && status < 300 && answered && !lambdaFailure) return data as T;
  const error = (data as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.message === 'string') throw new ApiError(status, error.code, error.message);
  throw new ApiError(status, `HTTP_${status}`, status >= 500 || status < 300 ? '服务暂时不可用，请稍后重试' : `请求失败（${status}）`);
}

/** A route before sign-in (the two sign-in steps, the local demo code). */
export async function publicRequest<T>(spec: RequestSpec): Promise<T> {
  return unwrap<T>(await send(spec));
}

/** A signed-in route: the operator's bearer token; a 401 means it expired or was revoked. */
export async function consoleRequest<T>(spec: RequestSpec): Promise<T> {
  const session = currentSession();
  if (!session) throw new ApiError(401, 'SIGNED_OUT', '登录已失效，请重新登录');
  const response = await send(spec, session.accessToken);
  if (response.status === 401) endSession('登录已失效，请重新登录');
  return unwrap<T>(response);
}
