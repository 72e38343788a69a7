// LOAN_PRODUCT_VERSION: a new loan product or the next version of one (entity
// `loan-product:<productId>`, after = the product without its version). Applying publishes it
// through services/loan-publishing.ts; the version it replaces stays as it was, for the loans signed
// under it.
import type { ChangeRequest } from '../../domain/change-requests.js';
import { loanProductDraftSchema } from '../../domain/loan/product-draft.js';
import type { ChangeKindHandler } from './handler.js';
import { publishApprovedLoanProduct } from '../loan-publishing.js';

export const loanProductEntityId = (productId: string) => `loan-product:${productId}`;

export const loanProductVersionChange: ChangeKindHandler = {
  permissionToApprove: 'products.approve',
  async apply(change: ChangeRequest, now: Date) {
    if (!change.checker) throw new Error(`change ${change.changeId} is applied without a checker`);
    const draft = loanProductDraftSchema.parse(change.after);
    await publishApprovedLoanProduct(draft, { changeId: change.changeId, makerLogin: change.maker.login, checkerLogin: change.checker.login }, now);
  },
};
