// The Jinlin API as the tests' server, faked at the wire: Taro.request's H5 implementation calls
// `fetch`, so src/api/http.ts and Taro's request code run for real and only the network is
// replaced. Unknown routes answer 404 in the API's error shape, so a stray request shows up.

export type Route = `${'GET' | 'POST'} /${string}`;

export interface SentRequest {
  route: Route;
  /** The query string's parameters (a GET's only input). */
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The JSON body as the server would parse it. */
  body: unknown;
}

export interface Answer {
  status: number;
  body: unknown;
}

type Handler = (request: SentRequest) => Promise<Answer>;

export class FakeApi {
  readonly sent: SentRequest[] = [];
  private readonly handlers = new Map<Route, Handler>();

  /** Answers every request to `route` with this status and JSON body. */
  answer(route: Route, status: number, body: unknown): void {
    this.handlers.set(route, async () => ({ status, body }));
  }

  /** Answers each request to `route` with what `answer` makes of it (a new nonce each time…). */
  answerEach(route: Route, answer: (request: SentRequest) => Answer | Promise<Answer>): void {
    this.handlers.set(route, async (request) => answer(request));
  }

  /** Requests to `route` stay in flight until the returned function is called with the answer. */
  hold(route: Route): (status: number, body: unknown) => void {
    let release!: (answer: Answer) => void;
    const answered = new Promise<Answer>((resolve) => {
      release = resolve;
    });
    this.handlers.set(route, () => answered);
    return (status, body) => release({ status, body });
  }

  /** Requests to `route` fail as a dropped connection does (no HTTP answer at all). */
  dropConnection(route: Route): void {
    this.handlers.set(route, () => Promise.reject(new TypeError('Failed to fetch')));
  }

  requests(route: Route): SentRequest[] {
    return this.sent.filter((request) => request.route === route);
  }

  readonly fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const { pathname, searchParams } = new URL(url);
    const route = `${init.method ?? 'GET'} ${pathname}` as Route;
    const request: SentRequest = {
      route,
      query: searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    this.sent.push(request);
    const handler = this.handlers.get(route);
    const { status, body } = handler
      ? await handler(request)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: `no answer for ${route}` } } };
    // `Response` is whatwg-fetch's, which Taro's H5 request module installs in jsdom.
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}

/** A fresh fake API, installed as the page's `fetch`. */
export function fakeApi(): FakeApi {
  const api = new FakeApi();
  globalThis.fetch = api.fetch as typeof fetch;
  return api;
}
