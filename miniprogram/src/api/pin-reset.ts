// 忘记支付密码 (functions/contract/pin-reset-schemas.ts): the code to the bound phone, then the four
// answers and the new PIN, encrypted like every PIN with a nonce asked for the reset itself.
import type { PinResetCodeSent, PinResetRequest, PinResetResult } from '@contract/pin-reset-schemas';
import { customerRequest } from './http';

/** Where the reset is sent, and the path its nonce is asked for. */
export const PIN_RESET_PATH = '/v1/me/pin-reset';

export function sendPinResetCode(): Promise<PinResetCodeSent> {
  return customerRequest<PinResetCodeSent>({ method: 'POST', path: `${PIN_RESET_PATH}/code`, body: {} });
}

export function resetPin(body: PinResetRequest): Promise<PinResetResult> {
  return customerRequest<PinResetResult>({ method: 'POST', path: PIN_RESET_PATH, body });
}
