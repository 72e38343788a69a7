// Liveness and the API's own description. Bundles get the document generated at build time
// (scripts/esbuild-plugins.mjs): meta carries it compressed, not the schemas it comes from.
import { openApiDocument } from '../contract/openapi.js';
import { coreRoutes as routes } from '../contract/core-routes.js';
import { type ApiDocument, openPlatformDocument } from '../contract/open-document.js';
import { defineRoute, lambda } from './route.js';

// Made on the first request for it, not at init: the health check, which monitors call far more
// often, never pays for generating (or unpacking) the document.
let document: ReturnType<typeof openApiDocument> | undefined;
let partnersDocument: ReturnType<typeof openPlatformDocument> | undefined;

const health = defineRoute('health', routes.health, async () => ({ ok: true as const }));
const openapi = defineRoute('openapi', routes.openapi, async () => (document ??= openApiDocument()));
const openPlatformOpenapi = defineRoute('openPlatformOpenapi', routes.openPlatformOpenapi, async () => (partnersDocument ??= openPlatformDocument((document ??= openApiDocument()) as ApiDocument)));

export const handler = lambda([health, openapi, openPlatformOpenapi]);
