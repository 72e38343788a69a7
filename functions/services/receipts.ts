// E-receipts (电子回单): the customer's signed receipt of one movement, computed on read from the
// journal, and its verification by anyone holding it — by the verification code, or by the
// signed payload and signature. No session is needed to verify; the answer is the figures the
// bank holds, masked as on the receipt, and never an internal id.
import type { KeyObject } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import { type EntryStatus, entryStatus } from '../domain/history.js';
import {
  normaliseReceiptCode,
  receiptCode,
  type ReceiptFields,
  receiptFields,
  receiptPublicKeys,
  type ReceiptSigner,
  receiptSigner,
  type SignedReceipt,
  signReceipt,
  verifyReceipt,
} from '../domain/receipt.js';
import { allInOrder } from '../platform/all-in-order.js';
import { secrets } from '../secrets.js';
import { getAccount } from '../store/accounts.js';
import { getCustomer } from '../store/customers.js';
import { followUps, getJournal } from '../store/ledger.js';
import { getReceiptCode, issueReceiptCode, type ReceiptCodeRecord } from '../store/receipts.js';
import { loadCustomer, loadOwnAccount } from './customer-guards.js';

// Parsed once per warm instance, as the secrets are read.
let keyRing: Promise<{ signer: ReceiptSigner; publicKeys: Map<string, KeyObject> }> | undefined;

function receiptKeys() {
  keyRing ??= secrets().then(({ receiptKeys: ring, receiptKeyId }) => ({ signer: receiptSigner(ring, receiptKeyId), publicKeys: receiptPublicKeys(ring) }));
  return keyRing;
}

export interface CustomerReceipt {
  receipt: SignedReceipt;
  status: EntryStatus;
}

/** The signed receipt of one of the customer's own movements (any other journal: 404); its
 *  verification code is stored on first opening, so the bank can find it by that code. */
export async function customerReceipt(customerId: string, journalId: string, now: Date): Promise<CustomerReceipt> {
  const [{ customer, account }, journal, later, { signer }] = await allInOrder([
    loadCustomer(customerId).then(async (found) => ({ customer: found, account: await loadOwnAccount(found) })),
    getJournal(journalId),
    followUps([journalId]),
    receiptKeys(),
  ]);
  const own = journal?.postings.find((posting) => posting.accountId === account.accountId);
  if (!journal || !own || !customer.nameMasked) return refuse('not_found', 'RECEIPT_NOT_FOUND', '未找到这笔交易的回单');
  const receipt = signReceipt({ journal, own, holderNameMasked: customer.nameMasked, accountNumberMasked: account.accountNumberMasked }, signer);
  await issueReceiptCode({ code: receipt.code, journalId, accountId: account.accountId, keyId: signer.keyId, issuedAt: now.toISOString() });
  return { receipt, status: entryStatus(journal.kind, later.get(journalId)?.kind) };
}

export type Verification = { genuine: false } | { genuine: true; receipt: ReceiptFields; status: EntryStatus };

const NOT_GENUINE: Verification = { genuine: false };

/** What a typed verification code names, as the bank holds it. */
export async function verifyByCode(typed: string): Promise<Verification> {
  const code = normaliseReceiptCode(typed);
  if (!code) return refuse('invalid', 'RECEIPT_CODE_INVALID', '验证码应为 16 位字母和数字');
  const held = await getReceiptCode(code);
  return held ? bankFigures(held) : NOT_GENUINE;
}

/** Whether the payload is a receipt the bank signed (one byte changed: not genuine), and then
 *  the figures the bank holds for it. */
export async function verifySigned(payload: string, signature: string): Promise<Verification> {
  const signed = verifyReceipt(payload, signature, (await receiptKeys()).publicKeys);
  if (!signed) return NOT_GENUINE;
  const held = await getReceiptCode(receiptCode(signature));
  return held?.journalId === signed.journalId ? bankFigures(held) : NOT_GENUINE;
}

async function bankFigures(held: ReceiptCodeRecord): Promise<Verification> {
  const [journal, account, later] = await allInOrder([getJournal(held.journalId), getAccount(held.accountId), followUps([held.journalId])]);
  const own = journal?.postings.find((posting) => posting.accountId === held.accountId);
  const customer = account && (await getCustomer(account.ownerCustomerId));
  if (!journal || !own || !account || !customer?.nameMasked) return NOT_GENUINE;
  return {
    genuine: true,
    receipt: receiptFields({ journal, own, holderNameMasked: customer.nameMasked, accountNumberMasked: account.accountNumberMasked }, held.keyId),
    status: entryStatus(journal.kind, later.get(held.journalId)?.kind),
  };
}
