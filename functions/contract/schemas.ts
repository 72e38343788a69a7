// The API contract: every request and response body, as zod schemas (zod/mini: the functional
// API keeps ~75 KB of zod out of every Lambda bundle, docs/BENCHMARKS.md item 4). The server
// validates with them, the OpenAPI document is generated from them, and the mini-program imports
// the inferred types (type-only, so zod never ships in the mini-program bundle).
import * as z from 'zod/mini';
import { ACCOUNT_STATUSES } from '../domain/customer-service.js';
import { ENTRY_STATUSES, HISTORY_DIRECTIONS, HISTORY_GROUP_NAMES } from '../domain/history.js';
import { JOURNAL_KINDS } from '../domain/ledger.js';
import { BillCloseReport } from './bill-close-schema.js';
import { PersonName } from './person-name-schema.js';
import { SecondFactor, SoterEnrolment } from './second-factor-schemas.js';
import { DeviceText } from './device-text-schema.js';
import { WealthCloseReport } from './wealth-close-schema.js';
import { lazySchema } from '../domain/lazy-schema.js';

/** Largest amount one money movement may carry: 1,000,000 yuan. */
export const MAX_AMOUNT_FEN = 100_000_000;

export const AmountFen = /* @__PURE__ */ lazySchema(() =>
  z
    .int()
    .check(z.minimum(1), z.maximum(MAX_AMOUNT_FEN), z.meta({ description: 'Amount in fen (1 yuan = 100 fen), a positive integer' })),
);

export const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));

export const ErrorBody = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      error: z.object({
        code: z.string().check(z.meta({ description: 'Stable machine-readable code, e.g. INSUFFICIENT_FUNDS' })),
        message: z.string().check(z.meta({ description: 'Human-readable message in Simplified Chinese' })),
      }),
    })
    .check(z.meta({ id: 'Error' })),
);

// ---- Auth ----------------------------------------------------------------------------------

/** A wx.login / getPhoneNumber code: an opaque token of visible ASCII, never control characters
 *  or other text (found by the bad-input fuzzer: a code with an unpaired surrogate signed in). */
const WechatCode = /* @__PURE__ */ lazySchema(() => z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[\x21-\x7e]+$/)));

/** Free text a customer writes and another reads (a transfer memo): no control characters,
 *  unpaired surrogates or invisible format characters such as bidi overrides (ZWJ/ZWNJ, which
 *  emoji and some scripts need, are allowed). */
export const PlainText = (max: number) => z.string().check(z.maxLength(max), z.regex(/^(?:[^\p{Cc}\p{Cf}\p{Cs}]|[\u200c\u200d])*$/u));

/** Random id the mini-program keeps in its storage: links share-link visits made before sign-in
 *  to the customer (relationship managers, rm-schemas.ts). */
export const DeviceId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)));

export const WechatSignInRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      code: WechatCode,
      deviceId: z.optional(DeviceId.check(z.meta({ description: 'This installation\'s random id: its sessions are listed under it, and a device never verified is asked for a code before its first money movement' }))),
      deviceModel: z.optional(DeviceText.check(z.meta({ description: 'The device\'s model as the client reports it (登录设备管理 shows it)' }))),
      devicePlatform: z.optional(DeviceText.check(z.meta({ description: 'ios, android, windows, mac, devtools or the browser\'s platform' }))),
    })
    .check(z.meta({ id: 'WechatSignInRequest' })),
);

export const RefreshRequest = /* @__PURE__ */ lazySchema(() =>
  z
    // Issued refresh tokens are base64url.
    .strictObject({ refreshToken: z.string().check(z.minLength(16), z.maxLength(256), z.regex(/^[A-Za-z0-9_-]+$/)) })
    .check(z.meta({ id: 'RefreshRequest' })),
);

export const SimulatorLoginCodeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      user: z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/), z.meta({ description: 'Which simulated WeChat user signs in (same value → same openid)' })),
    })
    .check(z.meta({ id: 'SimulatorLoginCodeRequest' })),
);

export const SimulatorPhoneCodeRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ phone: z.string().check(z.regex(/^1[3-9]\d{9}$/)) })
    .check(z.meta({ id: 'SimulatorPhoneCodeRequest' })),
);

export const SimulatorCodeResponse = /* @__PURE__ */ lazySchema(() => z.object({ code: z.string() }).check(z.meta({ id: 'SimulatorCodeResponse' })));

// ---- Customer ------------------------------------------------------------------------------

export const BoundCard = /* @__PURE__ */ lazySchema(() => z.object({ bankName: z.string(), cardNumberMasked: z.string() }).check(z.meta({ id: 'BoundCard' })));

/** 销户: when the account was closed, what was swept to which card, and until when its records
 *  are kept (domain/account-closure.ts). */
export const AccountClosure = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      closedAt: IsoTime,
      sweptFen: z.int().check(z.meta({ description: 'The balance swept to the bound card (0: nothing was left)' })),
      sweptToCard: BoundCard,
      journalId: z.nullable(z.string()).check(z.meta({ description: "The sweep's journal (its history entry and receipt); null when nothing was swept" })),
      retainUntil: IsoTime.check(z.meta({ description: 'Identity and transaction records are kept until then (AML law: 10 years after the relationship ends)' })),
    })
    .check(z.meta({ id: 'AccountClosure' })),
);
export type AccountClosure = z.infer<typeof AccountClosure>;

const accountSummaryShape = /* @__PURE__ */ lazySchema(() => ({
  accountId: z.string(),
  accountNumberMasked: z.string(),
  accountClass: z.literal('II'),
  balanceFen: z.int(),
  status: z
    .enum(ACCOUNT_STATUSES)
    .check(z.meta({ description: 'FROZEN: frozen by the bank (冻结) — money still comes in, none goes out; CLOSED: closed for good (销户), no posting at all' })),
  boundCard: BoundCard,
  openedAt: IsoTime,
  closure: z.optional(AccountClosure).check(z.meta({ description: 'Present when CLOSED' })),
}));

export const AccountSummary = /* @__PURE__ */ lazySchema(() => z.object(accountSummaryShape).check(z.meta({ id: 'AccountSummary' })));

export const Me = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      customerId: z.string(),
      phoneMasked: z.nullable(z.string()),
      realName: z.nullable(z.object({ nameMasked: z.string(), idNumberMasked: z.string(), verifiedAt: IsoTime })),
      pinSet: z.boolean(),
      pinLockedUntil: z.nullable(IsoTime),
      soterEnrolled: z.nullable(SoterEnrolment).check(z.meta({ description: 'Fingerprint or face payments (SOTER) on, and how; null when off' })),
      account: z.nullable(AccountSummary),
    })
    .check(z.meta({ id: 'Me' })),
);

export const SignInResponse = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      accessToken: z.string(),
      accessTokenExpiresAt: IsoTime,
      refreshToken: z.string(),
      refreshTokenExpiresAt: IsoTime,
      me: Me,
    })
    .check(z.meta({ id: 'SignInResponse' })),
);

export const BindPhoneRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ code: WechatCode.check(z.meta({ description: 'getPhoneNumber code' })) })
    .check(z.meta({ id: 'BindPhoneRequest' })),
);

export const RealNameRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      name: PersonName,
      idNumber: z.string().check(z.regex(/^\d{17}[\dXx]$/), z.meta({ description: '18-character resident ID number' })),
    })
    .check(z.meta({ id: 'RealNameRequest' })),
);

/** The new PIN and, to change one already set, the current PIN as the second factor — both
 *  encrypted with the challenge of one nonce asked for this request. */
export const SetPinRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ newPin: SecondFactor, secondFactor: z.optional(SecondFactor) })
    .check(z.meta({ id: 'SetPinRequest' })),
);

// ---- Account -------------------------------------------------------------------------------

export const OpenAccountRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      cardNumber: z.string().check(z.regex(/^\d{16,19}$/), z.meta({ description: 'Class I debit card number to bind' })),
    })
    .check(z.meta({ id: 'OpenAccountRequest' })),
);

export const LimitUsage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      limitFen: z.int(),
      usedFen: z.int(),
      remainingFen: z.int(),
    })
    .check(z.meta({ id: 'LimitUsage' })),
);

export const AccountLimits = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      nonBoundOutToday: LimitUsage,
      nonBoundOutThisYear: LimitUsage,
      nonBoundInToday: LimitUsage,
      nonBoundInThisYear: LimitUsage,
      boundCard: z.literal('UNLIMITED'),
      maxSingleAmountFen: z.int(),
    })
    .check(z.meta({ id: 'AccountLimits' })),
);

// Built from the shape, not by extending AccountSummary: a mini schema's meta is a check, and
// extending would copy AccountSummary's id onto AccountDetail.
export const AccountDetail = /* @__PURE__ */ lazySchema(() => z.object({ ...accountSummaryShape, limits: AccountLimits }).check(z.meta({ id: 'AccountDetail' })));

export const CardMoneyRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ amountFen: AmountFen, secondFactor: SecondFactor }).check(z.meta({ id: 'CardMoneyRequest' })));

/** On a movement the anti-fraud rules judge: the customer read and confirmed review.risk. */
export const RiskAcknowledged = /* @__PURE__ */ lazySchema(() => z.optional(z.literal(true)).check(z.meta({ description: 'The customer confirmed review.risk (else 409 RISK_WARNING)' })));

export const WithdrawalRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ amountFen: AmountFen, secondFactor: SecondFactor, riskAcknowledged: RiskAcknowledged }).check(z.meta({ id: 'WithdrawalRequest' })),
);

export const TransferRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      toPhone: z.string().check(z.regex(/^1[3-9]\d{9}$/)),
      amountFen: AmountFen,
      secondFactor: SecondFactor,
      memo: z.optional(PlainText(20)),
      riskAcknowledged: RiskAcknowledged,
    })
    .check(z.meta({ id: 'TransferRequest' })),
);

export const PayeeQuery = /* @__PURE__ */ lazySchema(() => z.strictObject({ phone: z.string().check(z.regex(/^1[3-9]\d{9}$/)) }).check(z.meta({ id: 'PayeeQuery' })));

export const Payee = /* @__PURE__ */ lazySchema(() => z.object({ nameMasked: z.string(), phoneMasked: z.string() }).check(z.meta({ id: 'Payee' })));

export const JournalKind = /* @__PURE__ */ lazySchema(() => z.enum(JOURNAL_KINDS));

/** A movement's short reference (参考号), from its journal id (domain/history.ts). */
export const Reference = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'Short reference a person can read out, e.g. K7QM-4PX9-2HTR' })));

export const MoneyMovementResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      journalId: z.string(),
      reference: Reference,
      kind: JournalKind,
      status: z.enum(['SUCCEEDED', 'REVERSED', 'HELD']).check(z.meta({ description: 'HELD: a transfer the anti-fraud rules delay (延时到账), released at releaseAt unless cancelled first' })),
      amountFen: z.int(),
      balanceFen: z.int(),
      createdAt: IsoTime,
      releaseAt: z.optional(IsoTime),
    })
    .check(z.meta({ id: 'MoneyMovementResult' })),
);

export const HistoryQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
      cursor: z.optional(z.string().check(z.maxLength(200))),
      direction: z.optional(z.enum(HISTORY_DIRECTIONS).check(z.meta({ description: 'IN: money in only; OUT: money out only' }))),
      group: z.optional(z.enum(HISTORY_GROUP_NAMES).check(z.meta({ description: 'Kinds of one group only: 转账, 充值提现, 贷款, 理财, 缴费' }))),
    })
    .check(z.meta({ id: 'HistoryQuery' })),
);

const EntryStatus = /* @__PURE__ */ lazySchema(() =>
  z.enum(ENTRY_STATUSES).check(z.meta({ description: 'SUCCEEDED 成功; PENDING 处理中; FAILED 失败, the money came back; REFUNDED 已退款' })),
);

export const HistoryItem = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      journalId: z.string(),
      kind: JournalKind,
      label: z.string().check(z.meta({ description: 'Human label, e.g. 转账给 张*' })),
      counterparty: z.string(),
      amountFen: z.int().check(z.meta({ description: 'Signed: positive money in, negative money out' })),
      createdAt: IsoTime,
      status: EntryStatus,
    })
    .check(z.meta({ id: 'HistoryItem' })),
);

export const HistoryEntryParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ entryId: z.string().check(z.regex(/^J[A-Za-z0-9_-]{26}$/)) }));

/** Another entry of the same movement: the one that gave the money back, or the one it gave back. */
const RelatedEntry = /* @__PURE__ */ lazySchema(() =>
  z.object({
    journalId: z.string(),
    reference: Reference,
    kind: JournalKind,
    kindLabel: z.string(),
    createdAt: IsoTime,
    relation: z.enum(['RETURNED_BY', 'RETURNS']).check(z.meta({ description: 'RETURNED_BY: this entry\'s money came back by the related one; RETURNS: this entry gives back the related one\'s' })),
  }),
);

export const HistoryEntry = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      journalId: z.string(),
      reference: Reference,
      kind: JournalKind,
      kindLabel: z.string(),
      label: z.string(),
      counterparty: z.string().check(z.meta({ description: 'Masked: a name as 陈*, a card by its last four digits' })),
      amountFen: z.int().check(z.meta({ description: 'Signed: positive money in, negative money out' })),
      createdAt: IsoTime,
      status: EntryStatus,
      accountNumberMasked: z.string(),
      related: z.nullable(RelatedEntry),
      releaseAt: z.nullable(IsoTime).check(z.meta({ description: 'A delayed transfer (TRANSFER_HOLD): when it reaches the payee, or reached them; null for every other entry' })),
    })
    .check(z.meta({ id: 'HistoryEntry' })),
);

export const HistoryPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ items: z.array(HistoryItem), nextCursor: z.nullable(z.string()) })
    .check(z.meta({ id: 'HistoryPage' })),
);

export const Ok = /* @__PURE__ */ lazySchema(() => z.object({ ok: z.literal(true) }).check(z.meta({ id: 'Ok' })));

export const OpenApiDocument = /* @__PURE__ */ lazySchema(() => z.record(z.string(), z.unknown()).check(z.meta({ id: 'OpenApiDocument' })));

export type Me = z.infer<typeof Me>;
export type SignInResponse = z.infer<typeof SignInResponse>;
export type AccountSummary = z.infer<typeof AccountSummary>;
export type AccountDetail = z.infer<typeof AccountDetail>;
export type AccountLimits = z.infer<typeof AccountLimits>;
export type MoneyMovementResult = z.infer<typeof MoneyMovementResult>;
export type HistoryItem = z.infer<typeof HistoryItem>;
export type HistoryPage = z.infer<typeof HistoryPage>;
export type HistoryQuery = z.infer<typeof HistoryQuery>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
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

const BusinessDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));
export const BusinessDateRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ businessDate: BusinessDate }).check(z.meta({ id: 'BusinessDateRequest' })));
export const BusinessDateView = /* @__PURE__ */ lazySchema(() => z.object({ businessDate: BusinessDate }).check(z.meta({ id: 'BusinessDateView' })));
export const DayCloseResult = /* @__PURE__ */ lazySchema(() =>
  z
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
      merchants: z.object({ merchantsSettled: z.int(), settledFen: z.int(), settlementsReturned: z.int(), settlementsPending: z.int() }),
    })
    .check(z.meta({ id: 'DayCloseResult' })),
);
