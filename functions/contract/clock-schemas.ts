// The bank's clock on local and test stages (platform/clock.ts): what the operators' automation
// sets it to, and what it then reads.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const ClockRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      time: z.nullable(z.iso.datetime({ offset: true })).check(z.meta({ description: 'What it reads now, running on from there; null: the wall clock' })),
    })
    .check(z.meta({ id: 'ClockRequest' })),
);

export const ClockView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      time: z.string().check(z.meta({ description: 'ISO-8601' })),
      offsetMs: z.int().check(z.meta({ description: 'From the wall clock' })),
    })
    .check(z.meta({ id: 'ClockView' })),
);
