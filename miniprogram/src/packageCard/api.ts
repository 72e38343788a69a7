// 更换绑定卡's calls (shapes from functions/contract/card-change-schemas.ts); only packageCard uses
// them, so they live and are bundled with it.
import type { CardBindings, CardChangeRequest, CardChangeResult } from '@contract/card-change-schemas';
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
