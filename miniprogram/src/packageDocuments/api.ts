// The documents' calls (shapes from functions/contract/document-schemas.ts); only
// packageDocuments uses them.
import type { PayoffCertificateFile, StatementFile, StatementMonths } from '@contract/document-schemas';
import { customerRequest } from '@/api/http';

export function getStatementMonths(): Promise<StatementMonths> {
  return customerRequest<StatementMonths>({ method: 'GET', path: '/v1/account/statements' });
}

export function getStatement(month: string): Promise<StatementFile> {
  return customerRequest<StatementFile>({ method: 'GET', path: '/v1/account/statement', query: { month } });
}

export function getPayoffCertificate(loanId: string): Promise<PayoffCertificateFile> {
  return customerRequest<PayoffCertificateFile>({ method: 'GET', path: `/v1/loans/${encodeURIComponent(loanId)}/payoff-certificate` });
}
