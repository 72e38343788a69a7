// Partners of the open platform (开放平台合作方): a property manager, the community grocery's
// system, a clinic's — each a record the bank's operators keep under maker-checker. A partner has
// scopes (what its API calls may do), its public keys by serial (two at once while it rotates),
// webhook URLs, its fee rate and its rate limit. Partners are data; nothing here is per-partner code.
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema.js';
import { KEY_SERIAL_PATTERN, PARTNER_ID_PATTERN, partnerPublicKey } from './signature.js';

export const PARTNER_SCOPES = ['merchants', 'payments', 'refunds'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];
export const PARTNER_SCOPE_LABELS: Record<PartnerScope, string> = {
  merchants: '商户进件',
  payments: '收款',
  refunds: '退款',
};

export const PARTNER_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** Two keys while a partner rotates (the old one kept until its requests stop); a third is a mistake. */
export const MAX_PARTNER_KEYS = 2;
export const MAX_WEBHOOK_URLS = 2;
/** Far more than a regional bank signs; every list of partners stops there. */
export const MAX_PARTNERS = 200;
/** The fee a partner's merchants pay on what they take, in basis points: at most 1 %. */
export const MAX_FEE_RATE_BPS = 100;
export const MAX_RATE_LIMIT_PER_MINUTE = 6_000;
const MAX_PEM_LENGTH = 1_000;

const DisplayName = () => z.string().check(z.minLength(2), z.maxLength(40), z.regex(/^[\p{L}\p{N}（）()·、\- ]+$/u));

const serialNo = () => z.string().check(z.regex(KEY_SERIAL_PATTERN, 'serialNo 为 8–40 位大写十六进制'));
const publicKeyPem = () =>
  z.string().check(
    z.maxLength(MAX_PEM_LENGTH),
    z.refine((pem) => partnerPublicKey(pem) !== undefined, '须为 2048–4096 位 RSA 公钥（PEM，SPKI）'),
  );

export const partnerKeySchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ serialNo: serialNo(), publicKeyPem: publicKeyPem(), addedAt: z.iso.datetime() }));
export type PartnerKey = z.infer<typeof partnerKeySchema>;

/** What a partner is, but its id and its keys (the record and the maker's draft differ there). */
const partnerTerms = () => ({
  name: DisplayName(),
  status: z.enum(PARTNER_STATUSES),
  scopes: z.array(z.enum(PARTNER_SCOPES)).check(z.minLength(1), z.maxLength(PARTNER_SCOPES.length)),
  /** Where events are delivered; checked again at each delivery. */
  webhookUrls: z.array(z.url().check(z.maxLength(300))).check(z.maxLength(MAX_WEBHOOK_URLS)),
  feeRateBps: z.int().check(z.minimum(0), z.maximum(MAX_FEE_RATE_BPS)),
  rateLimitPerMinute: z.int().check(z.minimum(1), z.maximum(MAX_RATE_LIMIT_PER_MINUTE)),
});

type KeysAndScopes = { keys: { serialNo: string }[]; scopes: string[] };
const distinctKeysAndScopes = () => [
  z.refine<KeysAndScopes>((partner) => new Set(partner.keys.map((key) => key.serialNo)).size === partner.keys.length, { message: '密钥序列号不能重复', path: ['keys'] }),
  z.refine<KeysAndScopes>((partner) => new Set(partner.scopes).size === partner.scopes.length, { message: '权限范围不能重复', path: ['scopes'] }),
];

export const partnerSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      partnerId: z.string().check(z.regex(PARTNER_ID_PATTERN)),
      ...partnerTerms(),
      keys: z.array(partnerKeySchema).check(z.minLength(1), z.maxLength(MAX_PARTNER_KEYS)),
    })
    .check(...distinctKeysAndScopes()),
);
export type Partner = z.infer<typeof partnerSchema>;

/** A partner as the maker drafts it in the console: no id for a new one (the bank gives it), and
 *  keys without the time they were added (the server keeps a held key's, and stamps a new one). */
export const partnerDraftSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      partnerId: z.optional(z.string().check(z.regex(PARTNER_ID_PATTERN))),
      ...partnerTerms(),
      keys: z.array(z.strictObject({ serialNo: serialNo(), publicKeyPem: publicKeyPem() })).check(z.minLength(1), z.maxLength(MAX_PARTNER_KEYS)),
    })
    .check(...distinctKeysAndScopes()),
);
export type PartnerDraft = z.infer<typeof partnerDraftSchema>;

/** The key a request names, when the partner has it. */
export const keyOfPartner = (partner: Partner, serialNo: string) => partner.keys.find((key) => key.serialNo === serialNo);

export const hasScope = (partner: Partner, scope: PartnerScope) => partner.scopes.includes(scope);
