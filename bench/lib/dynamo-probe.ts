// Watches every DynamoDB call an in-process handler makes (a middleware on the store's client):
// which operation, how long it took, and for transactions which items it wrote. Used to
// attribute a money POST's time and to count its writes for the capacity model.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type TransactItemKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';

export interface ProbedCall {
  operation: string;
  ms: number;
  /** performance.now() when it was sent: calls a handler sends at once overlap. */
  startedAt: number;
  /** For single-item calls (GetItem, PutItem, UpdateItem, DeleteItem): the item's key. */
  key?: Record<string, string | undefined>;
  /** For TransactWriteItems: one entry per item, e.g. "Put JRNL#…/JOURNAL". */
  transactItems?: { kind: TransactItemKind; key: Record<string, string | undefined>; putBytes?: number }[];
  /** For TransactWriteItems: the items as sent (marshalled), to replay the same transaction. */
  transactInput?: unknown[];
  /** Items the call read: GetItem 1, BatchGetItem and TransactGetItems one per key. */
  itemsRead?: number;
}

type AttributeValue = { S?: string; N?: string; B?: Uint8Array; BOOL?: boolean; NULL?: boolean; M?: Record<string, AttributeValue>; L?: AttributeValue[]; SS?: string[]; NS?: string[] };

/** DynamoDB's item size rule: attribute names plus values (numbers ≈ 1 byte per 2 digits + 1). */
export function attributeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[-.]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.M !== undefined) return 3 + itemBytes(value.M);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + attributeBytes(v), 0);
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + n.length, 0);
  return 0;
}

/** Size of a marshalled item ({ name: { S: … } }) as DynamoDB counts it for capacity. */
export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + attributeBytes(value as AttributeValue), 0);
}

/** { PK: { S: 'CUST#1' } } → { PK: 'CUST#1' }. */
export const plainKey = (key: Record<string, { S?: string; N?: string }>): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(key).map(([k, v]) => [k, v.S ?? v.N]));

export function probeClient(client: Pick<DynamoDBClient, 'middlewareStack'>): { calls: ProbedCall[]; reset(): void } {
  const calls: ProbedCall[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        const call: ProbedCall = { operation, ms: performance.now() - started, startedAt: started };
        const input = args.input as {
          TransactItems?: Record<string, { Item?: Record<string, AttributeValue>; Key?: Record<string, AttributeValue> }>[];
          RequestItems?: Record<string, { Keys?: unknown[] }>;
          Key?: Record<string, AttributeValue>;
          Item?: Record<string, AttributeValue>;
        };
        if (operation === 'GetItem') call.itemsRead = 1;
        if (operation === 'BatchGetItem') call.itemsRead = Object.values(input.RequestItems ?? {}).reduce((sum, table) => sum + (table.Keys?.length ?? 0), 0);
        if (operation === 'TransactGetItems') call.itemsRead = input.TransactItems?.length ?? 0;
        if (input.Key) call.key = plainKey(input.Key);
        else if (input.Item?.PK && input.Item.SK) call.key = plainKey({ PK: input.Item.PK, SK: input.Item.SK });
        if (operation === 'TransactWriteItems' && input.TransactItems) {
          call.transactInput = structuredClone(input.TransactItems);
          call.transactItems = input.TransactItems.map((entry) => {
            const [kind, body] = Object.entries(entry)[0]!;
            const key: Record<string, AttributeValue> = body.Item ? { PK: body.Item.PK!, SK: body.Item.SK! } : body.Key!;
            return {
              kind: kind as TransactItemKind,
              key: plainKey(key),
              ...(body.Item ? { putBytes: itemBytes(body.Item) } : {}),
            };
          });
        }
        calls.push(call);
      }
    },
    { step: 'build', name: 'jinlinBenchProbe', override: true },
  );
  return { calls, reset: () => calls.splice(0) };
}

/** Time with at least one call out: the union of the calls' intervals. */
export function dynamoWallMs(calls: ProbedCall[]): number {
  let total = 0;
  let outUntil = -Infinity;
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const end = call.startedAt + call.ms;
    if (end > outUntil) total += end - Math.max(call.startedAt, outUntil);
    outUntil = Math.max(outUntil, end);
  }
  return total;
}

/** Round trips one after the other: a call sent while earlier ones were still out shares their
 *  round trip. */
export function roundTrips(calls: ProbedCall[]): number {
  let trips = 0;
  let outUntil = -Infinity;
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    if (call.startedAt >= outUntil) trips++;
    outUntil = Math.max(outUntil, call.startedAt + call.ms);
  }
  return trips;
}
