// The bills part of the API contract (see schemas.ts for the conventions).
import * as z from 'zod/mini';
import { MAX_AUTO_PAY_DAY } from '../domain/bills/auto-pay.js';
import { BILL_PERIOD, PAYMENT_STATUSES } from '../domain/bills/bill.js';
import { BILL_CATEGORIES, MAX_BILL_AMOUNT_FEN } from '../domain/bills/biller.js';
import { IsoTime, Reference, RiskAcknowledged } from './schemas.js';
import { SecondFactor } from './second-factor-schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));
const BillerId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)));
const Category = /* @__PURE__ */ lazySchema(() => z.enum(BILL_CATEGORIES));
const PaymentId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^P[A-Za-z0-9_-]{26}$/)));
const PayeeId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^Y[A-Za-z0-9_-]{16}$/)));
/** What the customer typed; spaces are allowed (numbers are printed in groups) and dropped. */
const AccountNumberInput = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(40),
      z.regex(/^[0-9A-Za-z\- ]+$/),
      z.meta({ description: "Account number at the biller; checked against the biller's format before any gateway call" }),
    ),
);
const BillFen = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(1), z.maximum(MAX_BILL_AMOUNT_FEN), z.meta({ description: 'Amount in fen' })));

export const PaymentIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ paymentId: PaymentId }));
export const PayeeIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ payeeId: PayeeId }));

// ---- billers ---------------------------------------------------------------------------------

export const BillerQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ category: z.optional(Category), city: z.optional(z.string().check(z.regex(/^[a-z]{2,20}$/))) })
    .check(z.meta({ id: 'BillerQuery' })),
);

export const AmountOptionsView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      kind: z.enum(['EXACT', 'AT_LEAST_BILL', 'RANGE']),
      fixedFen: z.nullable(z.int()).check(z.meta({ description: 'Set when only this amount is accepted' })),
      minFen: z.int(),
      maxFen: z.int(),
      stepFen: z.int(),
      presetsFen: z.array(z.int()),
    })
    .check(z.meta({ id: 'AmountOptionsView' })),
);

export const BillerView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      billerId: BillerId,
      name: z.string(),
      category: Category,
      categoryLabel: z.string(),
      city: z.object({ code: z.string(), name: z.string() }),
      accountNumberLabel: z.string(),
      accountNumberHint: z.string(),
      accountNumberInput: z
        .object({ digitsOnly: z.boolean(), maxLength: z.int() })
        .check(z.meta({ description: 'How the account number is typed: digitsOnly takes the numeric keyboard' })),
      amountRule: z.enum(['EXACT', 'AT_LEAST_BILL', 'RANGE']),
      prepaid: z.boolean().check(z.meta({ description: 'Paid ahead, never billed (phone top-up): the customer chooses the amount; a lookup has no bill' })),
    })
    .check(z.meta({ id: 'BillerView' })),
);

export const BillerCatalog = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      categories: z.array(
        z.object({ category: Category, label: z.string(), cities: z.array(z.object({ code: z.string(), name: z.string() })) }),
      ),
      items: z.array(BillerView),
    })
    .check(z.meta({ id: 'BillerCatalog' })),
);

// ---- bills -----------------------------------------------------------------------------------

export const BillLookupRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ billerId: BillerId, accountNumber: AccountNumberInput }).check(z.meta({ id: 'BillLookupRequest' })));

export const BillView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      biller: BillerView,
      accountNumberMasked: z.string(),
      holderNameMasked: z.string(),
      bill: z
        .nullable(
          z.object({
            period: z.string(),
            amountDueFen: z.int(),
            dueDate: z.nullable(IsoDate),
            arrears: z
              .nullable(z.object({ sinceDate: IsoDate, overdueFen: z.int(), lateFeeFen: z.int() }))
              .check(z.meta({ description: "In arrears (欠费) since sinceDate: earlier periods' overdueFen and the late fee, both part of amountDueFen" })),
          }),
        )
        .check(z.meta({ description: 'null: nothing due (a prepayment or top-up may still be possible)' })),
      alreadyPaid: z
        .nullable(z.object({ paymentId: z.nullable(z.string()) }))
        .check(z.meta({ description: 'This bill is paid (or being paid) already; paymentId when it was this customer' })),
      amount: z.nullable(AmountOptionsView).check(z.meta({ description: 'What may be paid now; null when nothing can be' })),
      payeeId: z.nullable(PayeeId),
      businessDate: IsoDate,
    })
    .check(z.meta({ id: 'BillView' })),
);

export const BillPaymentRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      billerId: z.optional(BillerId),
      accountNumber: z.optional(AccountNumberInput),
      payeeId: z.optional(PayeeId).check(z.meta({ description: 'Pay a saved payee instead of naming biller and account' })),
      billPeriod: z
        .optional(z.string().check(z.regex(BILL_PERIOD)))
        .check(z.meta({ description: 'The period of the bill the customer was shown; refused if the bill has changed since' })),
      amountFen: BillFen,
      secondFactor: SecondFactor,
      riskAcknowledged: RiskAcknowledged,
    })
    .check(
      z.refine(
        (body) => (body.payeeId !== undefined ? body.billerId === undefined && body.accountNumber === undefined : body.billerId !== undefined && body.accountNumber !== undefined),
        { message: 'either payeeId, or billerId with accountNumber' },
      ),
      z.meta({ id: 'BillPaymentRequest' }),
    ),
);

// Unregistered on purpose: with zod/mini the id is a check, and z.extend() keeps checks — extending
// the registered BillPaymentView would register 'BillPaymentView' again, on BillPaymentResult.
const BillPaymentViewObject = /* @__PURE__ */ lazySchema(() =>
  z.object({
    paymentId: PaymentId.check(z.meta({ description: 'The payment key (in its URL), also the reference the biller gateway dedupes on' })),
    status: z.enum(PAYMENT_STATUSES),
    statusLabel: z.string(),
    journalId: z.string().check(z.meta({ description: 'The ledger journal that took the money from the e-account (the hold)' })),
    reference: Reference.check(z.meta({ description: "The hold journal's 参考号, as its history entry shows it: the reference the customer reads out" })),
    billerId: BillerId,
    billerName: z.string(),
    category: Category,
    categoryLabel: z.string(),
    cityName: z.string(),
    accountNumberMasked: z.string(),
    holderNameMasked: z.nullable(z.string()),
    period: z.nullable(z.string()),
    amountDueFen: z.nullable(z.int()),
    amountFen: z.int(),
    prepaymentFen: z.int(),
    gatewayReference: z.nullable(z.string()).check(z.meta({ description: "The biller's own reference, once it confirmed" })),
    paidAt: IsoTime,
    settledAt: z.nullable(IsoTime),
    voidedAt: z.nullable(IsoTime),
    failure: z.nullable(z.object({ code: z.string(), message: z.string() })),
    autoPay: z.boolean(),
  }),
);

export const BillPaymentView = /* @__PURE__ */ lazySchema(() => BillPaymentViewObject.check(z.meta({ id: 'BillPaymentView' })));

export const BillPaymentResult = /* @__PURE__ */ lazySchema(() =>
  z
    .extend(BillPaymentViewObject, {
      balanceFen: z.int().check(z.meta({ description: 'E-account balance after the payment (after the refund when voided)' })),
    })
    .check(z.meta({ id: 'BillPaymentResult' })),
);

export const BillPaymentQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      category: z.optional(Category),
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
      cursor: z.optional(z.string().check(z.maxLength(300))),
    })
    .check(z.meta({ id: 'BillPaymentQuery' })),
);

export const BillPaymentPage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ items: z.array(BillPaymentView), nextCursor: z.nullable(z.string()) })
    .check(z.meta({ id: 'BillPaymentPage' })),
);

// ---- saved payees ------------------------------------------------------------------------------

const AutoPaySettingInput = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    capFen: BillFen.check(z.meta({ description: 'Largest bill auto-pay pays; a larger one is left to the customer' })),
    dayOfMonth: z.int().check(z.minimum(1), z.maximum(MAX_AUTO_PAY_DAY)),
  }),
);

/** A saved payee's name for the customer (备注名): given when saved, corrected on 个人信息与隐私. */
export const PayeeNickname = /* @__PURE__ */ lazySchema(() => z.string().check(z.minLength(1), z.maxLength(20), z.regex(/^[\p{L}\p{N}·\-_ ()（）]+$/u)));

export const PayeeCreateRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      nickname: PayeeNickname,
      billerId: BillerId,
      accountNumber: AccountNumberInput,
    })
    .check(z.meta({ id: 'PayeeCreateRequest' })),
);

export const AutoPayRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ autoPay: z.nullable(AutoPaySettingInput).check(z.meta({ description: 'null turns auto-pay off' })), secondFactor: SecondFactor })
    .check(z.meta({ id: 'AutoPayRequest' })),
);

export const PayeeView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      payeeId: PayeeId,
      nickname: z.string(),
      biller: BillerView,
      accountNumberMasked: z.string(),
      autoPay: z.nullable(z.object({ capFen: z.int(), dayOfMonth: z.int(), lastRunMonth: z.nullable(z.string()) })),
      lastAutoPay: z.nullable(z.object({ month: z.string(), code: z.string(), message: z.string(), paymentId: z.nullable(z.string()) })),
      createdAt: IsoTime,
    })
    .check(z.meta({ id: 'PayeeView' })),
);

export const PayeeList = /* @__PURE__ */ lazySchema(() => z.object({ items: z.array(PayeeView) }).check(z.meta({ id: 'PayeeList' })));

export const BillOk = /* @__PURE__ */ lazySchema(() => z.object({ ok: z.literal(true) }).check(z.meta({ id: 'BillOk' })));

export type BillerView = z.infer<typeof BillerView>;
export type BillerCatalog = z.infer<typeof BillerCatalog>;
export type AmountOptionsView = z.infer<typeof AmountOptionsView>;
export type BillLookupRequest = z.infer<typeof BillLookupRequest>;
export type BillView = z.infer<typeof BillView>;
export type BillPaymentRequest = z.infer<typeof BillPaymentRequest>;
export type BillPaymentView = z.infer<typeof BillPaymentView>;
export type BillPaymentResult = z.infer<typeof BillPaymentResult>;
export type BillPaymentPage = z.infer<typeof BillPaymentPage>;
export type PayeeCreateRequest = z.infer<typeof PayeeCreateRequest>;
export type AutoPayRequest = z.infer<typeof AutoPayRequest>;
export type PayeeView = z.infer<typeof PayeeView>;
export type PayeeList = z.infer<typeof PayeeList>;
