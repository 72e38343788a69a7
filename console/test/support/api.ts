// The Jinlin API as the tests' server, faked at the wire: src/api/http.ts runs for real and only
// `fetch` is replaced. Unknown routes answer 404 in the API's error shape, so a stray request
// shows up.
export type Route = `${'GET' | 'POST'} /${string}`;

export interface SentRequest {
  route: Route;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

interface Answer {
  status: number;
  body: unknown;
}

export class FakeApi {
  readonly sent: SentRequest[] = [];
  private readonly handlers = new Map<Route, () => Promise<Answer>>();

  answer(route: Route, status: number, body: unknown): void {
    this.handlers.set(route, async () => ({ status, body }));
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

  requests(route: Route): SentRequest[] {
    return this.sent.filter((request) => request.route === route);
  }

  readonly fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const { pathname, searchParams } = new URL(url);
    const route = `${init.method ?? 'GET'} ${pathname}` as Route;
    this.sent.push({
      route,
      query: searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const handler = this.handlers.get(route);
    const { status, body } = handler
      ? await handler()
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: `no answer for ${route}` } } };
    // jsdom has no Response; the client reads only these two members.
    return { status, json: async () => body } as Response;
  };
}

/** A fresh fake API, installed as the page's `fetch`. */
export function fakeApi(): FakeApi {
  const api = new FakeApi();
  globalThis.fetch = api.fetch as typeof fetch;
  return api;
}
