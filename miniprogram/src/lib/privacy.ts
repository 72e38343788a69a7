// WeChat's privacy consent (required since 2023-09-15): a personal-information API or component
// (the phone-number button, saving to the album, the clipboard…) works only once the person has
// agreed to the mini-program's privacy guide (docs/PRIVACY-GUIDE.md, filed in the WeChat admin
// console). WeChat asks through onNeedPrivacyAuthorization and holds the call until answered;
// components/PrivacySheet.tsx shows our own sheet and answers. The H5 build has no such gate.
import Taro from '@tarojs/taro';

/** Fired when WeChat waits for consent, for the sheet on screen to open. */
export const PRIVACY_EVENT = 'jinlin:privacy';
/** The agree button's id: WeChat checks that this very button (open-type agreePrivacyAuthorization) was tapped. */
export const PRIVACY_AGREE_ID = 'privacy-agree';

type Answer = { event: 'exposureAuthorization' } | { event: 'agree'; buttonId: string } | { event: 'disagree' };
type Resolve = (answer: Answer) => void;

/** Every call WeChat holds until the person answers (a second tap may add one). */
let waiting: Resolve[] = [];

const isWeapp = () => process.env.TARO_ENV === 'weapp';

/** Once, at launch (app.ts). */
export function listenForPrivacyRequests(): void {
  if (!isWeapp()) return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    waiting.push(resolve);
    Taro.eventCenter.trigger(PRIVACY_EVENT);
  });
}

export const privacyAwaited = (): boolean => waiting.length > 0;

/** The sheet is on screen: WeChat's exposure report, before the answer. */
export function privacySheetShown(): void {
  for (const resolve of waiting) resolve({ event: 'exposureAuthorization' });
}

export function answerPrivacy(agreed: boolean): void {
  const answered = waiting;
  waiting = [];
  for (const resolve of answered) resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_ID } : { event: 'disagree' });
}

/** Before our own call to a personal-information API: asks for consent if it is still needed
 *  (WeChat then fires onNeedPrivacyAuthorization and the sheet answers). False when refused. */
export function requirePrivacyConsent(): Promise<boolean> {
  if (!isWeapp()) return Promise.resolve(true);
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

/** The guide as filed with WeChat, in WeChat's own page. */
export function openPrivacyGuide(): void {
  if (isWeapp()) Taro.openPrivacyContract();
}
