// Publishing the LPR and the loan product versions that operators' approved changes make
// (services/change-kinds/; products are data: no deploy). Apart from the catalogue
// (loan-products.ts), so the console's change function bundles no contract text or calculator.
import type { LoanProductDraft } from '../domain/loan/product-draft.js';
import type { LoanProduct } from '../domain/loan/product.js';
import type { VersionProvenance } from '../store/catalog.js';
import * as loans from '../store/loans.js';

export async function setOneYearLpr(oneYearLprBps: number, now: Date): Promise<void> {
  await loans.setOneYearLprBps(oneYearLprBps, now);
}

/** Publishes an approved console change as the product's next version, once: a version this change
 *  already published (an earlier try that was cut short, or another applier racing) is the
 *  answer, put on sale if it is not yet. */
export async function publishApprovedLoanProduct(draft: LoanProductDraft, provenance: VersionProvenance, now: Date): Promise<LoanProduct> {
  const publishedByThis = async () => {
    const [latest] = await loans.productVersions(draft.productId, 1);
    return latest?.provenance?.changeId === provenance.changeId ? latest.product : undefined;
  };
  const earlier = await publishedByThis();
  if (earlier) {
    await loans.putProductOnSale(earlier);
    return earlier;
  }
  try {
    return await loans.publishProduct(draft, now, provenance);
  } catch (error) {
    // Another applier of this same change took the version number first.
    const raced = await publishedByThis();
    if (!raced) throw error;
    await loans.putProductOnSale(raced);
    return raced;
  }
}
