// Share-link short codes and where they travel: the QR `scene` of WeChat's getwxacodeunlimit (at
// most 32 characters of a restricted alphabet), the share path of onShareAppMessage and the H5
// link. A code is random, not derived from anything, so it cannot be guessed or enumerated.
import type { ShareProduct } from './product.js';

export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Codes issued now are 10 characters (~59 bits); 8–10 are accepted so the length can change. */
export const SHORT_CODE_LENGTH = 10;
export const SHORT_CODE_PATTERN = /^[0-9A-Za-z]{8,10}$/;

/** WeChat's limits on getwxacodeunlimit's `scene`. */
export const SCENE_MAX_LENGTH = 32;
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** The page a share card or QR opens; the mini-program reads `rm` (share card) or `scene` (QR)
 *  there (miniprogram/src/lib/rm-share-code.ts). */
export const LANDING_PAGE = 'pages/home/index';

/** Random bytes needed for one code with rejection sampling (mostly far fewer are used). */
export const SHORT_CODE_RANDOM_BYTES = 32;

/**
 * A code from random bytes. Bytes ≥ 248 (= 4 × 62) are skipped so every character is equally
 * likely; undefined in the (astronomically unlikely) case the bytes run out.
 */
export function shortCodeFrom(random: Uint8Array): string | undefined {
  let code = '';
  for (const byte of random) {
    if (byte >= 248) continue;
    code += SHORT_CODE_ALPHABET[byte % 62];
    if (code.length === SHORT_CODE_LENGTH) return code;
  }
  return undefined;
}

export const isShortCode = (value: string): boolean => SHORT_CODE_PATTERN.test(value);

export function sceneFor(code: string): string {
  if (!isShortCode(code)) throw new Error('not a short code');
  return `r=${code}`;
}

export const sharePath = (code: string): string => `${LANDING_PAGE}?rm=${code}`;

/** The H5 build's link (hash router), when the bank serves an H5 build. */
export const h5Url = (origin: string, code: string): string => `${origin.replace(/\/+$/, '')}/#/${sharePath(code)}`;

export type ShareLinkStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

export interface ShareLinkTerms {
  code: string;
  staffId: string;
  product: ShareProduct;
  campaign: string | null;
  createdAt: string;
  /** ISO time; null: never expires. */
  expiresAt: string | null;
  revokedAt: string | null;
}

export function shareLinkStatus(link: Pick<ShareLinkTerms, 'expiresAt' | 'revokedAt'>, now: Date): ShareLinkStatus {
  if (link.revokedAt) return 'REVOKED';
  if (link.expiresAt && new Date(link.expiresAt).getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

export const MAX_LINK_DAYS = 365;

/** When a link made now for `days` days expires; null days means it never does. */
export function linkExpiry(now: Date, days: number | null): string | null {
  if (days === null) return null;
  if (!Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS) throw new Error(`link days out of range: ${days}`);
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}
