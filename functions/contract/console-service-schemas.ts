// The service desk's part of the console contract (客户服务): find a customer, their masked 360
// view, a reveal with a typed reason, freezing an e-account and asking for its unfreeze.
// Self-contained (zod and the domain's enumerations), so the consoleService function bundles no
// customer schemas. Only masked values leave, except the one a reveal answers.
import * as z from 'zod/mini';
import { ACCOUNT_STATUSES, REASON_MAX_LENGTH, REASON_MIN_LENGTH, REVEAL_FIELDS } from '../domain/customer-service.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { characterCount, PERSON_NAME_MAX_CHARS, PERSON_NAME_MAX_UTF16_UNITS } from '../domain/person-name.js';
import { CUSTOMER_RISK_RATINGS } from '../domain/customer-risk-rating.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const Fen = (description: string) => z.int().check(z.meta({ description: `${description}, in fen` }));
/** An id as the bank writes them (UUIDs, demo-… accounts). */
const Id = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)));

/** Typed by the agent; kept in the audit log with the action. */
export const Reason = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(REASON_MIN_LENGTH),
      z.maxLength(REASON_MAX_LENGTH),
      z.regex(/^[^\p{Cc}]*$/u),
      z.meta({ description: `Why, in the agent’s words: ${REASON_MIN_LENGTH}–${REASON_MAX_LENGTH} characters` }),
    ),
);

export const CustomerSearchQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      phone: z.optional(z.string().check(z.regex(/^1\d{10}$/), z.meta({ description: 'The full mainland mobile number, 11 digits' }))),
      accountNumber: z.optional(
        z.string().check(z.regex(/^[\d -]{12,30}$/), z.meta({ description: 'The full e-account number; spaces and dashes are ignored' })),
      ),
      name: z.optional(
        z
          .string()
          .check(
            z.trim(),
            z.minLength(1),
            z.maxLength(PERSON_NAME_MAX_UTF16_UNITS),
            z.refine((name) => characterCount(name) <= PERSON_NAME_MAX_CHARS, `at most ${PERSON_NAME_MAX_CHARS} characters`),
            z.meta({ description: `The exact full name (实名), at most ${PERSON_NAME_MAX_CHARS} characters` }),
          ),
      ),
    })
    .check(
      z.refine((query) => [query.phone, query.accountNumber, query.name].filter((value) => value !== undefined).length === 1, {
        message: 'exactly one of phone, accountNumber, name',
      }),
      z.meta({ id: 'CustomerSearchQuery', description: 'Exactly one of phone, accountNumber, name: an exact lookup through a keyed blind index' }),
    ),
);
export type CustomerSearchQuery = z.infer<typeof CustomerSearchQuery>;

const AccountStatus = /* @__PURE__ */ lazySchema(() => z.enum(ACCOUNT_STATUSES).check(z.meta({ description: 'FROZEN: no debit is taken (money may still come in); CLOSED: no posting at all (销户)' })));

export const CustomerMatchView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      customerId: z.string(),
      nameMasked: z.nullable(z.string()),
      phoneMasked: z.nullable(z.string()),
      accountId: z.nullable(z.string()),
      accountNumberMasked: z.nullable(z.string()),
      accountStatus: z.nullable(AccountStatus),
      realNameVerified: z.boolean(),
      createdAt: IsoTime,
    })
    .check(z.meta({ id: 'CustomerMatchView' })),
);

export const CustomerSearchResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ customers: z.array(CustomerMatchView).check(z.meta({ description: 'At most 20' })) })
    .check(z.meta({ id: 'CustomerSearchResult' })),
);

export const CustomerIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ customerId: Id }).check(z.meta({ id: 'CustomerIdParams' })));
export const AccountIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ accountId: Id }).check(z.meta({ id: 'AccountIdParams' })));

export const ConsoleAccountView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      accountId: z.string(),
      accountNumberMasked: z.string(),
      accountClass: z.literal('II'),
      balanceFen: Fen('Balance'),
      status: AccountStatus,
      freeze: z.nullable(
        z.object({ reason: z.string(), frozenAt: IsoTime, frozenBy: z.string().check(z.meta({ description: 'The operator’s login' })) }),
      ),
      boundCard: z.object({ bankName: z.string(), cardNumberMasked: z.string() }),
      openedAt: IsoTime,
      closure: z.nullable(
        z.object({ closedAt: IsoTime, retainUntil: IsoTime, sweptFen: Fen('Swept to the bound card at the closing') }).check(
          z.meta({ description: 'When CLOSED (销户): the closing date, and until when the records are kept' }),
        ),
      ),
      pendingUnfreeze: z.nullable(
        z.object({ changeId: z.string(), status: z.string(), makerLogin: z.string(), submittedAt: IsoTime }).check(
          z.meta({ description: 'The unfreeze request waiting for a second operator, if any' }),
        ),
      ),
    })
    .check(z.meta({ id: 'ConsoleAccountView' })),
);
export type ConsoleAccountView = z.infer<typeof ConsoleAccountView>;

export const Customer360View = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      profile: z.object({
        customerId: z.string(),
        nameMasked: z.nullable(z.string()),
        phoneMasked: z.nullable(z.string()),
        idNumberMasked: z.nullable(z.string()),
        realNameVerifiedAt: z.nullable(IsoTime),
        createdAt: IsoTime,
      }),
      devices: z
        .array(
          z.object({
            deviceLabel: z.string(),
            platform: z.nullable(z.string()),
            place: z.string().check(z.meta({ description: 'Where it signed in from, as the sign-in saw it' })),
            signedInAt: IsoTime,
            lastUsedAt: IsoTime,
            deviceVerified: z.boolean().check(z.meta({ description: 'Trusted with money: a known device, or verified with a code to the bound phone' })),
            knownSince: z.nullable(IsoTime).check(z.meta({ description: 'When the bank first knew the device; null while not verified' })),
          }),
        )
        .check(z.meta({ description: '登录设备: the live sessions, last used first, at most 20' })),
      riskRating: z.nullable(
        z
          .object({
            rating: z.enum(CUSTOMER_RISK_RATINGS),
            label: z.string().check(z.meta({ description: '低风险 / 中风险 / 高风险' })),
            reasons: z.array(z.string()).check(z.meta({ description: 'What raised it, in words, highest first; empty when low' })),
            ratedAt: IsoTime,
          })
          .check(
            z.meta({
              description:
                '客户洗钱风险等级: only for operators who may read AML alerts (the service desk never sees it: a customer must not be tipped off); null otherwise and for a customer not yet rated',
            }),
          ),
      ),
      account: z.nullable(ConsoleAccountView),
      journals: z
        .array(z.object({ journalId: z.string(), kind: z.string(), label: z.string(), counterparty: z.string(), amountFen: Fen('Signed: + in, − out'), createdAt: IsoTime }))
        .check(z.meta({ description: 'The newest 20 postings of the e-account' })),
      loans: z.array(
        z.object({
          loanId: z.string(),
          productName: z.string(),
          status: z.enum(['ACTIVE', 'PAID_OFF']),
          principalFen: Fen('Borrowed'),
          outstandingPrincipalFen: Fen('Principal not yet repaid'),
          termMonths: z.int(),
          annualizedRateDisplay: z.string(),
          signedAt: IsoTime,
        }),
      ),
      bills: z
        .array(z.object({ paymentId: z.string(), billerName: z.string(), category: z.string(), amountFen: Fen('Paid'), status: z.string(), heldAt: IsoTime }))
        .check(z.meta({ description: 'The newest 20 bill payments' })),
      wealth: z.array(z.object({ productId: z.string(), productName: z.string(), unitsCenti: z.int(), investedFen: Fen('Invested') })),
      manager: z.nullable(
        z.object({ staffId: z.string(), name: z.nullable(z.string()), staffNo: z.nullable(z.string()), branchName: z.nullable(z.string()), since: IsoTime }),
      ),
      pin: z.object({
        set: z.boolean(),
        failedAttempts: z.int(),
        lockedUntil: z.nullable(IsoTime).check(z.meta({ description: 'Set while the PIN is locked' })),
        hint: z.string().check(z.meta({ description: 'Staff never unlock a PIN: what the agent tells the customer' })),
      }),
    })
    .check(z.meta({ id: 'Customer360View', description: 'Everything masked; a full value only through reveal' })),
);
export type Customer360View = z.infer<typeof Customer360View>;

export const RevealRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ field: z.enum(REVEAL_FIELDS), reason: Reason })
    .check(z.meta({ id: 'RevealRequest' })),
);

export const RevealedValue = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ value: z.string().check(z.meta({ description: 'The full value; its reveal is in the audit log' })) })
    .check(z.meta({ id: 'RevealedValue' })),
);

export const ReasonRequest = /* @__PURE__ */ lazySchema(() => z.strictObject({ reason: Reason }).check(z.meta({ id: 'ReasonRequest' })));
