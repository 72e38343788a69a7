import Taro from '@tarojs/taro';
import type { SignInResponse } from '@contract/schemas';

export interface Session {
  accessToken: string;
  refreshToken: string;
}

const SESSION_KEY = 'jinlin.session';
const SIMULATED_USER_KEY = 'jinlin.simulatedUser';

export function loadSession(): Session | null {
  const stored: unknown = Taro.getStorageSync(SESSION_KEY);
  if (typeof stored !== 'object' || stored === null) return null;
  const { accessToken, refreshToken } = stored as Partial<Session>;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') return null;
  return { accessToken, refreshToken };
}

export function saveSession(response: SignInResponse): Session {
  const session = { accessToken: response.accessToken, refreshToken: response.refreshToken };
  Taro.setStorageSync(SESSION_KEY, session);
  return session;
}

/** A fresh access token of the same session (a verified device's): the refresh token stays. */
export function saveAccessToken(accessToken: string): void {
  const session = loadSession();
  if (session) Taro.setStorageSync(SESSION_KEY, { ...session, accessToken });
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

/**
 * H5 only: which simulated WeChat user this browser signs in as. Kept in storage so the same
 * browser is always the same customer.
 */
export function simulatedUser(): string {
  const stored: unknown = Taro.getStorageSync(SIMULATED_USER_KEY);
  if (typeof stored === 'string' && stored !== '') return stored;
  let user = 'u';
  while (user.length < 13) user += Math.floor(Math.random() * 36).toString(36);
  Taro.setStorageSync(SIMULATED_USER_KEY, user);
  return user;
}

const SIMULATED_USER_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Why a typed simulated user cannot be used. */
export const SIMULATED_USER_INVALID = '模拟用户只能包含字母、数字、下划线或短横线';

/** Keeps the simulated user for this browser; false, keeping nothing, when the name is not one the
 *  simulator accepts. */
export function rememberSimulatedUser(user: string): boolean {
  if (!SIMULATED_USER_PATTERN.test(user)) return false;
  Taro.setStorageSync(SIMULATED_USER_KEY, user);
  return true;
}
