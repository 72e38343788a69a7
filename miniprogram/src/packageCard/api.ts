// 更换绑定卡's and 更换手机号's calls (shapes from functions/contract/card-change-schemas.ts and
// phone-change-schemas.ts); only packageCard uses them, so they live and are bundled with it.
import type { CardBindings, CardChangeRequest, CardChangeResult } from '@contract/card-change-schemas';
import type { PhoneBindings, PhoneChangeRequest, PhoneChangeResult, PhoneCodeRequest, PhoneCodeSent } from '@contract/phone-change-schemas';
import type { SecondFactor } from '@contract/second-factor-schemas';
import { customerRequest } from '@/api/http';

export const CARD_CHANGE_PATH = '/v1/account/card';

export function getCardBindings(): Promise<CardBindings> {
  return customerRequest<CardBindings>({ method: 'GET', path: '/v1/account/card-bindings' });
}

/** The form's request with its second factor: always the PIN (the payment is started `pinOnly`). */
export function changeCard(body: Omit<CardChangeRequest, 'secondFactor'> & { secondFactor: SecondFactor }): Promise<CardChangeResult> {
  return customerRequest<CardChangeResult>({ method: 'POST', path: CARD_CHANGE_PATH, body });
}

export function getPhoneBindings(): Promise<PhoneBindings> {
  return customerRequest<PhoneBindings>({ method: 'GET', path: '/v1/me/phone-changes' });
}

export function sendPhoneCode(body: PhoneCodeRequest): Promise<PhoneCodeSent> {
  return customerRequest<PhoneCodeSent>({ method: 'POST', path: '/v1/me/phone-change/code', body });
}

export function changePhone(body: PhoneChangeRequest): Promise<PhoneChangeResult> {
  return customerRequest<PhoneChangeResult>({ method: 'POST', path: '/v1/me/phone-change', body });
}
