// The Lambda handler serverless.yml deploys each "METHOD /path" to, loaded in this process — so
// tests generated from the route table reach every route the way API Gateway would.
import type { call } from './bank.js';
import { serverlessFile } from '../../scripts/lib/serverless-config.js';

export type Handler = Parameters<typeof call>[0];

export async function deployedHandlers(): Promise<Map<string, Handler>> {
  const byRouteKey = new Map<string, Handler>();
  for (const fn of Object.values(serverlessFile().functions)) {
    const module = /^functions\/http\/([\w-]+)\.handler$/.exec(fn.handler)?.[1];
    if (!module) continue;
    const handler = ((await import(`../../functions/http/${module}.js`)) as { handler: Handler }).handler;
    for (const event of fn.events ?? []) if (event.httpApi) byRouteKey.set(event.httpApi, handler);
  }
  return byRouteKey;
}
