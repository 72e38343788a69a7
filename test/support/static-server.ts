// Serves a built folder (a web app's production build) over HTTP on 127.0.0.1, as a CDN would,
// optionally replacing one string in its text files (the API address the build was made for).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Where the API address can be: the scripts and the page that loads them. */
const REWRITTEN = new Set(['.html', '.js']);

export function serveStatic(folder: string, port: number, rewrite?: { from: string; to: string }): Promise<Server> {
  const root = resolve(folder);
  // Each rewritten file once: the build does not change while it is served.
  const rewritten = new Map<string, string>();
  const server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const relative = normalize(urlPath).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, relative);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (!rewrite || !REWRITTEN.has(extname(file))) {
      createReadStream(file).pipe(response);
      return;
    }
    if (!rewritten.has(file)) rewritten.set(file, readFileSync(file, 'utf8').replaceAll(rewrite.from, rewrite.to));
    response.end(rewritten.get(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
