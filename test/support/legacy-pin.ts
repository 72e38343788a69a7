// Tools for the PIN-hash tests: a legacy scrypt hash (`scrypt$N$salt$hash`, exactly as the app
// stored PINs before keyed hashes, functions/store/pin-hash.ts), the stored customer item, and
// the process's output while a test runs (to prove no log line holds a PIN).
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import assert from 'node:assert/strict';
import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { logger } from '../../functions/platform/logger.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';

const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

export async function legacyScryptHash(pin: string, N = 2 ** 15): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(pin, salt, 32, { N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${salt.toString('base64')}$${derived.toString('base64')}`;
}

/** Overwrites a customer's stored PIN hash, as a table written before keyed hashes holds it. */
export async function storePinHash(customerId: string, pinHash: string): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.customer(customerId),
      UpdateExpression: 'SET pinHash = :h',
      ConditionExpression: 'attribute_exists(pinHash)',
      ExpressionAttributeValues: { ':h': pinHash },
    }),
  );
}

/** The customer's item exactly as stored. */
export async function storedCustomer(customerId: string): Promise<Record<string, any>> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.customer(customerId), ConsistentRead: true }));
  assert.ok(Item, `customer ${customerId} is stored`);
  return Item;
}

/** Everything the process writes to stdout/stderr while `run` runs, with the logger at DEBUG. */
export async function capturingLogs<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const level = logger.getLevelName();
  const tap =
    (stream: NodeJS.WriteStream, original: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    };
  logger.setLogLevel('DEBUG');
  process.stdout.write = tap(process.stdout, writes.out) as typeof process.stdout.write;
  process.stderr.write = tap(process.stderr, writes.err) as typeof process.stderr.write;
  try {
    return { result: await run(), output: chunks.join('') };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    logger.setLogLevel(level);
  }
}

/** The PIN as a token of its own (not inside a longer run of letters or digits). */
export const inClear = (pin: string) => new RegExp(`(?<![0-9A-Za-z])${pin}(?![0-9A-Za-z])`);
