// LPR: the 1-year loan prime rate new loans are priced on (entity `lpr`, after = { oneYearLprBps }).
// Setting a value is idempotent by nature; loans already priced keep their rate.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { JUDICIAL_RATE_CEILING_BPS } from '../../domain/loan/product.js';
import type { ChangeKindHandler } from './handler.js';
import { setOneYearLpr } from '../loan-publishing.js';
import { lazySchema } from '../../domain/lazy-schema.js';

export const LPR_ENTITY_ID = 'lpr';
export const LprChangeAfter = /* @__PURE__ */ lazySchema(() => z.strictObject({ oneYearLprBps: z.int().check(z.minimum(1), z.maximum(JUDICIAL_RATE_CEILING_BPS)) }));

export const lprChange: ChangeKindHandler = {
  permissionToApprove: 'products.approve',
  async apply(change: ChangeRequest, now: Date) {
    await setOneYearLpr(LprChangeAfter.parse(change.after).oneYearLprBps, now);
  },
};
