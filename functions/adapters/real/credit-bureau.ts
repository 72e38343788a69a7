// The credit bureau (征信): a report per ID number, queried only with the customer's consent.
// Its interface and the real client, over HTTPS.
import * as z from 'zod/mini';
import { type BureauReport, bureauReportSchema } from '../../domain/loan/decision.js';
import { secrets } from '../../secrets.js';
import { fetchJson } from '../http-json.js';

export interface CreditBureau {
  report(query: { idNumber: string; name: string; consentTextVersion: string; purpose: 'LOAN_APPLICATION' }): Promise<BureauReport>;
}

export function httpCreditBureau(baseUrl: string): CreditBureau {
  return {
    async report(query) {
      const body = await fetchJson('credit-bureau', new URL('/v1/reports', baseUrl).toString(), {
        method: 'POST',
        body: query,
        headers: { authorization: `Bearer ${(await secrets()).creditBureauToken}` },
        timeoutMs: 5_000,
      });
      return bureauReportSchema.parse(z.object({ report: z.unknown() }).parse(body).report);
    },
  };
}
