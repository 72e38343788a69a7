// The open platform's contract (/v1/open/…): what a partner sends and gets. A partner sees its own
// merchants only, and of a settlement account only the last four digits it gave.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { MERCHANT_CATEGORIES, MERCHANT_ID_PATTERN, MERCHANT_STATUSES, merchantProposalSchema } from '../domain/open/merchant.js';

export const MerchantProposal = lazySchema(() =>
  merchantProposalSchema.check(z.meta({ id: 'OpenMerchantProposal', description: 'A merchant the partner brings: it waits for the bank’s review before it can take a payment' })),
);

export const MerchantIdParams = lazySchema(() => z.strictObject({ merchantId: z.string().check(z.regex(MERCHANT_ID_PATTERN)) }));

export const MerchantPageQuery = lazySchema(() =>
  z.strictObject({ after: z.optional(z.string().check(z.regex(MERCHANT_ID_PATTERN), z.meta({ description: 'The nextCursor of the page before' }))) }),
);

export const OpenMerchant = lazySchema(() =>
  z
    .object({
      merchantId: z.string(),
      outMerchantNo: z.string(),
      name: z.string(),
      shortName: z.string(),
      licenceNo: z.string(),
      category: z.enum(MERCHANT_CATEGORIES),
      community: z.object({ name: z.string(), cityCode: z.string() }),
      settlementAccount: z.object({ bankName: z.string(), accountNumberMasked: z.string(), holderName: z.string() }),
      status: z.enum(MERCHANT_STATUSES),
      statusLabel: z.string(),
      proposedAt: z.string().check(z.meta({ description: 'ISO-8601 time' })),
      reviewNote: z.optional(z.string()),
    })
    .check(z.meta({ id: 'OpenMerchant', description: 'One of the partner’s merchants, as the bank holds it' })),
);

export const OpenMerchantPage = lazySchema(() =>
  z
    .object({
      merchants: z.array(OpenMerchant),
      nextCursor: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'OpenMerchantPage', description: 'The partner’s merchants by id, 50 a page' })),
);
