// The relationship-manager part of the API contract (see schemas.ts for the conventions): staff
// sign-in and binding, share links and QR posters, visits, the customer's own manager, the
// funnel dashboard, referred customers and the branch leaderboard; and the operators' staff routes.
import * as z from 'zod';
import { CUSTOMER_EVENT_KINDS } from '../domain/customer-events.js';
import { MAX_ATTRIBUTION_WINDOW_DAYS } from '../domain/rm/attribution.js';
import { MAX_PERIOD_DAYS, MONEY_KINDS } from '../domain/rm/funnel.js';
import { PRODUCT_ID_PATTERN, SHARE_PRODUCT_TYPES } from '../domain/rm/product.js';
import { MAX_LINK_DAYS, SHORT_CODE_PATTERN } from '../domain/rm/share-code.js';
import { BINDING_CODE_PATTERN, STAFF_ROLES } from '../domain/rm/staff.js';
import { DeviceId, IsoTime, PlainText } from './schemas.js';

const IsoDate = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' });
const WechatCode = z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/);
const ShortCode = z.string().regex(SHORT_CODE_PATTERN).meta({ description: 'Share-link short code, 8–10 of [0-9A-Za-z]' });
const StaffId = z.string().regex(/^S[0-9a-f]{32}$/);
const PageLimit = z.coerce.number().int().min(1).max(50).optional();
const Cursor = z.string().max(300).regex(/^[A-Za-z0-9_-]*$/).optional();

export const ShareProduct = z
  .object({ type: z.enum(SHARE_PRODUCT_TYPES), id: z.string().regex(PRODUCT_ID_PATTERN) })
  .strict()
  .meta({ id: 'ShareProduct', description: 'A loan product, wealth product, biller category, or ACCOUNT/open-account' });

const NamedProduct = z
  .object({ type: z.enum(SHARE_PRODUCT_TYPES), id: z.string(), name: z.string() })
  .meta({ id: 'NamedProduct' });

// ---- staff (operators create them; staff bind and sign in) --------------------------------------

const StaffName = z.string().regex(/^[\u4e00-\u9fa5·]{2,20}$/).meta({ description: 'Legal name, 2–20 Chinese characters' });

export const CreateStaffRequest = z
  .object({
    name: StaffName,
    staffNo: z.string().regex(/^[A-Za-z0-9]{3,20}$/).meta({ description: 'Staff number (工号), unique' }),
    branchId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/),
    branchName: PlainText(40).min(2),
    role: z.enum(STAFF_ROLES),
  })
  .strict()
  .meta({ id: 'CreateStaffRequest' });

export const StaffView = z
  .object({
    staffId: z.string(),
    name: z.string(),
    staffNo: z.string(),
    branchId: z.string(),
    branchName: z.string(),
    role: z.enum(STAFF_ROLES),
    roleLabel: z.string(),
    status: z.enum(['ACTIVE', 'INACTIVE']),
    wechatBound: z.boolean(),
    createdAt: IsoTime,
  })
  .meta({ id: 'StaffView' });

export const StaffWithBindingCode = z
  .object({
    staff: StaffView,
    bindingCode: z.string().meta({ description: 'One-time code the manager enters in the mini-program; shown once, stored hashed' }),
    bindingCodeExpiresAt: IsoTime,
  })
  .meta({ id: 'StaffWithBindingCode' });

export const StaffIdParams = z.object({ staffId: StaffId }).strict();
export const BranchQuery = z.object({ branchId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/) }).strict().meta({ id: 'BranchQuery' });
export const StaffList = z.object({ items: z.array(StaffView) }).meta({ id: 'StaffList' });

export const StaffSignInRequest = z.object({ code: WechatCode }).strict().meta({ id: 'StaffSignInRequest' });

export const StaffBindRequest = z
  .object({
    code: WechatCode.meta({ description: 'wx.login code of the WeChat identity to bind' }),
    bindingCode: z.string().regex(BINDING_CODE_PATTERN).meta({ description: '12 characters from the operator' }),
  })
  .strict()
  .meta({ id: 'StaffBindRequest' });

export const StaffMe = z
  .object({
    staffId: z.string(),
    name: z.string(),
    staffNo: z.string(),
    branchId: z.string(),
    branchName: z.string(),
    role: z.enum(STAFF_ROLES),
    roleLabel: z.string(),
  })
  .meta({ id: 'StaffMe' });

export const StaffSession = z
  .object({ accessToken: z.string(), accessTokenExpiresAt: IsoTime, staff: StaffMe })
  .meta({ id: 'StaffSession' });

// ---- share links ---------------------------------------------------------------------------------

export const ShareableProducts = z.object({ items: z.array(NamedProduct) }).meta({ id: 'ShareableProducts' });

export const CreateShareLinkRequest = z
  .object({
    product: ShareProduct,
    campaign: PlainText(30).min(1).optional().meta({ description: 'Campaign label, e.g. 春季开户季' }),
    expiresInDays: z.int().min(1).max(MAX_LINK_DAYS).nullable().optional().meta({ description: 'Days until it stops working; null never; default 30' }),
  })
  .strict()
  .meta({ id: 'CreateShareLinkRequest' });

export const ShareLinkView = z
  .object({
    code: z.string(),
    product: NamedProduct,
    campaign: z.string().nullable(),
    createdAt: IsoTime,
    expiresAt: IsoTime.nullable(),
    revokedAt: IsoTime.nullable(),
    status: z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']),
    statusLabel: z.string(),
    sharePath: z.string().meta({ description: 'onShareAppMessage path, e.g. pages/home/index?rm=<code>' }),
    scene: z.string().meta({ description: 'getwxacodeunlimit scene (≤ 32 characters)' }),
    h5Url: z.string().nullable().meta({ description: 'The H5 link, where the bank serves an H5 build' }),
    title: z.string().meta({ description: 'Share card title' }),
  })
  .meta({ id: 'ShareLinkView' });

export const ShareCodeParams = z.object({ code: ShortCode }).strict();
export const PageQuery = z.object({ limit: PageLimit, cursor: Cursor }).strict().meta({ id: 'RmPageQuery' });
export const ShareLinkPage = z.object({ items: z.array(ShareLinkView), nextCursor: z.string().nullable() }).meta({ id: 'ShareLinkPage' });

export const SharePoster = z
  .object({
    code: z.string(),
    page: z.string(),
    scene: z.string(),
    imageType: z.enum(['image/png', 'image/jpeg']),
    imageBase64: z.string().meta({ description: 'The mini-program code (QR) image from WeChat, base64' }),
    h5Url: z.string().nullable(),
  })
  .meta({ id: 'SharePoster' });

// ---- visits and the customer's manager -----------------------------------------------------------

export const VisitRequest = z.object({ code: ShortCode, deviceId: DeviceId }).strict().meta({ id: 'VisitRequest' });

export const ManagerCard = z
  .object({ name: z.string(), staffNo: z.string(), branchName: z.string() })
  .meta({ id: 'ManagerCard' });

export const VisitView = z
  .object({ manager: ManagerCard, product: NamedProduct, campaign: z.string().nullable() })
  .meta({ id: 'VisitView' });

export const MyManager = z
  .object({ manager: ManagerCard.nullable(), since: IsoTime.nullable() })
  .meta({ id: 'MyManager' });

// ---- dashboard ------------------------------------------------------------------------------------

export const DashboardQuery = z
  .object({
    days: z.coerce.number().int().min(1).max(MAX_PERIOD_DAYS).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    product: z
      .string()
      .regex(new RegExp(`^(?:${SHARE_PRODUCT_TYPES.join('|')}):${PRODUCT_ID_PATTERN.source.slice(1, -1)}$`))
      .optional()
      .meta({ description: 'TYPE:id of the share product customers came in through, e.g. LOAN:consumer-credit' }),
  })
  .strict()
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together', path: ['from'] })
  .refine((q) => q.days === undefined || q.from === undefined, { message: 'days or from/to, not both', path: ['days'] })
  .meta({ id: 'DashboardQuery' });

const PeriodView = z.object({ from: IsoDate, to: IsoDate }).meta({ id: 'PeriodView' });

export const FunnelRowView = z
  .object({
    stage: z.enum(['OPENED', ...CUSTOMER_EVENT_KINDS]),
    label: z.string(),
    count: z.int(),
    conversionBps: z.int().nullable(),
    conversionDisplay: z.string(),
    ofOpenedBps: z.int().nullable(),
    ofOpenedDisplay: z.string(),
  })
  .meta({ id: 'FunnelRowView' });

export const MoneyTotalView = z
  .object({ kind: z.enum(MONEY_KINDS), label: z.string(), count: z.int(), amountFen: z.int() })
  .meta({ id: 'MoneyTotalView' });

export const Dashboard = z
  .object({
    staff: StaffMe,
    period: PeriodView,
    product: NamedProduct.nullable(),
    products: z.array(NamedProduct).meta({ description: 'Products customers came in through in the period' }),
    funnel: z.array(FunnelRowView),
    money: z.array(MoneyTotalView),
    attributionWindowDays: z.int().min(1).max(MAX_ATTRIBUTION_WINDOW_DAYS),
    truncated: z.boolean().meta({ description: 'More activity than one dashboard reads; figures are a lower bound' }),
  })
  .meta({ id: 'Dashboard' });

export const ReferredCustomer = z
  .object({
    nameMasked: z.string().nullable().meta({ description: '张*; null before real-name verification' }),
    phoneMasked: z.string().nullable().meta({ description: '138****1234' }),
    entryProduct: NamedProduct,
    firstTouchAt: IsoTime,
    stage: z.enum(['OPENED', ...CUSTOMER_EVENT_KINDS]),
    stageLabel: z.string(),
  })
  .meta({ id: 'ReferredCustomer' });

export const ReferredCustomerPage = z
  .object({ items: z.array(ReferredCustomer), nextCursor: z.string().nullable() })
  .meta({ id: 'ReferredCustomerPage' });

export const LeaderboardQuery = z
  .object({ days: z.coerce.number().int().min(1).max(MAX_PERIOD_DAYS).optional() })
  .strict()
  .meta({ id: 'LeaderboardQuery' });

export const Leaderboard = z
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
  .meta({ id: 'Leaderboard' });

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
