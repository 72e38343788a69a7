// The e-receipt (电子回单) of a movement: what it certifies, its canonical form, the bank's
// Ed25519 signature over that form and the verification code (验证码) anyone holding it types to
// ask the bank. Everything here is computed from the journal, which never changes, so the same
// receipt comes out every time under the same key; the status (a withdrawal returned later) is
// the bank's answer at verification, not part of what is signed.
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { amountInWords } from './amount-words.js';
import { journalReference, REFERENCE_ALPHABET } from './history.js';
import { KIND_LABELS } from './journal-kind-labels.js';
import type { Journal, JournalKind, Posting } from './ledger.js';

export const RECEIPT_VERSION = 1;

/** One side of the movement, masked as every screen shows it. */
export interface ReceiptParty {
  name: string;
  /** The account or card, masked; null where the journal names only the party (a transfer's
   *  other customer, a loan contract, a product). */
  account: string | null;
}

/** What a receipt certifies: the customer's own side of one journal. */
export interface ReceiptFields {
  version: typeof RECEIPT_VERSION;
  /** The bank key that signs it (rotation: receiptKeys in the secrets). */
  keyId: string;
  journalId: string;
  reference: string;
  kind: JournalKind;
  kindLabel: string;
  summary: string;
  direction: 'IN' | 'OUT';
  /** Unsigned: the direction says which way. */
  amountFen: number;
  amountWords: string;
  payer: ReceiptParty;
  payee: ReceiptParty;
  createdAt: string;
}

/** Card movements name the customer's own bound card: its holder is the customer. */
const CARD_KINDS: readonly JournalKind[] = ['TOP_UP', 'WITHDRAW', 'WITHDRAW_REVERSAL'];

export interface ReceiptSide {
  journal: Journal;
  /** The journal's posting to the customer's account. */
  own: Posting;
  holderNameMasked: string;
  accountNumberMasked: string;
}

/** The receipt's fields, from the customer's posting of the journal. */
export function receiptFields({ journal, own, holderNameMasked, accountNumberMasked }: ReceiptSide, keyId: string): ReceiptFields {
  const ownParty: ReceiptParty = { name: holderNameMasked, account: accountNumberMasked };
  const other: ReceiptParty = CARD_KINDS.includes(journal.kind) ? { name: holderNameMasked, account: own.counterparty } : { name: own.counterparty, account: null };
  const direction = own.amountFen > 0 ? 'IN' : 'OUT';
  const amountFen = Math.abs(own.amountFen);
  return {
    version: RECEIPT_VERSION,
    keyId,
    journalId: journal.journalId,
    reference: journalReference(journal.journalId),
    kind: journal.kind,
    kindLabel: KIND_LABELS[journal.kind],
    summary: own.label,
    direction,
    amountFen,
    amountWords: amountInWords(amountFen),
    payer: direction === 'OUT' ? ownParty : other,
    payee: direction === 'OUT' ? other : ownParty,
    createdAt: journal.createdAt,
  };
}

type Canonical = string | number | null | { [key: string]: Canonical };

/**
 * The canonical serialisation: JSON with every object's keys in code-point order, no whitespace,
 * strings escaped as JSON.stringify does — RFC 8785 (JCS) for the values a receipt holds (objects,
 * strings, safe integers, null). Anyone can rebuild the signed bytes from the fields this way.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`a receipt holds integers only, not ${value}`);
    return String(value);
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, Canonical>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`a receipt holds no ${Array.isArray(value) ? 'array' : typeof value}`);
}

/** The bank's receipt keys: key id → Ed25519 private key (PKCS#8 DER, base64). */
export type ReceiptKeyRing = Readonly<Record<string, string>>;

export interface ReceiptSigner {
  keyId: string;
  privateKey: KeyObject;
}

export function receiptSigner(keys: ReceiptKeyRing, keyId: string): ReceiptSigner {
  const der = keys[keyId];
  if (!der) throw new Error(`no receipt key ${keyId}`);
  const privateKey = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`receipt key ${keyId} is ${privateKey.asymmetricKeyType}, not ed25519`);
  return { keyId, privateKey };
}

/** The public halves, by key id: what verifies a receipt (and what a bank may publish). */
export function receiptPublicKeys(keys: ReceiptKeyRing): Map<string, KeyObject> {
  return new Map(Object.keys(keys).map((keyId) => [keyId, createPublicKey(receiptSigner(keys, keyId).privateKey)]));
}

export interface SignedReceipt {
  fields: ReceiptFields;
  /** The canonical JSON of the fields: exactly the bytes (UTF-8) signed. */
  payload: string;
  /** Ed25519 over the payload, base64url (86 characters). */
  signature: string;
  code: string;
}

export function signReceipt(side: ReceiptSide, signer: ReceiptSigner): SignedReceipt {
  const fields = receiptFields(side, signer.keyId);
  const payload = canonicalJson(fields);
  const signature = sign(null, Buffer.from(payload, 'utf8'), signer.privateKey).toString('base64url');
  return { fields, payload, signature, code: receiptCode(signature) };
}

/** Characters of a verification code: 30^16 ≈ 2^78.5 values, with no 0/O, 1/I/L or U to misread. */
export const RECEIPT_CODE_LENGTH = 16;
const CODE_GROUP = 4;
/** Most characters a typed code may hold before it is cleaned (spaces, dashes). */
export const MAX_TYPED_CODE_LENGTH = 40;
export const RECEIPT_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}(-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}){3}$/;

/**
 * The verification code, e.g. `K7QM-4PX9-2HTR-8WDC`: a hash of the signature, so it is as
 * unpredictable as the signature (which needs the bank's private key) and the same every time the
 * receipt is shown under the same key. The bank finds the receipt by it; nothing about the
 * movement can be read from it.
 */
export function receiptCode(signature: string): string {
  let value = BigInt(`0x${createHash('sha256').update('jinlin-receipt-code-v1\u0000').update(Buffer.from(signature, 'base64url')).digest('hex')}`);
  const base = BigInt(REFERENCE_ALPHABET.length);
  let characters = '';
  for (let i = 0; i < RECEIPT_CODE_LENGTH; i++) {
    characters += REFERENCE_ALPHABET[Number(value % base)];
    value /= base;
  }
  return (characters.match(new RegExp(`.{${CODE_GROUP}}`, 'g')) as string[]).join('-');
}

/** A code as a person types it (lower case, spaces or dashes anywhere) in its printed form, or
 *  undefined when it cannot be one. */
export function normaliseReceiptCode(typed: string): string | undefined {
  if (typed.length > MAX_TYPED_CODE_LENGTH) return undefined;
  const characters = typed.toUpperCase().replace(/[\s-]/g, '');
  if (characters.length !== RECEIPT_CODE_LENGTH) return undefined;
  const code = (characters.match(new RegExp(`.{${CODE_GROUP}}`, 'g')) as string[]).join('-');
  return RECEIPT_CODE_PATTERN.test(code) ? code : undefined;
}

/** Most characters of a payload a verifier may send: a receipt's canonical form is far shorter. */
export const MAX_RECEIPT_PAYLOAD_LENGTH = 2_048;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

/**
 * Whether `signature` is the bank's over exactly `payload`: the payload must be canonical (one
 * byte changed, a space added, keys reordered — refused), name a key the bank holds, and carry
 * that key's valid Ed25519 signature. Returns the fields it certifies, or undefined.
 */
export function verifyReceipt(payload: string, signature: string, publicKeys: ReadonlyMap<string, KeyObject>): ReceiptFields | undefined {
  if (payload.length > MAX_RECEIPT_PAYLOAD_LENGTH || !SIGNATURE_PATTERN.test(signature)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  let canonical: string;
  try {
    canonical = canonicalJson(parsed);
  } catch {
    return undefined;
  }
  if (canonical !== payload) return undefined;
  const { keyId, version } = parsed as { keyId?: unknown; version?: unknown };
  const publicKey = typeof keyId === 'string' ? publicKeys.get(keyId) : undefined;
  if (!publicKey || version !== RECEIPT_VERSION) return undefined;
  const bytes = Buffer.from(signature, 'base64url');
  // base64url decodes leniently: a signature that does not re-encode to itself is not the one made.
  if (bytes.toString('base64url') !== signature) return undefined;
  return verify(null, Buffer.from(payload, 'utf8'), publicKey, bytes) ? (parsed as ReceiptFields) : undefined;
}
