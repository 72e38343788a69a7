// 个人信息与隐私's calls (shapes from functions/contract/privacy-schemas.ts); only packagePrivacy
// uses them, so they live and are bundled with it.
import type {
  ConsentRequest,
  ConsentsView,
  DataCopyFile,
  DataCopyRequest,
  PayeeNicknameResult,
  PrivacySummary,
} from '@contract/privacy-schemas';
import type { SecondFactor } from '@contract/second-factor-schemas';
import { customerRequest } from '@/api/http';

export const DATA_COPY_PATH = '/v1/me/data-copy';

export function getPrivacySummary(): Promise<PrivacySummary> {
  return customerRequest<PrivacySummary>({ method: 'GET', path: '/v1/me/privacy' });
}

export function setConsent(body: ConsentRequest): Promise<ConsentsView> {
  return customerRequest<ConsentsView>({ method: 'POST', path: '/v1/me/consents', body });
}

export function renamePayee(payeeId: string, nickname: string): Promise<PayeeNicknameResult> {
  return customerRequest<PayeeNicknameResult>({ method: 'POST', path: `/v1/bill-payees/${encodeURIComponent(payeeId)}/nickname`, body: { nickname } });
}

/** Always refused while the records must be kept: the refusal's message is the answer. */
export function requestDeletion(): Promise<never> {
  return customerRequest<never>({ method: 'POST', path: '/v1/me/deletion-request', body: {} });
}

/** The copy, confirmed by the PIN (the payment is started `pinOnly`). */
export function getDataCopy(body: Omit<DataCopyRequest, 'secondFactor'> & { secondFactor: SecondFactor }): Promise<DataCopyFile> {
  return customerRequest<DataCopyFile>({ method: 'POST', path: DATA_COPY_PATH, body });
}
