// Who is calling the open platform: a signed request is checked in the order that spends least on
// a forger — the header's form, the clock, the partner's key, the signature — and only a request
// whose signature holds spends its nonce and counts against the partner's rate limit. Nothing else
// happens before all of it passed. And the bank's signature on every answer.
import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import { hasScope, keyOfPartner, type Partner, type PartnerScope } from '../domain/open/partner.js';
import {
  checkRequestSignature,
  checkTimestamp,
  parseAuthorization,
  partnerPublicKey,
  platformPrivateKey,
  RESPONSE_HEADERS,
  responseMessage,
  signMessage,
} from '../domain/open/signature.js';
import { secrets } from '../secrets.js';
import { countPartnerRequest, getPartnerRecord, spendPartnerNonce } from '../store/partners.js';

export interface SignedRequest {
  method: string;
  /** The path as sent, with `?` and the query string when there is one. */
  pathWithQuery: string;
  /** The body as sent ('' when none). */
  body: string;
  authorization: string | undefined;
}

/** The partner that signed `request`, once everything about the signature holds; refused (401,
 *  403 or 429) otherwise, with nothing written but a spent nonce or a counted request. */
export async function authenticatePartner(request: SignedRequest, scope: PartnerScope, now: Date): Promise<Partner> {
  const header = parseAuthorization(request.authorization);
  checkTimestamp(header.timestampSeconds, now);
  // An unknown partner and an unknown serial answer alike: the answer says nothing of which
  // partner ids exist.
  const partner = (await getPartnerRecord(header.partnerId))?.partner;
  const key = partner && keyOfPartner(partner, header.keySerial);
  const publicKey = key && partnerPublicKey(key.publicKeyPem);
  if (!partner || !publicKey) return refuse('unauthenticated', 'KEY_UNKNOWN', '合作方编号或证书序列号不存在');
  checkRequestSignature(header, request.method, request.pathWithQuery, request.body, publicKey);
  if (!(await spendPartnerNonce(partner.partnerId, header.nonce, now))) refuse('unauthenticated', 'NONCE_REUSED', '随机串已使用过，请为每个请求生成新的随机串');
  if (partner.status !== 'ACTIVE') refuse('forbidden', 'PARTNER_SUSPENDED', '合作方已暂停接入，请联系银行');
  if (!hasScope(partner, scope)) refuse('forbidden', 'SCOPE_NOT_GRANTED', '合作方未开通该接口权限');
  if (!(await countPartnerRequest(partner.partnerId, partner.rateLimitPerMinute, now))) refuse('rate_limited', 'RATE_LIMITED', '请求过于频繁，请稍后再试');
  return partner;
}

let signingKey: { serial: string; key: KeyObject } | undefined;

async function platformKey() {
  if (!signingKey) {
    const { openPlatformKeys, openPlatformKeySerial } = await secrets();
    signingKey = { serial: openPlatformKeySerial, key: platformPrivateKey(openPlatformKeys[openPlatformKeySerial]!) };
  }
  return signingKey;
}

/** The headers that sign an answer's body with the platform key: a partner verifies every answer,
 *  errors included, before trusting it. */
export async function signedResponseHeaders(body: string, now: Date): Promise<Record<string, string>> {
  const { serial, key } = await platformKey();
  const timestampSeconds = Math.floor(now.getTime() / 1000);
  const nonce = randomBytes(16).toString('hex');
  return {
    [RESPONSE_HEADERS.timestamp]: String(timestampSeconds),
    [RESPONSE_HEADERS.nonce]: nonce,
    [RESPONSE_HEADERS.serial]: serial,
    [RESPONSE_HEADERS.signature]: signMessage(responseMessage(timestampSeconds, nonce, body), key),
  };
}

/** `message` signed with the platform key (SHA256withRSA, base64) and the key's serial: webhook
 *  deliveries carry both, so partners verify them with the key that signs answers. */
export async function platformSignature(message: string): Promise<{ serial: string; signature: string }> {
  const { serial, key } = await platformKey();
  return { serial, signature: signMessage(message, key) };
}
