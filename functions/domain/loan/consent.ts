// The credit-report authorization (征信授权书) a loan applicant agrees to. The server publishes
// the text and its version; an application citing any other version is refused, so what was
// agreed to is always a text the bank can show.

export interface BureauConsentText {
  textVersion: string;
  text: string;
}

/** The version in force, shown to applicants. */
export const BUREAU_CONSENT: BureauConsentText = {
  textVersion: 'bureau-consent-2025-05',
  text: '本人同意并授权近邻银行向中国人民银行征信中心及依法设立的征信机构查询本人的信用报告，用于本次贷款审批及贷后管理。',
};

/** Every version ever published (an application under an older one is not accepted any more). */
export function isCurrentBureauConsent(textVersion: string): boolean {
  return textVersion === BUREAU_CONSENT.textVersion;
}
