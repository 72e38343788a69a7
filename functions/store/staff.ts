// Staff records (relationship managers and branch leads), their unique staff numbers, the WeChat
// identity each binds once, one-time binding codes (stored as hashes only) and branch membership.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomUUID } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import { BINDING_CODE_HOURS, bindingCodeFrom, type StaffMember } from '../domain/rm/staff.js';
import { batchGetItems } from './batch-get.js';
import { db } from './client.js';
import { randomCode } from './crypto.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { type TransactItems, transactWrite } from './transact.js';

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

/** Random bytes for one binding code with rejection sampling (12 characters use far fewer). */
const BINDING_CODE_RANDOM_BYTES = 32;

export function newBindingCode(now: Date): IssuedBindingCode {
  const bindingCode = randomCode(bindingCodeFrom, BINDING_CODE_RANDOM_BYTES);
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

export const newStaffId = () => `S${randomUUID().replaceAll('-', '')}`;

/** Creates a staff record under the id it is given, with its staff number, branch membership and
 *  directory entry and, when given, a binding code; undefined when the staff number is taken
 *  (the caller tells a repeat of its own creation from a clash with staffIdByStaffNo). */
export async function insertStaff(
  input: Omit<StaffMember, 'status'>,
  code: IssuedBindingCode | undefined,
  now: Date,
): Promise<StaffRecord | undefined> {
  const record: StaffRecord = { ...input, status: 'ACTIVE', createdAt: now.toISOString(), ...(code ? { bindingCodeHash: code.hash } : {}) };
  const { tableName } = db();
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: { ...keys.staffNo(record.staffNo), type: 'STAFFNO', staffId: record.staffId }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...keys.staff(record.staffId), type: 'STAFF', ...record }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...keys.branchMember(record.branchId, record.staffId), type: 'BRANCH_MEMBER', staffId: record.staffId } } },
    { Put: { TableName: tableName, Item: staffDirectoryItem(record) } },
    ...(code ? [{ Put: { TableName: tableName, Item: bindingItem(record.staffId, code) } }] : []),
  ]);
  if (refusedAt === 0) return undefined;
  if (refusedAt !== undefined) throw new Error(`staff id ${record.staffId} already taken`);
  return record;
}

/** The console's directory entry of a staff member (written with the record). */
export const staffDirectoryItem = (staff: Pick<StaffMember, 'staffId' | 'staffNo'>) => ({
  ...keys.staffDirectory(staff.staffNo),
  type: 'STAFF_DIRECTORY',
  staffId: staff.staffId,
});

export async function staffIdByStaffNo(staffNo: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.staffNo(staffNo), ConsistentRead: true }));
  return Item?.staffId as string | undefined;
}

/** Cursors are the last directory entry's sort key, base64url: `STAFF#<staffNo>`. */
const DIRECTORY_SORT_KEY = /^STAFF#[A-Za-z0-9]{3,20}$/;

/** What the console's staff list is narrowed to. */
export interface StaffFilters {
  /** Part of a staff number or a name. */
  q?: string;
  branchId?: string;
  role?: StaffRecord['role'];
  status?: StaffRecord['status'];
}

const matches = (member: StaffRecord, { q, branchId, role, status }: StaffFilters) =>
  (!q || member.staffNo.toLowerCase().includes(q.toLowerCase()) || member.name.includes(q)) &&
  (!branchId || member.branchId === branchId) &&
  (!role || member.role === role) &&
  (!status || member.status === status);

/** Directory entries a filtered page reads (one BatchGetItem's worth): the matches among them
 *  fill the page, and the cursor goes on after the last one shown. */
const FILTERED_PAGE_READ = 100;

const cursorAfter = (sortKey: string) => Buffer.from(sortKey).toString('base64url');

/** A page of the staff by staff number, narrowed by `filters`: one Query of the directory and one
 *  batch read, never a Scan. The filters apply to the records read (so they hold for staff created
 *  before the directory carried anything but the id); a filtered page reads up to
 *  FILTERED_PAGE_READ entries, so it may be shorter than `limit` while the cursor goes on. */
export async function staffDirectoryPage(limit: number, cursor: string | undefined, filters: StaffFilters = {}): Promise<{ members: StaffRecord[]; nextCursor: string | undefined }> {
  const { doc, tableName } = db();
  const after = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
  if (after !== undefined && !DIRECTORY_SORT_KEY.test(after)) refuse('invalid', 'CURSOR_INVALID', '分页参数无效');
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const { Items, LastEvaluatedKey } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.staffDirectoryPartition },
      Limit: filtered ? Math.max(limit, FILTERED_PAGE_READ) : limit,
      ...(after ? { ExclusiveStartKey: { PK: keys.staffDirectoryPartition, SK: after } } : {}),
    }),
  );
  const members = (await getStaffMembers((Items ?? []).map((item) => String(item.staffId)))).filter((member) => matches(member, filters));
  members.sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  if (members.length > limit) {
    const shown = members.slice(0, limit);
    return { members: shown, nextCursor: cursorAfter(keys.staffDirectory(shown.at(-1)!.staffNo).SK) };
  }
  return { members, nextCursor: LastEvaluatedKey ? cursorAfter(String(LastEvaluatedKey.SK)) : undefined };
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
  return (await batchGetItems([...new Set(staffIds)].map((id) => keys.staff(id)))).map(fromItem);
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
  const refusedAt = await transactWrite([
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
  ]);
  if (refusedAt === 0) refuse('conflict', 'WECHAT_ALREADY_BOUND', '该微信已绑定员工身份');
  if (refusedAt !== undefined) return invalid();
  return (await getStaff(staffId))!;
}

/** The writes of a new binding code for a staff member, for one transaction (with its audit
 *  entry): the WeChat identity bound so far (if any) is unbound and the previous code stops
 *  working — e.g. the manager changed phone or WeChat account. Only the first item (the staff
 *  record) is conditional: exactly the state that was read, so a concurrent bind or reissue
 *  refuses it. */
export function bindingCodeItems(staff: StaffRecord, code: IssuedBindingCode): TransactItems {
  const { tableName } = db();
  const items: TransactItems = [
    {
      Update: {
        TableName: tableName,
        Key: keys.staff(staff.staffId),
        UpdateExpression: 'SET bindingCodeHash = :hash REMOVE openid, boundAt',
        ConditionExpression: `#status = :active AND ${staff.openid ? 'openid = :openid' : 'attribute_not_exists(openid)'} AND ${staff.bindingCodeHash ? 'bindingCodeHash = :old' : 'attribute_not_exists(bindingCodeHash)'}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':hash': code.hash,
          ':active': 'ACTIVE',
          ...(staff.openid ? { ':openid': staff.openid } : {}),
          ...(staff.bindingCodeHash ? { ':old': staff.bindingCodeHash } : {}),
        },
      },
    },
    { Put: { TableName: tableName, Item: bindingItem(staff.staffId, code) } },
  ];
  if (staff.openid) items.push({ Delete: { TableName: tableName, Key: keys.staffOpenid(staff.openid) } });
  if (staff.bindingCodeHash) items.push({ Delete: { TableName: tableName, Key: keys.staffBinding(staff.bindingCodeHash) } });
  return items;
}

/** An update of an existing staff member; returns the record as it now is (404 when there is none). */
async function updateExistingStaff(staffId: string, update: { UpdateExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> }): Promise<StaffRecord> {
  const { doc, tableName } = db();
  try {
    const { Attributes } = await doc.send(
      new UpdateCommand({ TableName: tableName, Key: keys.staff(staffId), ConditionExpression: 'attribute_exists(PK)', ReturnValues: 'ALL_NEW', ...update }),
    );
    return fromItem(Attributes!);
  } catch (error) {
    if (isConditionFailed(error)) refuse('not_found', 'STAFF_NOT_FOUND', '未找到该员工');
    throw error;
  }
}

/** The work phone customers see on the manager's card. */
export const setStaffWorkPhone = (staffId: string, workPhone: string) =>
  updateExistingStaff(staffId, { UpdateExpression: 'SET workPhone = :workPhone', ExpressionAttributeValues: { ':workPhone': workPhone } });

/** Deactivates a staff member (again: keeps the first time). */
export const deactivateStaff = (staffId: string, now: Date) =>
  updateExistingStaff(staffId, {
    UpdateExpression: 'SET #status = :inactive, deactivatedAt = if_not_exists(deactivatedAt, :now)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':inactive': 'INACTIVE', ':now': now.toISOString() },
  });
