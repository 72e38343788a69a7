// WEALTH_PRODUCT_VERSION: a new wealth product or the next version of one (after = the product
// without its version); WEALTH_PRODUCT_STATUS: opening or closing its subscriptions (after =
// { status }). Both hold the entity `wealth-product:<productId>`, so one change waits per product,
// and both publish a new version through services/wealth-products.ts: the versions orders were
// placed under stay as they were.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { wealthProductDraftSchema } from '../../domain/wealth/product-draft.js';
import type { VersionProvenance } from '../../store/catalog.js';
import { publishApprovedWealthProduct } from '../wealth-products.js';
import type { ChangeKindHandler } from './handler.js';
import { lazySchema } from '../../domain/lazy-schema.js';

export const wealthProductEntityId = (productId: string) => `wealth-product:${productId}`;

const WEALTH_ENTITY = /^wealth-product:(.+)$/;
const WealthStatusChangeAfter = /* @__PURE__ */ lazySchema(() => z.strictObject({ status: z.enum(['OPEN', 'CLOSED']) }));

function provenanceOf(change: ChangeRequest): VersionProvenance {
  if (!change.checker) throw new Error(`change ${change.changeId} is applied without a checker`);
  return { changeId: change.changeId, makerLogin: change.maker.login, checkerLogin: change.checker.login };
}

function productIdOf(change: ChangeRequest): string {
  const productId = WEALTH_ENTITY.exec(change.entityId)?.[1];
  if (!productId) throw new Error(`change ${change.changeId}: ${change.entityId} names no wealth product`);
  return productId;
}

export const wealthProductVersionChange: ChangeKindHandler = {
  permissionToApprove: 'products.approve',
  async apply(change: ChangeRequest, now: Date) {
    const draft = wealthProductDraftSchema.parse(change.after);
    await publishApprovedWealthProduct(draft.productId, () => draft, provenanceOf(change), now);
  },
};

export const wealthProductStatusChange: ChangeKindHandler = {
  permissionToApprove: 'products.approve',
  async apply(change: ChangeRequest, now: Date) {
    const { status } = WealthStatusChangeAfter.parse(change.after);
    const productId = productIdOf(change);
    await publishApprovedWealthProduct(
      productId,
      (current) => {
        if (!current) throw new Error(`change ${change.changeId}: wealth product ${productId} is not published`);
        // Already so (opened or closed by an earlier version): nothing to publish.
        if (current.status === status) return undefined;
        const { version: _version, ...draft } = current;
        return { ...draft, status };
      },
      provenanceOf(change),
      now,
    );
  },
};
