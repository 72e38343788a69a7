// Documents as PDF files (domain/documents.ts): the statement months, a month's statement, a
// paid-off loan's payoff certificate. The file travels base64 in the JSON answer, as every route
// answers JSON; the mini-program saves it and opens it.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const StatementMonths = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      months: z.array(z.string()).check(z.meta({ description: 'YYYY-MM, newest first: from the account\'s opening to the current month (to date); at most 120' })),
    })
    .check(z.meta({ id: 'StatementMonths' })),
);

export const StatementQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/), z.meta({ description: 'YYYY-MM, one of the statement months' })) })
    .check(z.meta({ id: 'StatementQuery' })),
);

/** Built inside each schema's first use, as every schema is (domain/lazy-schema.ts). */
const pdfFields = () => ({
  fileName: z.string(),
  contentType: z.literal('application/pdf'),
  sizeBytes: z.int(),
  pdfBase64: z.string().check(z.meta({ description: 'The PDF file, base64' })),
});

export const StatementFile = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      month: z.string(),
      toDate: z.boolean().check(z.meta({ description: 'The current month: the statement runs to the time it was made' })),
      openingFen: z.int(),
      totalInFen: z.int(),
      totalOutFen: z.int(),
      closingFen: z.int(),
      entries: z.int(),
      ...pdfFields(),
    })
    .check(z.meta({ id: 'StatementFile' })),
);

export const PayoffCertificateFile = /* @__PURE__ */ lazySchema(() => z.object({ loanId: z.string(), ...pdfFields() }).check(z.meta({ id: 'PayoffCertificateFile' })));

export type StatementMonths = z.infer<typeof StatementMonths>;
export type StatementFile = z.infer<typeof StatementFile>;
export type PayoffCertificateFile = z.infer<typeof PayoffCertificateFile>;
