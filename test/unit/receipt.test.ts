// The e-receipt's rules (domain/receipt.ts): its fields from the customer's posting, the canonical
// form that is signed, the Ed25519 signature under a key id, the verification code, and that a
// receipt changed by one byte — the amount, the signature, any byte of the payload — fails.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { REFERENCE_ALPHABET } from '../../functions/domain/history.js';
import { transferJournal, topUpJournal } from '../../functions/domain/ledger.js';
import {
  canonicalJson,
  normaliseReceiptCode,
  RECEIPT_CODE_LENGTH,
  RECEIPT_CODE_PATTERN,
  receiptCode,
  receiptFields,
  receiptPublicKeys,
  receiptSigner,
  signReceipt,
  verifyReceipt,
} from '../../functions/domain/receipt.js';

const newKey = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const ring = { '2026-01': newKey(), '2027-01': newKey() };
const signer = receiptSigner(ring, '2026-01');
const publicKeys = receiptPublicKeys(ring);

const transfer = transferJournal({
  journalId: 'J' + 'a'.repeat(26),
  from: { accountId: 'A-FROM', displayName: '张*' },
  to: { accountId: 'A-TO', displayName: '陈*' },
  amountFen: 12_345,
  memo: undefined,
  createdAt: '2026-12-06T08:30:00.000Z',
});
const payerSide = { journal: transfer, own: transfer.postings[0]!, holderNameMasked: '张*', accountNumberMasked: '6236 **** **** 0012' };

describe('the receipt\'s fields', () => {
  test('the payer\'s receipt of a transfer: money out, unsigned amount in figures and capitals, both parties masked', () => {
    const fields = receiptFields(payerSide, '2026-01');
    assert.equal(fields.direction, 'OUT');
    assert.equal(fields.amountFen, 12_345);
    assert.equal(fields.amountWords, '人民币壹佰贰拾叁元肆角伍分');
    assert.deepEqual(fields.payer, { name: '张*', account: '6236 **** **** 0012' });
    assert.deepEqual(fields.payee, { name: '陈*', account: null });
    assert.equal(fields.kindLabel, '转账');
    assert.match(fields.reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(fields.keyId, '2026-01');
  });

  test('the payee\'s receipt of the same transfer: money in, the sides swapped', () => {
    const fields = receiptFields({ journal: transfer, own: transfer.postings[1]!, holderNameMasked: '陈*', accountNumberMasked: '6236 **** **** 0099' }, '2026-01');
    assert.equal(fields.direction, 'IN');
    assert.deepEqual(fields.payer, { name: '张*', account: null });
    assert.deepEqual(fields.payee, { name: '陈*', account: '6236 **** **** 0099' });
  });

  test('a top-up comes from the customer\'s own card', () => {
    const topUp = topUpJournal({ journalId: 'J' + 'b'.repeat(26), customerAccountId: 'A-1', houseShardAccountId: 'HOUSE-CARD-00', amountFen: 100_000, cardMasked: '**** **** **** 4321', createdAt: '2026-12-06T08:00:00.000Z' });
    const fields = receiptFields({ journal: topUp, own: topUp.postings[0]!, holderNameMasked: '林*', accountNumberMasked: '6236 **** **** 0001' }, 'k');
    assert.deepEqual(fields.payer, { name: '林*', account: '**** **** **** 4321' });
    assert.deepEqual(fields.payee, { name: '林*', account: '6236 **** **** 0001' });
    assert.equal(fields.amountWords, '人民币壹仟元整');
  });
});

describe('the canonical form', () => {
  test('keys in code-point order at every level, no whitespace, strings as JSON escapes them', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: null, c: '张 "x"\n' }, A: -2 }), '{"A":-2,"a":{"c":"张 \\"x\\"\\n","d":null},"b":1}');
  });

  test('the same fields in any order serialise the same', () => {
    const fields = receiptFields(payerSide, '2026-01');
    const reversed = Object.fromEntries(Object.entries(fields).reverse());
    assert.equal(canonicalJson(reversed), canonicalJson(fields));
  });

  test('holds no floats, arrays or other values a second implementation could write differently', () => {
    for (const bad of [{ a: 1.5 }, { a: [1] }, { a: true }, { a: undefined }, { a: 2 ** 53 }]) assert.throws(() => canonicalJson(bad), TypeError, JSON.stringify(bad));
  });
});

describe('the signature and the verification code', () => {
  const signed = signReceipt(payerSide, signer);

  test('verifies under the key it names, and gives back the fields', () => {
    assert.equal(signed.payload, canonicalJson(signed.fields));
    assert.match(signed.signature, /^[A-Za-z0-9_-]{86}$/);
    assert.deepEqual(verifyReceipt(signed.payload, signed.signature, publicKeys), signed.fields);
  });

  test('is the same every time (Ed25519 is deterministic), so the code is too', () => {
    const again = signReceipt(payerSide, signer);
    assert.equal(again.signature, signed.signature);
    assert.equal(again.code, signed.code);
  });

  test('a receipt with the amount altered fails', () => {
    const altered = canonicalJson({ ...signed.fields, amountFen: signed.fields.amountFen + 1 });
    assert.equal(verifyReceipt(altered, signed.signature, publicKeys), undefined);
    const capitals = canonicalJson({ ...signed.fields, amountWords: '人民币壹仟贰佰叁拾肆元伍角整' });
    assert.equal(verifyReceipt(capitals, signed.signature, publicKeys), undefined);
  });

  test('any one character of the signature altered fails', () => {
    const sig = signed.signature;
    for (let i = 0; i < sig.length; i++) {
      const other = sig[i] === 'A' ? 'B' : 'A';
      assert.equal(verifyReceipt(signed.payload, sig.slice(0, i) + other + sig.slice(i + 1), publicKeys), undefined, `signature character ${i}`);
    }
  });

  test('any one byte of the payload altered fails', () => {
    const bytes = Buffer.from(signed.payload, 'utf8');
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] = altered[i]! ^ 0x01;
      assert.equal(verifyReceipt(altered.toString('utf8'), signed.signature, publicKeys), undefined, `payload byte ${i}`);
    }
  });

  test('a payload that is not canonical fails, even with the same fields', () => {
    assert.equal(verifyReceipt(JSON.stringify(signed.fields, null, 1), signed.signature, publicKeys), undefined);
    assert.equal(verifyReceipt(`${signed.payload} `, signed.signature, publicKeys), undefined);
  });

  test('another key\'s signature, a key the bank does not hold, or a receipt naming another key fail', () => {
    const other = signReceipt(payerSide, receiptSigner(ring, '2027-01'));
    assert.ok(verifyReceipt(other.payload, other.signature, publicKeys), 'the second key verifies its own receipts');
    assert.equal(verifyReceipt(signed.payload, other.signature, publicKeys), undefined);
    assert.equal(verifyReceipt(other.payload, signed.signature, publicKeys), undefined);
    assert.equal(verifyReceipt(signed.payload, signed.signature, receiptPublicKeys({ '2026-01': newKey() })), undefined);
    assert.equal(verifyReceipt(signed.payload, signed.signature, new Map()), undefined);
  });

  test('the code: 16 characters a person can read out, in four groups, about 78 bits', () => {
    assert.match(signed.code, RECEIPT_CODE_PATTERN);
    assert.ok(RECEIPT_CODE_LENGTH * Math.log2(REFERENCE_ALPHABET.length) > 78);
    assert.notEqual(receiptCode(signReceipt({ ...payerSide, holderNameMasked: '李*' }, signer).signature), signed.code);
  });

  test('a typed code is read whatever its case, spaces and dashes; anything else is not a code', () => {
    assert.equal(normaliseReceiptCode(signed.code.toLowerCase().replaceAll('-', ' ')), signed.code);
    assert.equal(normaliseReceiptCode(signed.code.replaceAll('-', '')), signed.code);
    for (const bad of ['', 'ABCD', `${signed.code}A`, signed.code.replace(/^./, '0'), 'O'.repeat(16), `${' '.repeat(30)}${signed.code}`]) {
      assert.equal(normaliseReceiptCode(bad), undefined, bad);
    }
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (typed) => {
      const code = normaliseReceiptCode(typed);
      return code === undefined || RECEIPT_CODE_PATTERN.test(code);
    }));
  });
});
