// Maker-checker (四眼复核): the workflow every console change that alters what customers are
// offered or what money does goes through. A maker submits (PENDING, the entity locked to this one
// change); another operator with the kind's permission approves (APPROVED) or rejects with a note
// (REJECTED); the maker may withdraw while it waits (WITHDRAWN). An approved change takes effect
// (EFFECTIVE) at its time: at once when approved after it, else by the scheduler
// (jobs/apply-changes.ts, every minute). Each step is an entry of the audit log, recorded after the
// step's write and before its answer. The rules are domain/change-requests.ts's; each kind's
// effect is its handler's (services/change-kinds.ts).
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../domain/audit-chain.js';
import {
  type ChangeKind,
  type ChangeParty,
  type ChangeRequest,
  type ChangeStatus,
  changeDiff,
  checkDecision,
  checkSubmission,
  checkWithdrawal,
  DECISION_NOTE_MAX_LENGTH,
  type DiffLine,
  effectiveTime,
  isDue,
  type JsonObject,
} from '../domain/change-requests.js';
import { Refusal, refuse } from '../domain/errors.js';
import { logger } from '../platform/logger.js';
import * as store from '../store/change-requests.js';
import type { TransactItem } from '../store/transact.js';
import { recordAudit } from './audit.js';
import { CHANGE_KIND_HANDLERS } from './change-kinds.js';
import type { ConsoleOperator } from './operators.js';

/** Due changes one scheduler run applies; the next run, a minute later, takes the rest. */
const DUE_CHANGES_PER_RUN = 25;
/** Longer than any change takes to apply (a few writes), short enough that a change whose applier
 *  died is retried within minutes. */
const APPLY_LEASE_MS = 60_000;
/** Who applies a change whose time came after its approval. */
const SCHEDULER: AuditActor = { kind: 'system', id: 'change-scheduler' };

export interface NewChange {
  kind: ChangeKind;
  entityId: string;
  entityLabel: string;
  before: JsonObject | null;
  after: JsonObject;
  /** ISO time; now when absent or past. */
  effectiveAt?: string;
  maker: ConsoleOperator;
  now: Date;
  /** Records written in the submitting transaction that name the new change (its id is made
   *  here). */
  alongside?: (change: ChangeRequest) => TransactItem[];
}

const party = ({ operatorId, login, displayName }: ConsoleOperator): ChangeParty => ({ operatorId, login, displayName });
const actorOf = (operator: ConsoleOperator): AuditActor => ({ kind: 'operator', id: operator.operatorId });
const targetOf = (change: ChangeRequest) => ({ kind: 'change', id: change.changeId });
const changePending = () => refuse('conflict', 'CHANGE_PENDING', '该对象已有待复核的变更');
const changeMoved = () => refuse('conflict', 'CHANGE_NOT_PENDING', '该变更已处理，请刷新后查看');

async function loadChange(changeId: string): Promise<ChangeRequest> {
  return (await store.getChange(changeId)) ?? refuse('not_found', 'CHANGE_NOT_FOUND', '未找到该变更');
}

/** A new PENDING change, refused while another change to the same entity waits or is approved
 *  and not yet effective. */
export async function submitChange(input: NewChange): Promise<ChangeRequest> {
  const { kind, entityId, before, after, maker, now } = input;
  checkSubmission(input);
  const change: ChangeRequest = {
    changeId: `C${randomUUID().replaceAll('-', '')}`,
    kind,
    entityId,
    entityLabel: input.entityLabel.trim(),
    status: 'PENDING',
    before,
    after,
    maker: party(maker),
    submittedAt: now.toISOString(),
    effectiveAt: effectiveTime(input.effectiveAt, now),
  };
  if (!(await store.insertChange(change, input.alongside?.(change)))) changePending();
  await recordAudit({ actor: actorOf(maker), action: 'change.submit', target: targetOf(change), before, after: { kind, entityId, effectiveAt: change.effectiveAt, after } }, now);
  return change;
}

/** Approves a pending change (not the maker's own; with the kind's permission) and, when its time
 *  has come, applies it before answering. */
export async function approveChange(changeId: string, checker: ConsoleOperator, note: string | undefined, now: Date): Promise<ChangeRequest> {
  const change = await loadChange(changeId);
  checkDecision(change, checker, 'approve', note, CHANGE_KIND_HANDLERS[change.kind].permissionToApprove);
  const decisionNote = note?.trim() || undefined;
  const approved: ChangeRequest = { ...change, status: 'APPROVED', checker: party(checker), decidedAt: now.toISOString(), ...(decisionNote ? { decisionNote } : {}) };
  if (!(await store.moveChange(change, approved, 'keep'))) changeMoved();
  await recordDecision(approved, checker, now);
  if (!isDue(approved, now)) return approved;
  try {
    if (!(await store.claimChange(changeId, now, APPLY_LEASE_MS))) return await loadChange(changeId);
    return await applyChange(approved, actorOf(checker), now);
  } catch (error) {
    // Approved and due: the scheduler's next run applies it; the approval itself stands.
    logger.error('approved change not applied yet', { changeId, error: error instanceof Error ? error.message : String(error) });
    return approved;
  }
}

/** Rejects a pending change, with the checker's reason. */
export async function rejectChange(changeId: string, checker: ConsoleOperator, note: string, now: Date): Promise<ChangeRequest> {
  const change = await loadChange(changeId);
  checkDecision(change, checker, 'reject', note, CHANGE_KIND_HANDLERS[change.kind].permissionToApprove);
  const rejected: ChangeRequest = { ...change, status: 'REJECTED', checker: party(checker), decidedAt: now.toISOString(), decisionNote: note.trim() };
  if (!(await store.moveChange(change, rejected, 'release'))) changeMoved();
  await recordDecision(rejected, checker, now);
  return rejected;
}

/** The maker takes back their own pending change. */
export async function withdrawChange(changeId: string, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const change = await loadChange(changeId);
  checkWithdrawal(change, maker.operatorId);
  const withdrawn: ChangeRequest = { ...change, status: 'WITHDRAWN', decidedAt: now.toISOString() };
  if (!(await store.moveChange(change, withdrawn, 'release'))) changeMoved();
  await recordAudit({ actor: actorOf(maker), action: 'change.withdraw', target: targetOf(change), before: { status: 'PENDING' }, after: { status: 'WITHDRAWN' } }, now);
  return withdrawn;
}

function recordDecision(change: ChangeRequest, checker: ConsoleOperator, now: Date) {
  const action = change.status === 'APPROVED' ? 'change.approve' : 'change.reject';
  const after = { status: change.status, effectiveAt: change.effectiveAt, ...(change.decisionNote ? { note: change.decisionNote } : {}) };
  return recordAudit({ actor: actorOf(checker), action, target: targetOf(change), before: { status: 'PENDING' }, after }, now);
}

/** Makes an approved change true through its kind's handler, then marks it EFFECTIVE and frees its
 *  entity. A concurrent applier (the handler is idempotent) may mark it first: then its record is
 *  the answer. */
async function applyChange(change: ChangeRequest, actor: AuditActor, now: Date): Promise<ChangeRequest> {
  try {
    await CHANGE_KIND_HANDLERS[change.kind].apply(change, now);
  } catch (error) {
    // The rules refuse it now: retried every minute it would hold its entity's lock for ever. It
    // ends FAILED, saying why, and the entity is free for a new change. Anything else (the table
    // unreachable) is retried.
    if (error instanceof Refusal) return failChange(change, error.userMessage, actor, now);
    throw error;
  }
  const effective: ChangeRequest = { ...change, status: 'EFFECTIVE', appliedAt: now.toISOString() };
  if (!(await store.moveChange(change, effective, 'release'))) return loadChange(change.changeId);
  await recordAudit({ actor, action: 'change.apply', target: targetOf(change), before: change.before, after: change.after }, now);
  return effective;
}

async function failChange(change: ChangeRequest, failure: string, actor: AuditActor, now: Date): Promise<ChangeRequest> {
  const failed: ChangeRequest = { ...change, status: 'FAILED', failedAt: now.toISOString(), failure: failure.slice(0, DECISION_NOTE_MAX_LENGTH) };
  if (!(await store.moveChange(change, failed, 'release'))) return loadChange(change.changeId);
  logger.warn('approved change refused when applied', { changeId: change.changeId, failure });
  await recordAudit({ actor, action: 'change.fail', target: targetOf(change), before: { status: 'APPROVED' }, after: { status: 'FAILED', failure } }, now);
  return failed;
}

/** The scheduler's run: applies the approved changes whose time has come, oldest first, up to
 *  DUE_CHANGES_PER_RUN. A change that fails stays approved and due, for the next run. */
export async function applyDueChanges(now: Date): Promise<{ applied: number; failed: number }> {
  let applied = 0;
  let failed = 0;
  for (const changeId of await store.dueChangeIds(now, DUE_CHANGES_PER_RUN)) {
    try {
      const change = await store.getChange(changeId);
      if (!change || !isDue(change, now) || !(await store.claimChange(changeId, now, APPLY_LEASE_MS))) continue;
      if ((await applyChange(change, SCHEDULER, now)).status === 'FAILED') failed++;
      else applied++;
    } catch (error) {
      failed++;
      logger.error('change not applied', { changeId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { applied, failed };
}

export type ChangeDetail = ChangeRequest & { diff: DiffLine[] };

export async function changeWithDiff(changeId: string): Promise<ChangeDetail> {
  const change = await loadChange(changeId);
  return { ...change, diff: changeDiff(change.before, change.after) };
}

export function listChanges(query: { status?: ChangeStatus; kind?: ChangeKind; limit: number; cursor?: string }) {
  return store.listChanges({ status: query.status, kind: query.kind }, query.limit, query.cursor);
}

/** The change holding each entity (a pending one, or approved and not yet effective). */
export async function pendingChangeIds(entityIds: readonly string[]): Promise<Map<string, string>> {
  return store.lockHolders(entityIds);
}

/** The change holding the entity, if any. */
export async function pendingChangeOf(entityId: string): Promise<ChangeRequest | undefined> {
  const changeId = (await store.lockHolders([entityId])).get(entityId);
  return changeId === undefined ? undefined : store.getChange(changeId);
}
