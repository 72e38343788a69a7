// PARTNER_RESERVE: a partner's deposit to its reserve (保证金入账), recorded by one operator against
// the bank's statement (its reference) and booked once a second approves (entity
// `partner-reserve:<partnerId>`). Applying it again finds the journal written.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { lazySchema } from '../../domain/lazy-schema.js';
import { bookReserveDeposit } from '../partner-reserve.js';
import type { ChangeKindHandler } from './handler.js';

export const partnerReserveEntityId = (partnerId: string) => `partner-reserve:${partnerId}`;

export const PartnerReserveAfter = /* @__PURE__ */ lazySchema(() => z.object({ partnerId: z.string(), amountFen: z.int().check(z.minimum(1)), bankReference: z.string() }));

export const partnerReserveChange: ChangeKindHandler = {
  permissionToApprove: 'partners.approve',
  async apply(change: ChangeRequest, now: Date) {
    await bookReserveDeposit(PartnerReserveAfter.parse(change.after), change.changeId, now);
  },
};
