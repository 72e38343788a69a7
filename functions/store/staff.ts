// Staff records (relationship managers and branch leads), their unique staff numbers, the WeChat
// identity each binds once, one-time binding codes (stored as hashes only) and branch membership.
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import { BINDING_CODE_HOURS, bindingCodeFrom, type StaffMember } from '../domain/rm/staff.js';
import { db } from './client.js';
import { cancellationCodes, isConditionFailed, withContentionRetry } from './errors.js';
import { keys } from './keys.js';

export interface StaffRecord extends StaffMember {
  createdAt: string;
  openid?: string;
  boundAt?: string;
  /** Hash of the binding code in force; removed once used. */
  bindingCodeHash?: string;
}

/** Most staff one branch lists (a branch has tens, not hundreds). */
export const MAX_BRANCH_STAFF = 200;

const hashBindingCode = (code: string) => createHash('sha256').update(`staff-binding:${code}`).digest('base64url');

export interface IssuedBindingCode {
  bindingCode: string;
  hash: string;
  expiresAt: string;
}

export function newBindingCode(now: Date): IssuedBindingCode {
  let bindingCode: string | undefined;
  while (!bindingCode) bindingCode = bindingCodeFrom(randomBytes(32));
  return { bindingCode, hash: hashBindingCode(bindingCode), expiresAt: new Date(now.getTime() + BINDING_CODE_HOURS * 3_600_000).toISOString() };
}

function bindingItem(staffId: string, code: IssuedBindingCode) {
  return {
    ...keys.staffBinding(code.hash),
    type: 'STAFF_BINDING',
    staffId,
    expiresAt: code.expiresAt,
    expiresAtEpoch: Math.floor(new Date(code.expiresAt).getTime() / 1000),
  };
}

export async function createStaff(
  input: Omit<StaffMember, 'staffId' | 'status'>,
  code: IssuedBindingCode,
  now: Date,
): Promise<StaffRecord> {
  const record: StaffRecord = {
    staffId: `S${randomUUID().replaceAll('-', '')}`,
    ...input,
    status: 'ACTIVE',
    createdAt: now.toISOString(),
    bindingCodeHash: code.hash,
  };
  const { doc, tableName } = db();
  try {
    await withContentionRetry(() =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...keys.staffNo(record.staffNo), type: 'STAFFNO', staffId: record.staffId }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: tableName, Item: { ...keys.staff(record.staffId), type: 'STAFF', ...record }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: tableName, Item: { ...keys.branchMember(record.branchId, record.staffId), type: 'BRANCH_MEMBER', staffId: record.staffId } } },
            { Put: { TableName: tableName, Item: bindingItem(record.staffId, code) } },
          ],
        }),
      ),
    );
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') refuse('conflict', 'STAFF_NO_IN_USE', '该工号已存在');
    throw error;
  }
  return record;
}

const fromItem = (item: Record<string, unknown>): StaffRecord => {
  const { PK: _pk, SK: _sk, type: _type, ...record } = item;
  return record as unknown as StaffRecord;
};

export async function getStaff(staffId: string): Promise<StaffRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.staff(staffId), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

/** Several staff records at once (missing ones left out), in no particular order. */
export async function getStaffMembers(staffIds: readonly string[]): Promise<StaffRecord[]> {
  const { doc, tableName } = db();
  const found: StaffRecord[] = [];
  const unique = [...new Set(staffIds)];
  for (let start = 0; start < unique.length; start += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [tableName]: { Keys: unique.slice(start, start + 100).map((id) => keys.staff(id)), ConsistentRead: true },
    };
    // Unprocessed keys come back under throttling: ask again, a bounded number of times.
    for (let attempt = 0; request && attempt < 5; attempt++) {
      const answer: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(answer.Responses?.[tableName] ?? []).map(fromItem));
      const left = answer.UnprocessedKeys?.[tableName];
      request = left?.Keys?.length ? { [tableName]: { Keys: left.Keys, ConsistentRead: true } } : undefined;
    }
    if (request) throw new Error('staff records still unprocessed after retries');
  }
  return found;
}

export async function branchStaff(branchId: string): Promise<{ members: StaffRecord[]; truncated: boolean }> {
  const { doc, tableName } = db();
  const { Items, LastEvaluatedKey } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.branchPartition(branchId), ':prefix': keys.branchMemberPrefix },
      Limit: MAX_BRANCH_STAFF,
    }),
  );
  const members = await getStaffMembers((Items ?? []).map((item) => String(item.staffId)));
  members.sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  return { members, truncated: LastEvaluatedKey !== undefined };
}

export async function staffIdByOpenid(openid: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.staffOpenid(openid), ConsistentRead: true }));
  return Item?.staffId as string | undefined;
}

/**
 * Binds a WeChat identity with a binding code, once: the code must be the one in force and not
 * expired, the staff member active and unbound, the identity bound to nobody else. All checked
 * by the one transaction that binds, so two binds with one code cannot both succeed.
 */
export async function bindWechat(bindingCode: string, openid: string, now: Date): Promise<StaffRecord> {
  const { doc, tableName } = db();
  const hash = hashBindingCode(bindingCode);
  const { Item: binding } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.staffBinding(hash), ConsistentRead: true }));
  const invalid = () => refuse('unprocessable', 'BINDING_CODE_INVALID', '绑定码无效或已过期，请联系管理员重新获取');
  if (!binding || String(binding.expiresAt) <= now.toISOString()) return invalid();
  const staffId = String(binding.staffId);
  try {
    await withContentionRetry(() =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...keys.staffOpenid(openid), type: 'STAFF_OPENID', staffId }, ConditionExpression: 'attribute_not_exists(PK)' } },
            {
              Update: {
                TableName: tableName,
                Key: keys.staff(staffId),
                UpdateExpression: 'SET openid = :openid, boundAt = :now REMOVE bindingCodeHash',
                ConditionExpression: 'bindingCodeHash = :hash AND attribute_not_exists(openid) AND #status = :active',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':openid': openid, ':now': now.toISOString(), ':hash': hash, ':active': 'ACTIVE' },
              },
            },
            { Delete: { TableName: tableName, Key: keys.staffBinding(hash), ConditionExpression: 'attribute_exists(PK)' } },
          ],
        }),
      ),
    );
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed') refuse('conflict', 'WECHAT_ALREADY_BOUND', '该微信已绑定员工身份');
    if (codes?.[1] === 'ConditionalCheckFailed' || codes?.[2] === 'ConditionalCheckFailed') return invalid();
    throw error;
  }
  return (await getStaff(staffId))!;
}

/** A new binding code for a staff member; the WeChat identity bound so far (if any) is unbound
 *  and the previous code stops working — e.g. the manager changed phone or WeChat account. */
export async function reissueBindingCode(staff: StaffRecord, code: IssuedBindingCode): Promise<void> {
  const { doc, tableName } = db();
  const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
    {
      Update: {
        TableName: tableName,
        Key: keys.staff(staff.staffId),
        UpdateExpression: 'SET bindingCodeHash = :hash REMOVE openid, boundAt',
        // Exactly the state that was read: a concurrent bind or reissue makes this one retry.
        ConditionExpression: `${staff.openid ? 'openid = :openid' : 'attribute_not_exists(openid)'} AND ${staff.bindingCodeHash ? 'bindingCodeHash = :old' : 'attribute_not_exists(bindingCodeHash)'}`,
        ExpressionAttributeValues: {
          ':hash': code.hash,
          ...(staff.openid ? { ':openid': staff.openid } : {}),
          ...(staff.bindingCodeHash ? { ':old': staff.bindingCodeHash } : {}),
        },
      },
    },
    { Put: { TableName: tableName, Item: bindingItem(staff.staffId, code) } },
  ];
  if (staff.openid) items.push({ Delete: { TableName: tableName, Key: keys.staffOpenid(staff.openid) } });
  if (staff.bindingCodeHash) items.push({ Delete: { TableName: tableName, Key: keys.staffBinding(staff.bindingCodeHash) } });
  try {
    await withContentionRetry(() => doc.send(new TransactWriteCommand({ TransactItems: items })));
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') refuse('conflict', 'STAFF_CHANGED', '员工信息已更新，请重试');
    throw error;
  }
}

export async function deactivateStaff(staffId: string, now: Date): Promise<void> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.staff(staffId),
        UpdateExpression: 'SET #status = :inactive, deactivatedAt = if_not_exists(deactivatedAt, :now)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inactive': 'INACTIVE', ':now': now.toISOString() },
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) refuse('not_found', 'STAFF_NOT_FOUND', '未找到该员工');
    throw error;
  }
}
