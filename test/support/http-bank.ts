// The bank's Lambda handlers behind a real HTTP server on 127.0.0.1, in the test's process — for a
// client that speaks HTTP, such as the partner simulator (scripts/partner-sim/grocery.ts), in a
// test on DynamoDB Local without serverless offline. Each request becomes the API Gateway v2
// event `call` makes (headers and body as sent, so a signature over them still holds), routed by
// serverless.yml's route keys; the handler's answer goes back with its status, headers and body.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { call } from './bank.js';
import { deployedHandlers, type Handler } from './deployed.js';

/** Far above any request the bank takes: the API's own limits answer those. */
const MAX_REQUEST_BYTES = 1_048_576;

export interface HttpBank {
  url: string;
  stop(): Promise<void>;
}

/** `METHOD /v1/x/{id}` → a pattern of the path, one segment for each `{…}`. */
const routePattern = (routeKey: string) => {
  const [method, path] = routeKey.split(' ') as [string, string];
  return { method, path: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) };
};

/** Serves `routes` (serverless.yml's, every handler, by default) over HTTP. */
export async function serveBankOverHttp(routes?: Map<string, Handler>): Promise<HttpBank> {
  const table = [...(routes ?? (await deployedHandlers())).entries()].map(([routeKey, handler]) => ({ ...routePattern(routeKey), handler }));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (bytes > MAX_REQUEST_BYTES) return void response.writeHead(413).end();
      const url = new URL(request.url ?? '/', 'http://bank');
      const method = request.method as 'GET' | 'POST' | 'PUT' | 'DELETE';
      const route = table.find((entry) => entry.method === method && entry.path.test(url.pathname));
      if (!route) return void response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]));
      const body = Buffer.concat(chunks).toString('utf8');
      call(route.handler, { method, path: url.pathname, ...(url.search ? { query: Object.fromEntries(url.searchParams) } : {}), ...(body ? { rawBody: body } : {}), headers })
        .then((answer) => response.writeHead(answer.status, answer.headers).end(answer.rawBody ?? ''))
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
