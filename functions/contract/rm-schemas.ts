// The relationship-manager part of the API contract (see schemas.ts for the conventions): staff
// sign-in and binding, share links and QR posters, visits, the customer's own manager, the
// funnel dashboard, referred customers and the branch leaderboard.
import * as z from 'zod/mini';
import { CUSTOMER_EVENT_KINDS } from '../domain/customer-events.js';
import { MAX_ATTRIBUTION_WINDOW_DAYS } from '../domain/rm/attribution.js';
import { MAX_PERIOD_DAYS, MONEY_KINDS } from '../domain/rm/funnel.js';
import { PRODUCT_ID_PATTERN, SHARE_PRODUCT_TYPES } from '../domain/rm/product.js';
import { MAX_LINK_DAYS, SHORT_CODE_PATTERN } from '../domain/rm/share-code.js';
import { BINDING_CODE_PATTERN, STAFF_ROLES } from '../domain/rm/staff.js';
import { DeviceId, IsoTime, PlainText } from './schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));
const WechatCode = /* @__PURE__ */ lazySchema(() => z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[\x21-\x7e]+$/)));
const ShortCode = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(SHORT_CODE_PATTERN), z.meta({ description: 'Share-link short code, 8–10 of [0-9A-Za-z]' })));
const PageLimit = /* @__PURE__ */ lazySchema(() => z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))));
const Cursor = /* @__PURE__ */ lazySchema(() => z.optional(z.string().check(z.maxLength(300), z.regex(/^[A-Za-z0-9_-]*$/))));

export const ShareProduct = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ type: z.enum(SHARE_PRODUCT_TYPES), id: z.string().check(z.regex(PRODUCT_ID_PATTERN)) })
    .check(z.meta({ id: 'ShareProduct', description: 'A loan product, wealth product, biller category, or ACCOUNT/open-account' })),
);

const NamedProduct = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ type: z.enum(SHARE_PRODUCT_TYPES), id: z.string(), name: z.string() })
    .check(z.meta({ id: 'NamedProduct' })),
);

// ---- staff (operators create them in the console: console-staff-schemas.ts; staff bind and sign in)

export const StaffSignInRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ code: WechatCode }).check(z.meta({ id: 'StaffSignInRequest' })));

export const StaffBindRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      code: WechatCode.check(z.meta({ description: 'wx.login code of the WeChat identity to bind' })),
      bindingCode: z.string().check(z.regex(BINDING_CODE_PATTERN), z.meta({ description: '12 characters from the operator' })),
    })
    .check(z.meta({ id: 'StaffBindRequest' })),
);

export const StaffMe = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      staffId: z.string(),
      name: z.string(),
      staffNo: z.string(),
      branchId: z.string(),
      branchName: z.string(),
      role: z.enum(STAFF_ROLES),
      roleLabel: z.string(),
    })
    .check(z.meta({ id: 'StaffMe' })),
);

export const StaffSession = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ accessToken: z.string(), accessTokenExpiresAt: IsoTime, staff: StaffMe })
    .check(z.meta({ id: 'StaffSession' })),
);

// ---- share links ---------------------------------------------------------------------------------

export const ShareableProducts = /* @__PURE__ */ lazySchema(() => z.object({ items: z.array(NamedProduct) }).check(z.meta({ id: 'ShareableProducts' })));

export const CreateShareLinkRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      product: ShareProduct,
      campaign: z.optional(PlainText(30).check(z.minLength(1))).check(z.meta({ description: 'Campaign label, e.g. 春季开户季' })),
      expiresInDays: z
        .optional(z.nullable(z.int().check(z.minimum(1), z.maximum(MAX_LINK_DAYS))))
        .check(z.meta({ description: 'Days until it stops working; null never; default 30' })),
    })
    .check(z.meta({ id: 'CreateShareLinkRequest' })),
);

export const ShareLinkView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      code: z.string(),
      product: NamedProduct,
      campaign: z.nullable(z.string()),
      createdAt: IsoTime,
      expiresAt: z.nullable(IsoTime),
      revokedAt: z.nullable(IsoTime),
      status: z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']),
      statusLabel: z.string(),
      sharePath: z.string().check(z.meta({ description: 'onShareAppMessage path, e.g. pages/home/index?rm=<code>' })),
      scene: z.string().check(z.meta({ description: 'getwxacodeunlimit scene (≤ 32 characters)' })),
      h5Url: z.nullable(z.string()).check(z.meta({ description: 'The H5 link, where the bank serves an H5 build' })),
      title: z.string().check(z.meta({ description: 'Share card title' })),
    })
    .check(z.meta({ id: 'ShareLinkView' })),
);

export const ShareCodeParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ code: ShortCode }));
export const PageQuery = /* @__PURE__ */ lazySchema(() => z.strictObject({ limit: PageLimit, cursor: Cursor }).check(z.meta({ id: 'RmPageQuery' })));
export const ShareLinkPage = /* @__PURE__ */ lazySchema(() => z.object({ items: z.array(ShareLinkView), nextCursor: z.nullable(z.string()) }).check(z.meta({ id: 'ShareLinkPage' })));

export const SharePoster = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      code: z.string(),
      page: z.string(),
      scene: z.string(),
      imageType: z.literal('image/svg+xml'),
      imageBase64: z
        .string()
        .check(z.meta({ description: 'The poster, an SVG, base64: brand, product and its key figure, the mini-program code (QR) from WeChat, the manager' })),
      h5Url: z.nullable(z.string()),
    })
    .check(z.meta({ id: 'SharePoster' })),
);

// ---- visits and the customer's manager -----------------------------------------------------------

export const VisitRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ code: ShortCode, deviceId: DeviceId }).check(z.meta({ id: 'VisitRequest' })));

export const ManagerCard = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ name: z.string(), staffNo: z.string(), branchName: z.string() })
    .check(z.meta({ id: 'ManagerCard' })),
);

export const VisitView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ manager: ManagerCard, product: NamedProduct, campaign: z.nullable(z.string()) })
    .check(z.meta({ id: 'VisitView' })),
);

/** The customer's own manager: the card with the manager's work phone (the bank's business
 *  number, never shown to a share link's visitor), null when none was recorded. */
export const MyManagerCard = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      ...ManagerCard.shape,
      workPhone: z.nullable(
        z.object({
          number: z.string().check(z.meta({ description: 'What the call button dials' })),
          masked: z.string().check(z.meta({ description: 'What the card shows: 138****0000, 0571-****6666' })),
        }),
      ),
    })
    .check(z.meta({ id: 'MyManagerCard' })),
);

export const MyManager = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ manager: z.nullable(MyManagerCard), since: z.nullable(IsoTime) })
    .check(z.meta({ id: 'MyManager' })),
);

// ---- dashboard ------------------------------------------------------------------------------------

export const DashboardQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      days: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PERIOD_DAYS))),
      from: z.optional(IsoDate),
      to: z.optional(IsoDate),
      product: z
        .optional(z.string().check(z.regex(new RegExp(`^(?:${SHARE_PRODUCT_TYPES.join('|')}):${PRODUCT_ID_PATTERN.source.slice(1, -1)}$`))))
        .check(z.meta({ description: 'TYPE:id of the share product customers came in through, e.g. LOAN:consumer-credit' })),
    })
    .check(
      z.refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together', path: ['from'] }),
      z.refine((q) => q.days === undefined || q.from === undefined, { message: 'days or from/to, not both', path: ['days'] }),
      z.meta({ id: 'DashboardQuery' }),
    ),
);

const PeriodView = /* @__PURE__ */ lazySchema(() => z.object({ from: IsoDate, to: IsoDate }).check(z.meta({ id: 'PeriodView' })));

export const FunnelRowView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      stage: z.enum(['OPENED', ...CUSTOMER_EVENT_KINDS]),
      label: z.string(),
      count: z.int(),
      conversionBps: z.nullable(z.int()),
      conversionDisplay: z.string(),
      ofOpenedBps: z.nullable(z.int()),
      ofOpenedDisplay: z.string(),
    })
    .check(z.meta({ id: 'FunnelRowView' })),
);

export const MoneyTotalView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ kind: z.enum(MONEY_KINDS), label: z.string(), count: z.int(), amountFen: z.int() })
    .check(z.meta({ id: 'MoneyTotalView' })),
);

export const Dashboard = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      staff: StaffMe,
      period: PeriodView,
      product: z.nullable(NamedProduct),
      products: z.array(NamedProduct).check(z.meta({ description: 'Products customers came in through in the period' })),
      funnel: z.array(FunnelRowView),
      money: z.array(MoneyTotalView),
      attributionWindowDays: z.int().check(z.minimum(1), z.maximum(MAX_ATTRIBUTION_WINDOW_DAYS)),
      truncated: z.boolean().check(z.meta({ description: 'More activity than one dashboard reads; figures are a lower bound' })),
    })
    .check(z.meta({ id: 'Dashboard' })),
);

export const ReferredCustomer = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      nameMasked: z.nullable(z.string()).check(z.meta({ description: '张*; null before real-name verification' })),
      phoneMasked: z.nullable(z.string()).check(z.meta({ description: '138****1234' })),
      entryProduct: NamedProduct,
      firstTouchAt: IsoTime,
      stage: z.enum(['OPENED', ...CUSTOMER_EVENT_KINDS]),
      stageLabel: z.string(),
    })
    .check(z.meta({ id: 'ReferredCustomer' })),
);

export const ReferredCustomerPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ items: z.array(ReferredCustomer), nextCursor: z.nullable(z.string()) })
    .check(z.meta({ id: 'ReferredCustomerPage' })),
);

export const LeaderboardQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ days: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PERIOD_DAYS))) })
    .check(z.meta({ id: 'LeaderboardQuery' })),
);

export const Leaderboard = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      branchId: z.string(),
      branchName: z.string(),
      period: PeriodView,
      items: z.array(
        z.object({
          rank: z.int(),
          name: z.string(),
          staffNo: z.string(),
          role: z.enum(STAFF_ROLES),
          opened: z.int(),
          referred: z.int(),
          accountsOpened: z.int(),
          moneyFen: z.int(),
        }),
      ),
      truncated: z.boolean(),
    })
    .check(z.meta({ id: 'Leaderboard' })),
);

export type ShareLinkView = z.infer<typeof ShareLinkView>;
export type ShareLinkPage = z.infer<typeof ShareLinkPage>;
export type SharePoster = z.infer<typeof SharePoster>;
export type ShareableProducts = z.infer<typeof ShareableProducts>;
export type CreateShareLinkRequest = z.infer<typeof CreateShareLinkRequest>;
export type StaffSession = z.infer<typeof StaffSession>;
export type StaffMe = z.infer<typeof StaffMe>;
export type VisitView = z.infer<typeof VisitView>;
export type MyManager = z.infer<typeof MyManager>;
export type Dashboard = z.infer<typeof Dashboard>;
export type FunnelRowView = z.infer<typeof FunnelRowView>;
export type MoneyTotalView = z.infer<typeof MoneyTotalView>;
export type ReferredCustomer = z.infer<typeof ReferredCustomer>;
export type ReferredCustomerPage = z.infer<typeof ReferredCustomerPage>;
export type Leaderboard = z.infer<typeof Leaderboard>;
export type NamedProduct = z.infer<typeof NamedProduct>;
