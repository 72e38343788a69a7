// MERCHANT_REVIEW: the bank's decision on a merchant a partner proposed (entity
// `merchant:<merchantId>`): approved, it may take payments; rejected, the partner reads why. The
// maker's submission carries the settlement gateway's answer on the account's holder, which an
// approval requires to be MATCH. Applying moves the merchant out of PENDING_REVIEW once; applied
// again (the same change) it finds the decision already made and does nothing.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { refuse } from '../../domain/errors.js';
import { lazySchema } from '../../domain/lazy-schema.js';
import { HOLDER_CHECK_RESULTS } from '../../domain/open/merchant.js';
import { decideMerchant, getMerchant } from '../../store/partners.js';
import type { ChangeKindHandler } from './handler.js';

export const merchantEntityId = (merchantId: string) => `merchant:${merchantId}`;

export const MerchantReviewAfter = /* @__PURE__ */ lazySchema(() =>
  z.object({
    partnerId: z.string(),
    merchantId: z.string(),
    /** What the review makes of the merchant: ACTIVE (approved) or REJECTED. */
    status: z.enum(['ACTIVE', 'REJECTED']),
    reviewNote: z.string(),
    holderCheck: z.enum(HOLDER_CHECK_RESULTS),
  }),
);

export const merchantReviewChange: ChangeKindHandler = {
  permissionToApprove: 'partners.approve',
  async apply(change: ChangeRequest, now: Date) {
    const after = MerchantReviewAfter.parse(change.after);
    const record = (await getMerchant(after.partnerId, after.merchantId)) ?? refuse('not_found', 'MERCHANT_NOT_FOUND', '商户不存在');
    if (record.reviewChangeId === change.changeId) return;
    if (!(await decideMerchant(record.merchant, after.status, after.reviewNote, change.changeId, now))) {
      refuse('conflict', 'MERCHANT_NOT_PENDING', '该商户已不在待审核状态');
    }
  },
};
