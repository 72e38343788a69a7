// E-receipts (电子回单): the customer's signed receipt of a movement, and the public verification
// by its code or by its signed payload (domain/receipt.ts).
import * as z from 'zod/mini';
import { ENTRY_STATUSES } from '../domain/history.js';
import { MAX_RECEIPT_PAYLOAD_LENGTH, MAX_TYPED_CODE_LENGTH } from '../domain/receipt.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { IsoTime, JournalKind, Reference } from './schemas.js';

const ReceiptParty = /* @__PURE__ */ lazySchema(() =>
  z.object({
    name: z.string().check(z.meta({ description: 'Masked, e.g. 张*' })),
    account: z.nullable(z.string().check(z.meta({ description: 'Masked account or card number; null where the movement names only the party' }))),
  }),
);

const Status = /* @__PURE__ */ lazySchema(() => z.enum(ENTRY_STATUSES).check(z.meta({ description: 'The movement\'s status now: SUCCEEDED, PENDING, FAILED (returned), REFUNDED' })));

export const ReceiptFigures = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      version: z.literal(1),
      keyId: z.string().check(z.meta({ description: 'The bank key that signed it' })),
      journalId: z.string(),
      reference: Reference,
      kind: JournalKind,
      kindLabel: z.string(),
      summary: z.string(),
      direction: z.enum(['IN', 'OUT']),
      amountFen: z.int().check(z.meta({ description: 'Unsigned; direction says which way' })),
      amountWords: z.string().check(z.meta({ description: 'The amount in Chinese capitals (大写), e.g. 人民币壹佰元整' })),
      payer: ReceiptParty,
      payee: ReceiptParty,
      createdAt: IsoTime,
    })
    .check(z.meta({ id: 'ReceiptFigures' })),
);

export const CustomerReceipt = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      receipt: ReceiptFigures,
      payload: z.string().check(z.meta({ description: 'The canonical JSON of receipt (RFC 8785 for these values): exactly the bytes signed' })),
      signature: z.string().check(z.meta({ description: 'Ed25519 over payload, base64url' })),
      code: z.string().check(z.meta({ description: 'Verification code (验证码), 16 characters in groups of four: about 78 bits' })),
      status: Status,
    })
    .check(z.meta({ id: 'CustomerReceipt' })),
);

const ByCode = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    code: z.string().check(z.minLength(1), z.maxLength(MAX_TYPED_CODE_LENGTH), z.regex(/^[A-Za-z0-9 -]*$/), z.meta({ description: 'The verification code as typed; case, spaces and dashes do not matter' })),
  }),
);

const BySignature = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    payload: z.string().check(z.minLength(2), z.maxLength(MAX_RECEIPT_PAYLOAD_LENGTH), z.regex(/^[^\p{Cc}\p{Cs}]*$/u), z.meta({ description: 'The receipt\'s canonical JSON, as it came with the receipt' })),
    signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{86}$/), z.meta({ description: 'Ed25519, base64url' })),
  }),
);

export const ReceiptVerifyRequest = /* @__PURE__ */ lazySchema(() => z.union([ByCode, BySignature]).check(z.meta({ id: 'ReceiptVerifyRequest' })));

export const ReceiptVerification = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      genuine: z.boolean().check(z.meta({ description: 'Whether the bank issued this receipt' })),
      receipt: z.nullable(ReceiptFigures).check(z.meta({ description: 'The figures the bank holds, when genuine' })),
      status: z.nullable(Status),
    })
    .check(z.meta({ id: 'ReceiptVerification' })),
);

export type CustomerReceipt = z.infer<typeof CustomerReceipt>;
export type ReceiptFigures = z.infer<typeof ReceiptFigures>;
export type ReceiptVerifyRequest = z.infer<typeof ReceiptVerifyRequest>;
export type ReceiptVerification = z.infer<typeof ReceiptVerification>;
