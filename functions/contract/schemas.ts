// The API contract: every request and response body, as zod schemas. The server validates with
// them, the OpenAPI document is generated from them, and the mini-program imports the inferred
// types (type-only, so zod never ships in the mini-program bundle).
import * as z from 'zod';
import { JOURNAL_KINDS } from '../domain/ledger.js';
import { BillCloseReport } from './bill-close-schema.js';
import { WealthCloseReport } from './wealth-close-schema.js';

/** Largest amount one money movement may carry: 1,000,000 yuan. */
export const MAX_AMOUNT_FEN = 100_000_000;

export const AmountFen = z
  .int()
  .min(1)
  .max(MAX_AMOUNT_FEN)
  .meta({ description: 'Amount in fen (1 yuan = 100 fen), a positive integer' });

export const Pin = z
  .string()
  .regex(/^\d{6}$/)
  .meta({ description: 'Six-digit payment PIN' });

export const IsoTime = z.string().meta({ description: 'ISO-8601 time' });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. INSUFFICIENT_FUNDS' }),
      message: z.string().meta({ description: 'Human-readable message in Simplified Chinese' }),
    }),
  })
  .meta({ id: 'Error' });

// ---- Auth ----------------------------------------------------------------------------------

/** A wx.login / getPhoneNumber code: an opaque token of visible ASCII, never control characters
 *  or other text (found by the bad-input fuzzer: a code with an unpaired surrogate signed in). */
const WechatCode = z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/);

/** Free text a customer writes and another reads (a transfer memo): no control characters,
 *  unpaired surrogates or invisible format characters such as bidi overrides (ZWJ/ZWNJ, which
 *  emoji and some scripts need, are allowed). */
export const PlainText = (max: number) => z.string().max(max).regex(/^(?:[^\p{Cc}\p{Cf}\p{Cs}]|[\u200c\u200d])*$/u);

/** Random id the mini-program keeps in its storage: links share-link visits made before sign-in
 *  to the customer (relationship managers, rm-schemas.ts). */
export const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const WechatSignInRequest = z
  .object({ code: WechatCode, deviceId: DeviceId.optional() })
  .strict()
  .meta({ id: 'WechatSignInRequest' });

export const RefreshRequest = z
  // Issued refresh tokens are base64url.
  .object({ refreshToken: z.string().min(16).max(256).regex(/^[A-Za-z0-9_-]+$/) })
  .strict()
  .meta({ id: 'RefreshRequest' });

export const SimulatorLoginCodeRequest = z
  .object({
    user: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .meta({ description: 'Which simulated WeChat user signs in (same value → same openid)' }),
  })
  .strict()
  .meta({ id: 'SimulatorLoginCodeRequest' });

export const SimulatorPhoneCodeRequest = z
  .object({ phone: z.string().regex(/^1[3-9]\d{9}$/) })
  .strict()
  .meta({ id: 'SimulatorPhoneCodeRequest' });

export const SimulatorCodeResponse = z
  .object({ code: z.string() })
  .meta({ id: 'SimulatorCodeResponse' });

// ---- Customer ------------------------------------------------------------------------------

export const BoundCard = z
  .object({ bankName: z.string(), cardNumberMasked: z.string() })
  .meta({ id: 'BoundCard' });

export const AccountSummary = z
  .object({
    accountId: z.string(),
    accountNumberMasked: z.string(),
    accountClass: z.literal('II'),
    balanceFen: z.int(),
    boundCard: BoundCard,
    openedAt: IsoTime,
  })
  .meta({ id: 'AccountSummary' });

export const Me = z
  .object({
    customerId: z.string(),
    phoneMasked: z.string().nullable(),
    realName: z
      .object({ nameMasked: z.string(), idNumberMasked: z.string(), verifiedAt: IsoTime })
      .nullable(),
    pinSet: z.boolean(),
    pinLockedUntil: IsoTime.nullable(),
    account: AccountSummary.nullable(),
  })
  .meta({ id: 'Me' });

export const SignInResponse = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: IsoTime,
    refreshToken: z.string(),
    refreshTokenExpiresAt: IsoTime,
    me: Me,
  })
  .meta({ id: 'SignInResponse' });

export const BindPhoneRequest = z
  .object({ code: WechatCode.meta({ description: 'getPhoneNumber code' }) })
  .strict()
  .meta({ id: 'BindPhoneRequest' });

export const RealNameRequest = z
  .object({
    name: z
      .string()
      .regex(/^[\u4e00-\u9fa5·]{2,20}$/)
      .meta({ description: 'Legal name as on the ID card, 2–20 Chinese characters' }),
    idNumber: z
      .string()
      .regex(/^\d{17}[\dXx]$/)
      .meta({ description: '18-character resident ID number' }),
  })
  .strict()
  .meta({ id: 'RealNameRequest' });

export const SetPinRequest = z
  .object({ pin: Pin, currentPin: Pin.optional() })
  .strict()
  .meta({ id: 'SetPinRequest' });

// ---- Account -------------------------------------------------------------------------------

export const OpenAccountRequest = z
  .object({
    cardNumber: z
      .string()
      .regex(/^\d{16,19}$/)
      .meta({ description: 'Class I debit card number to bind' }),
  })
  .strict()
  .meta({ id: 'OpenAccountRequest' });

export const LimitUsage = z
  .object({
    limitFen: z.int(),
    usedFen: z.int(),
    remainingFen: z.int(),
  })
  .meta({ id: 'LimitUsage' });

export const AccountLimits = z
  .object({
    nonBoundOutToday: LimitUsage,
    nonBoundOutThisYear: LimitUsage,
    nonBoundInToday: LimitUsage,
    nonBoundInThisYear: LimitUsage,
    boundCard: z.literal('UNLIMITED'),
    maxSingleAmountFen: z.int(),
  })
  .meta({ id: 'AccountLimits' });

export const AccountDetail = AccountSummary.extend({ limits: AccountLimits }).meta({
  id: 'AccountDetail',
});

export const CardMoneyRequest = z
  .object({ amountFen: AmountFen, pin: Pin })
  .strict()
  .meta({ id: 'CardMoneyRequest' });

export const TransferRequest = z
  .object({
    toPhone: z.string().regex(/^1[3-9]\d{9}$/),
    amountFen: AmountFen,
    pin: Pin,
    memo: PlainText(20).optional(),
  })
  .strict()
  .meta({ id: 'TransferRequest' });

export const PayeeQuery = z
  .object({ phone: z.string().regex(/^1[3-9]\d{9}$/) })
  .strict()
  .meta({ id: 'PayeeQuery' });

export const Payee = z
  .object({ nameMasked: z.string(), phoneMasked: z.string() })
  .meta({ id: 'Payee' });

export const JournalKind = z.enum(JOURNAL_KINDS);

export const MoneyMovementResult = z
  .object({
    journalId: z.string(),
    kind: JournalKind,
    status: z.enum(['SUCCEEDED', 'REVERSED']),
    amountFen: z.int(),
    balanceFen: z.int(),
    createdAt: IsoTime,
  })
  .meta({ id: 'MoneyMovementResult' });

export const HistoryQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict()
  .meta({ id: 'HistoryQuery' });

export const HistoryItem = z
  .object({
    journalId: z.string(),
    kind: JournalKind,
    label: z.string().meta({ description: 'Human label, e.g. 转账给 张*' }),
    counterparty: z.string(),
    amountFen: z.int().meta({ description: 'Signed: positive money in, negative money out' }),
    createdAt: IsoTime,
  })
  .meta({ id: 'HistoryItem' });

export const HistoryPage = z
  .object({ items: z.array(HistoryItem), nextCursor: z.string().nullable() })
  .meta({ id: 'HistoryPage' });

export const Ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

export const OpenApiDocument = z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' });

export type Me = z.infer<typeof Me>;
export type SignInResponse = z.infer<typeof SignInResponse>;
export type AccountSummary = z.infer<typeof AccountSummary>;
export type AccountDetail = z.infer<typeof AccountDetail>;
export type AccountLimits = z.infer<typeof AccountLimits>;
export type MoneyMovementResult = z.infer<typeof MoneyMovementResult>;
export type HistoryItem = z.infer<typeof HistoryItem>;
export type HistoryPage = z.infer<typeof HistoryPage>;
export type Payee = z.infer<typeof Payee>;
export type ErrorBody = z.infer<typeof ErrorBody>;
export type JournalKind = z.infer<typeof JournalKind>;
export type WechatSignInRequest = z.infer<typeof WechatSignInRequest>;
export type RealNameRequest = z.infer<typeof RealNameRequest>;
export type SetPinRequest = z.infer<typeof SetPinRequest>;
export type OpenAccountRequest = z.infer<typeof OpenAccountRequest>;
export type CardMoneyRequest = z.infer<typeof CardMoneyRequest>;
export type TransferRequest = z.infer<typeof TransferRequest>;

// ---- the business date and the day close (operators) ----

const BusinessDate = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' });
export const BusinessDateRequest = z.object({ businessDate: BusinessDate }).strict().meta({ id: 'BusinessDateRequest' });
export const BusinessDateView = z.object({ businessDate: BusinessDate }).meta({ id: 'BusinessDateView' });
export const DayCloseResult = z
  .object({
    closedDate: BusinessDate,
    businessDate: BusinessDate,
    loansChecked: z.int(),
    autoDebitedFen: z.int(),
    autoDebits: z.int(),
    overdueLoans: z.int(),
    remindersSent: z.int(),
    wealth: WealthCloseReport,
    bills: BillCloseReport,
  })
  .meta({ id: 'DayCloseResult' });
