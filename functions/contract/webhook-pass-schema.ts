// What one webhook delivery pass did (POST /v1/admin/webhooks/deliver, services/webhook-delivery.ts).
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const WebhookDeliveryPass = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      due: z.int().check(z.meta({ description: 'Events due by the bank’s clock that the pass found' })),
      attempts: z.int(),
      delivered: z.int(),
      retrying: z.int(),
      failed: z.int(),
      skipped: z.int().check(z.meta({ description: 'Events another pass or a redelivery held, or no longer due' })),
    })
    .check(z.meta({ id: 'WebhookDeliveryPass' })),
);
