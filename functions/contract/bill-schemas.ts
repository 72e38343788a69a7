// The bills part of the API contract (see schemas.ts for the conventions).
import * as z from 'zod';
import { MAX_AUTO_PAY_DAY } from '../domain/bills/auto-pay.js';
import { BILL_PERIOD, PAYMENT_STATUSES } from '../domain/bills/bill.js';
import { BILL_CATEGORIES, billerSchema, MAX_BILL_AMOUNT_FEN } from '../domain/bills/biller.js';
import { MISMATCH_KINDS, RECONCILIATION_ACTIONS } from '../domain/bills/reconciliation.js';
import { IsoTime, Pin } from './schemas.js';

const IsoDate = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' });
const BillerId = z.string().regex(/^[a-z][a-z0-9-]{2,39}$/);
const Category = z.enum(BILL_CATEGORIES);
const PaymentId = z.string().regex(/^P[A-Za-z0-9_-]{26}$/);
const PayeeId = z.string().regex(/^Y[A-Za-z0-9_-]{16}$/);
/** What the customer typed; spaces are allowed (numbers are printed in groups) and dropped. */
const AccountNumberInput = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z\- ]+$/)
  .meta({ description: "Account number at the biller; checked against the biller's format before any gateway call" });
const BillFen = z.int().min(1).max(MAX_BILL_AMOUNT_FEN).meta({ description: 'Amount in fen' });

export const PaymentIdParams = z.object({ paymentId: PaymentId }).strict();
export const PayeeIdParams = z.object({ payeeId: PayeeId }).strict();
export const ReconciliationDateParams = z.object({ date: IsoDate }).strict();

// ---- billers ---------------------------------------------------------------------------------

export const BillerQuery = z
  .object({ category: Category.optional(), city: z.string().regex(/^[a-z]{2,20}$/).optional() })
  .strict()
  .meta({ id: 'BillerQuery' });

export const AmountOptionsView = z
  .object({
    kind: z.enum(['EXACT', 'AT_LEAST_BILL', 'RANGE']),
    fixedFen: z.int().nullable().meta({ description: 'Set when only this amount is accepted' }),
    minFen: z.int(),
    maxFen: z.int(),
    stepFen: z.int(),
    presetsFen: z.array(z.int()),
  })
  .meta({ id: 'AmountOptionsView' });

export const BillerView = z
  .object({
    billerId: BillerId,
    name: z.string(),
    category: Category,
    categoryLabel: z.string(),
    city: z.object({ code: z.string(), name: z.string() }),
    accountNumberLabel: z.string(),
    accountNumberHint: z.string(),
    amountRule: z.enum(['EXACT', 'AT_LEAST_BILL', 'RANGE']),
  })
  .meta({ id: 'BillerView' });

export const BillerCatalog = z
  .object({
    categories: z.array(
      z.object({ category: Category, label: z.string(), cities: z.array(z.object({ code: z.string(), name: z.string() })) }),
    ),
    items: z.array(BillerView),
  })
  .meta({ id: 'BillerCatalog' });

// ---- bills -----------------------------------------------------------------------------------

export const BillLookupRequest = z.object({ billerId: BillerId, accountNumber: AccountNumberInput }).strict().meta({ id: 'BillLookupRequest' });

export const BillView = z
  .object({
    biller: BillerView,
    accountNumberMasked: z.string(),
    holderNameMasked: z.string(),
    bill: z
      .object({
        period: z.string(),
        amountDueFen: z.int(),
        dueDate: IsoDate.nullable(),
        arrears: z.object({ sinceDate: IsoDate, lateFeeFen: z.int() }).nullable(),
      })
      .nullable()
      .meta({ description: 'null: nothing due (a prepayment or top-up may still be possible)' }),
    alreadyPaid: z
      .object({ paymentId: z.string().nullable() })
      .nullable()
      .meta({ description: 'This bill is paid (or being paid) already; paymentId when it was this customer' }),
    amount: AmountOptionsView.nullable().meta({ description: 'What may be paid now; null when nothing can be' }),
    payeeId: PayeeId.nullable(),
    businessDate: IsoDate,
  })
  .meta({ id: 'BillView' });

export const BillPaymentRequest = z
  .object({
    billerId: BillerId.optional(),
    accountNumber: AccountNumberInput.optional(),
    payeeId: PayeeId.optional().meta({ description: 'Pay a saved payee instead of naming biller and account' }),
    billPeriod: z
      .string()
      .regex(BILL_PERIOD)
      .optional()
      .meta({ description: 'The period of the bill the customer was shown; refused if the bill has changed since' }),
    amountFen: BillFen,
    pin: Pin,
  })
  .strict()
  .refine(
    (body) => (body.payeeId !== undefined ? body.billerId === undefined && body.accountNumber === undefined : body.billerId !== undefined && body.accountNumber !== undefined),
    { message: 'either payeeId, or billerId with accountNumber' },
  )
  .meta({ id: 'BillPaymentRequest' });

export const BillPaymentView = z
  .object({
    paymentId: PaymentId.meta({ description: 'Transaction reference (交易流水号), also sent to the biller' }),
    status: z.enum(PAYMENT_STATUSES),
    statusLabel: z.string(),
    journalId: z.string().meta({ description: 'The ledger journal that took the money from the e-account (the hold)' }),
    billerId: BillerId,
    billerName: z.string(),
    category: Category,
    categoryLabel: z.string(),
    cityName: z.string(),
    accountNumberMasked: z.string(),
    holderNameMasked: z.string().nullable(),
    period: z.string().nullable(),
    amountDueFen: z.int().nullable(),
    amountFen: z.int(),
    prepaymentFen: z.int(),
    gatewayReference: z.string().nullable().meta({ description: "The biller's own reference, once it confirmed" }),
    paidAt: IsoTime,
    settledAt: IsoTime.nullable(),
    voidedAt: IsoTime.nullable(),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    autoPay: z.boolean(),
  })
  .meta({ id: 'BillPaymentView' });

export const BillPaymentResult = BillPaymentView.extend({
  balanceFen: z.int().meta({ description: 'E-account balance after the payment (after the refund when voided)' }),
}).meta({ id: 'BillPaymentResult' });

export const BillPaymentQuery = z
  .object({
    category: Category.optional(),
    limit: z.coerce.number().int().min(1).max(50).optional(),
    cursor: z.string().max(300).optional(),
  })
  .strict()
  .meta({ id: 'BillPaymentQuery' });

export const BillPaymentPage = z
  .object({ items: z.array(BillPaymentView), nextCursor: z.string().nullable() })
  .meta({ id: 'BillPaymentPage' });

// ---- saved payees ------------------------------------------------------------------------------

const AutoPaySettingInput = z
  .object({ capFen: BillFen.meta({ description: 'Largest bill auto-pay pays; a larger one is left to the customer' }), dayOfMonth: z.int().min(1).max(MAX_AUTO_PAY_DAY) })
  .strict();

export const PayeeCreateRequest = z
  .object({
    nickname: z.string().min(1).max(20).regex(/^[\p{L}\p{N}·\-_ ()（）]+$/u),
    billerId: BillerId,
    accountNumber: AccountNumberInput,
  })
  .strict()
  .meta({ id: 'PayeeCreateRequest' });

export const AutoPayRequest = z
  .object({ autoPay: AutoPaySettingInput.nullable().meta({ description: 'null turns auto-pay off' }), pin: Pin })
  .strict()
  .meta({ id: 'AutoPayRequest' });

export const PayeeView = z
  .object({
    payeeId: PayeeId,
    nickname: z.string(),
    biller: BillerView,
    accountNumberMasked: z.string(),
    autoPay: z.object({ capFen: z.int(), dayOfMonth: z.int(), lastRunMonth: z.string().nullable() }).nullable(),
    lastAutoPay: z.object({ month: z.string(), code: z.string(), message: z.string(), paymentId: z.string().nullable() }).nullable(),
    createdAt: IsoTime,
  })
  .meta({ id: 'PayeeView' });

export const PayeeList = z.object({ items: z.array(PayeeView) }).meta({ id: 'PayeeList' });

export const BillOk = z.object({ ok: z.literal(true) }).meta({ id: 'BillOk' });

// ---- operators ---------------------------------------------------------------------------------

export const Biller = billerSchema.meta({ id: 'Biller' });
export const AdminBillerList = z.object({ items: z.array(Biller) }).meta({ id: 'AdminBillerList' });

export const ReconciliationReport = z
  .object({
    date: IsoDate,
    ranAt: IsoTime,
    matched: z.int(),
    matchedFen: z.int(),
    jinlinCount: z.int(),
    jinlinFen: z.int(),
    gatewayCount: z.int(),
    gatewayFen: z.int(),
    mismatchCount: z.int(),
    mismatches: z.array(
      z.object({
        kind: z.enum(MISMATCH_KINDS),
        reference: z.string(),
        billerId: z.string(),
        jinlinAmountFen: z.int().nullable(),
        gatewayAmountFen: z.int().nullable(),
        jinlinStatus: z.enum([...PAYMENT_STATUSES, 'NONE']),
        action: z.enum(RECONCILIATION_ACTIONS),
        note: z.string(),
      }),
    ),
  })
  .meta({ id: 'ReconciliationReport' });

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
export type ReconciliationReport = z.infer<typeof ReconciliationReport>;
