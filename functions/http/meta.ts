// Liveness and the API's own description.
import { openApiDocument } from '../contract/openapi.js';
import { coreRoutes as routes } from '../contract/core-routes.js';
import { defineRoute, lambda } from './route.js';

const document = openApiDocument();

const health = defineRoute('health', routes.health, async () => ({ ok: true as const }));
const openapi = defineRoute('openapi', routes.openapi, async () => document);

export const handler = lambda([health, openapi]);
