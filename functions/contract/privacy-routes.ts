// Routes of 个人信息与隐私 (the customer's rights over their data, PIPL Arts. 44–47). The copy is
// made by the documents function (its PDF engine); the rest by the privacy function.
import { PayeeIdParams } from './bill-schemas.js';
import * as s from './privacy-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const privacyRoutes = {
  privacySummary: {
    method: 'GET',
    path: '/v1/me/privacy',
    summary: 'What personal data the bank holds, by category: purpose, legal basis, retention, the values masked; the consents',
    auth: 'customer',
    idempotent: false,
    response: s.PrivacySummary,
  },
  consents: {
    method: 'GET',
    path: '/v1/me/consents',
    summary: 'The optional consents (marketing, personalisation; opt-in) and their history, newest first',
    auth: 'customer',
    idempotent: false,
    response: s.ConsentsView,
  },
  setConsent: {
    method: 'POST',
    path: '/v1/me/consents',
    summary: 'Give or withdraw an optional consent; every change is kept in its history',
    auth: 'customer',
    idempotent: false,
    body: s.ConsentRequest,
    response: s.ConsentsView,
  },
  payeeNickname: {
    method: 'POST',
    path: '/v1/bill-payees/{payeeId}/nickname',
    summary: 'Correct a saved payee\'s name (备注名) (404 PAYEE_NOT_FOUND for anyone else\'s)',
    auth: 'customer',
    idempotent: false,
    params: PayeeIdParams,
    body: s.PayeeNicknameRequest,
    response: s.PayeeNicknameResult,
  },
  deletionRequest: {
    method: 'POST',
    path: '/v1/me/deletion-request',
    summary: 'Ask for the personal data to be deleted: always 409 with the rule (DELETION_ACCOUNT_OPEN; DELETION_RETENTION_PERIOD with the date) — deletion happens by itself once the AML retention after 销户 ends',
    auth: 'customer',
    idempotent: false,
    body: s.DeletionRequest,
    response: s.DeletionAnswer,
  },
  dataCopy: {
    method: 'POST',
    path: '/v1/me/data-copy',
    summary: 'A copy of all the customer\'s personal data and records, unmasked, as JSON or a readable PDF, confirmed by the PIN (bounded: DATA_COPY_LIMITS; 413 DATA_COPY_TOO_LARGE)',
    auth: 'customer',
    idempotent: false,
    secondFactor: 'required',
    body: s.DataCopyRequest,
    response: s.DataCopyFile,
  },
} as const satisfies Record<string, RouteSpec>;
