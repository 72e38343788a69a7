// Operator management (运营人员管理) for administrators, and a new operator's own activation.
// A new operator, a change of roles and a deactivation are maker-checker changes another
// administrator approves (services/change-kinds/operators.ts applies them). Unlocking, resetting a
// lost authenticator and issuing an activation code are direct, each written in one transaction
// with its audit entry. Nobody but the operator ever knows their credentials: an administrator
// hands over a one-time activation code (shown once, 72 hours, single use), and with it the
// operator chooses their password and enrols their own authenticator — what a bank does instead
// of mailing an initial password, which the administrator would know and the operator would
// keep. An administrator never acts on their own account, and no change leaves fewer than two
// active administrators, so four eyes on operators stays possible.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AuditActor, AuditTarget } from '../domain/audit-chain.js';
import type { ChangeRequest } from '../domain/change-requests.js';
import { refuse } from '../domain/errors.js';
import {
  ACTIVATION_CODE_HOURS,
  ACTIVATION_ENROLMENT_MINUTES,
  checkNewPassword,
  checkNotSelf,
  checkRoles,
  operatorEntityId,
  operatorLoginEntityId,
} from '../domain/operator-admin.js';
import { OPERATOR_MAX_FAILED_ATTEMPTS, OPERATOR_ROLES, type OperatorRole, type OperatorStatus } from '../domain/operator-roles.js';
import { base32Decode, base32Encode, otpauthUri, TOTP_SECRET_BYTES, verifyTotp } from '../domain/totp.js';
import { allInOrder } from '../platform/all-in-order.js';
import { hashPassword } from '../platform/password-hash.js';
import { decrypt, encrypt } from '../store/crypto.js';
import * as store from '../store/operators.js';
import { recordAudit, recordAuditWith } from './audit.js';
import { pendingChangeIds, submitChange } from './change-requests.js';
import { checkAdminLeaving } from './change-kinds/operators.js';
import { type ConsoleOperator, TOTP_ISSUER } from './operators.js';

const ACTIVATION_CODE_BYTES = 10;
const ENROLMENT_ID_BYTES = 32;

const operatorParty = (operatorId: string): AuditActor & AuditTarget => ({ kind: 'operator', id: operatorId });
const notFound = () => refuse('not_found', 'OPERATOR_NOT_FOUND', '未找到该操作员');
const activationFailed = () => refuse('unauthenticated', 'ACTIVATION_FAILED', '登录名或激活码错误');
const activationExpired = () => refuse('unauthenticated', 'ACTIVATION_EXPIRED', '激活码已失效，请联系管理员重新生成');
const hoursAfter = (now: Date, hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
const hashOf = (purpose: string, value: string) => createHash('sha256').update(`${purpose}:${value}`).digest('base64url');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
/** Roles in the order of OPERATOR_ROLES, so two lists of the same roles compare equal. */
const ordered = (roles: readonly OperatorRole[]) => OPERATOR_ROLES.filter((role) => roles.includes(role));

async function loadOperator(operatorId: string): Promise<store.OperatorRecord> {
  return (await store.getOperator(operatorId)) ?? notFound();
}

const isLocked = (operator: store.OperatorRecord, now: Date) => operator.lockedUntil !== undefined && operator.lockedUntil > now.toISOString();

export interface OperatorSummary {
  operator: store.OperatorRecord;
  locked: boolean;
  pendingChangeId?: string;
}

/** A page of the directory, each operator as their record says now, with the change waiting on them. */
export async function listOperators(query: store.DirectoryQuery, limit: number, cursor: string | undefined, now: Date): Promise<{ operators: OperatorSummary[]; nextCursor?: string }> {
  const { entries, nextCursor } = await store.listDirectory(query, limit, cursor);
  const ids = entries.map((entry) => entry.operatorId);
  const [records, pending] = await allInOrder([store.getOperators(ids), pendingChangeIds(ids.map(operatorEntityId))]);
  const byId = new Map(records.map((record) => [record.operatorId, record]));
  const operators = ids.flatMap((operatorId) => {
    const operator = byId.get(operatorId);
    if (!operator) return [];
    const pendingChangeId = pending.get(operatorEntityId(operatorId));
    return [{ operator, locked: isLocked(operator, now), ...(pendingChangeId ? { pendingChangeId } : {}) }];
  });
  return { operators, ...(nextCursor ? { nextCursor } : {}) };
}

export async function operatorSummary(operatorId: string, now: Date): Promise<OperatorSummary> {
  const operator = await loadOperator(operatorId);
  return { operator, locked: isLocked(operator, now) };
}

/** A new operator, for another administrator to approve; the login is checked free now and held
 *  by the change (one pending creation per login). */
export async function submitOperatorCreate(input: { login: string; displayName: string; roles: OperatorRole[] }, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const roles = checkRoles(input.roles);
  const displayName = input.displayName.trim();
  if (displayName.length === 0) refuse('invalid', 'OPERATOR_NAME_INVALID', '姓名须为 1–40 个字符');
  if (await store.operatorIdByLogin(input.login)) refuse('conflict', 'OPERATOR_LOGIN_IN_USE', '该登录名已存在');
  const operatorId = `O${randomUUID().replaceAll('-', '')}`;
  return submitChange({
    kind: 'OPERATOR_CREATE',
    entityId: operatorLoginEntityId(input.login),
    entityLabel: `新建运营人员 ${input.login}`,
    before: null,
    after: { operatorId, login: input.login, displayName, roles },
    maker,
    now,
  });
}

/** Refuses an action on the administrator's own account, or on an operator already deactivated. */
async function targetOf(operatorId: string, actor: ConsoleOperator): Promise<store.OperatorRecord> {
  checkNotSelf(actor.operatorId, operatorId);
  const operator = await loadOperator(operatorId);
  if (operator.status === 'DEACTIVATED') refuse('conflict', 'OPERATOR_DEACTIVATED', '该操作员已停用');
  return operator;
}

export async function submitOperatorRoles(operatorId: string, requested: OperatorRole[], maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const operator = await targetOf(operatorId, maker);
  const roles = checkRoles(requested);
  await checkAdminLeaving(operator, roles.includes('ADMIN'));
  return submitChange({
    kind: 'OPERATOR_ROLES',
    entityId: operatorEntityId(operatorId),
    entityLabel: `运营人员 ${operator.login} 的角色`,
    before: { roles: ordered(operator.roles) },
    after: { roles },
    maker,
    now,
  });
}

export async function submitOperatorDeactivation(operatorId: string, reason: string, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const operator = await targetOf(operatorId, maker);
  await checkAdminLeaving(operator, false);
  return submitChange({
    kind: 'OPERATOR_DEACTIVATE',
    entityId: operatorEntityId(operatorId),
    entityLabel: `停用运营人员 ${operator.login}`,
    before: { status: operator.status },
    after: { status: 'DEACTIVATED', reason: reason.trim() },
    maker,
    now,
  });
}

export interface IssuedActivationCode {
  operatorId: string;
  login: string;
  activationCode: string;
  expiresAt: string;
}

const newActivationCode = () => base32Encode(randomBytes(ACTIVATION_CODE_BYTES)).match(/.{4}/g)!.join('-');

/** Puts a fresh activation code in force for an operator in `from` (PENDING_ACTIVATION: issue or
 *  reissue; ACTIVE: a reset) in one transaction with its audit entry. */
async function issueCode(operator: store.OperatorRecord, from: OperatorStatus, admin: ConsoleOperator, action: string, now: Date): Promise<IssuedActivationCode> {
  const activationCode = newActivationCode();
  const expiresAt = hoursAfter(now, ACTIVATION_CODE_HOURS);
  const outcome = await recordAuditWith(
    {
      actor: operatorParty(admin.operatorId),
      action,
      target: operatorParty(operator.operatorId),
      before: { status: operator.status },
      after: { status: 'PENDING_ACTIVATION', activationExpiresAt: expiresAt },
    },
    now,
    () => store.activationCodeItems(operator, from, hashOf('operator-activation', activationCode), expiresAt),
  );
  if ('refusedChange' in outcome) refuse('conflict', 'OPERATOR_CHANGED', '该操作员状态已变化，请刷新后重试');
  return { operatorId: operator.operatorId, login: operator.login, activationCode, expiresAt };
}

/** An activation code for an operator waiting for activation (the maker hands it over once the
 *  creation is approved; issuing again voids the earlier code). */
export async function issueActivationCode(operatorId: string, admin: ConsoleOperator, now: Date): Promise<IssuedActivationCode> {
  const operator = await targetOf(operatorId, admin);
  if (operator.status !== 'PENDING_ACTIVATION') refuse('conflict', 'OPERATOR_NOT_PENDING', '该操作员已激活，无需激活码');
  return issueCode(operator, 'PENDING_ACTIVATION', admin, 'operator.activation-code.issue', now);
}

/** A lost authenticator: the operator's sessions end, their password and authenticator are
 *  cleared, and they activate again with the code. Not for an administrator: the one resetting
 *  would hold the code to a second administrator's account — an administrator is deactivated and
 *  created again instead, each a change another administrator approves. */
export async function resetOperatorTotp(operatorId: string, admin: ConsoleOperator, now: Date): Promise<IssuedActivationCode> {
  const operator = await targetOf(operatorId, admin);
  if (operator.status !== 'ACTIVE') refuse('conflict', 'OPERATOR_NOT_ACTIVE', '该操作员尚未激活，请直接生成激活码');
  if (operator.roles.includes('ADMIN')) refuse('forbidden', 'OPERATOR_IS_ADMIN', '管理员的动态口令不能直接重置，请停用后重新新建（需另一名管理员复核）');
  const issued = await issueCode(operator, 'ACTIVE', admin, 'operator.totp-reset', now);
  await store.deleteSessions(operatorId);
  return issued;
}

/** Lifts a lock left by wrong passwords or codes. */
export async function unlockOperator(operatorId: string, admin: ConsoleOperator, now: Date): Promise<OperatorSummary> {
  const operator = await targetOf(operatorId, admin);
  if (!isLocked(operator, now)) refuse('conflict', 'OPERATOR_NOT_LOCKED', '该操作员未被锁定');
  await recordAuditWith(
    { actor: operatorParty(admin.operatorId), action: 'operator.unlock', target: operatorParty(operatorId), before: { lockedUntil: operator.lockedUntil }, after: { lockedUntil: null, failedAttempts: 0 } },
    now,
    () => store.unlockItems(operatorId),
  );
  return operatorSummary(operatorId, now);
}

/** A wrong activation code or first code: counted like a wrong sign-in; the one that reaches the
 *  limit voids the activation code (an administrator issues a new one). Recorded, then refused. */
async function failActivation(operator: store.OperatorRecord, cause: 'code' | 'totp', now: Date, refusal: () => never): Promise<never> {
  const failedAttempts = await store.countFailedAttempt(operator.operatorId);
  const voided = failedAttempts >= OPERATOR_MAX_FAILED_ATTEMPTS;
  if (voided) await store.voidActivationCode(operator.operatorId);
  await recordAudit({ actor: operatorParty(operator.operatorId), action: `operator.activation.failed.${cause}`, target: operatorParty(operator.operatorId), after: { failedAttempts, voided } }, now);
  return voided ? activationExpired() : refusal();
}

export interface EnrolmentStarted {
  enrolmentId: string;
  login: string;
  displayName: string;
  totpSecret: string;
  otpauthUri: string;
  expiresAt: string;
}

/** Activation, step one: the login and the code in force open an enrolment — a new
 *  authenticator secret, shown to the operator only, waiting for its first code. A login nobody
 *  has, an operator not waiting for activation and a wrong code get the same answer. */
export async function startActivation(login: string, activationCode: string, now: Date): Promise<EnrolmentStarted> {
  const operatorId = await store.operatorIdByLogin(login);
  const operator = operatorId ? await store.getOperator(operatorId) : undefined;
  if (!operator || operator.status !== 'PENDING_ACTIVATION' || !operator.activationCodeHash) {
    await recordAudit({ actor: { kind: 'anonymous', id: 'unknown' }, action: 'operator.activation.failed.unknown', target: { kind: 'login', id: login } }, now);
    return activationFailed();
  }
  const codeHash = hashOf('operator-activation', activationCode);
  if (!sameHash(codeHash, operator.activationCodeHash)) return failActivation(operator, 'code', now, activationFailed);
  if (!operator.activationExpiresAt || operator.activationExpiresAt <= now.toISOString()) return activationExpired();
  const secret = randomBytes(TOTP_SECRET_BYTES);
  const totpSecret = base32Encode(secret);
  const enrolmentId = randomBytes(ENROLMENT_ID_BYTES).toString('base64url');
  const expiresAt = new Date(now.getTime() + ACTIVATION_ENROLMENT_MINUTES * 60_000).toISOString();
  await store.putEnrolment(hashOf('operator-enrolment', enrolmentId), { operatorId: operator.operatorId, totpSecretEnc: await encrypt(totpSecret), activationCodeHash: codeHash, expiresAt });
  return { enrolmentId, login: operator.login, displayName: operator.displayName, totpSecret, otpauthUri: otpauthUri(TOTP_ISSUER, operator.login, secret), expiresAt };
}

/** Activation, step two: the operator's own password and the first code of the new
 *  authenticator make them ACTIVE — only if the activation code is still the one in force. */
export async function completeActivation(enrolmentId: string, password: string, code: string, now: Date): Promise<{ activated: true; login: string }> {
  const enrolmentHash = hashOf('operator-enrolment', enrolmentId);
  const enrolment = await store.getEnrolment(enrolmentHash);
  if (!enrolment || enrolment.expiresAt <= now.toISOString()) return activationExpired();
  const operator = await store.getOperator(enrolment.operatorId);
  if (!operator || operator.status !== 'PENDING_ACTIVATION' || operator.activationCodeHash !== enrolment.activationCodeHash) return activationExpired();
  checkNewPassword(password, operator.login);
  const totpSecret = await decrypt(enrolment.totpSecretEnc);
  const check = verifyTotp(base32Decode(totpSecret)!, code, now, undefined);
  if (!check.ok) return failActivation(operator, 'totp', now, () => refuse('unauthenticated', 'TOTP_INCORRECT', '动态验证码错误'));
  const credentials = { passwordHash: await hashPassword(password), totpSecretEnc: enrolment.totpSecretEnc, totpStep: check.step, activationCodeHash: enrolment.activationCodeHash };
  const outcome = await recordAuditWith(
    { actor: operatorParty(operator.operatorId), action: 'operator.activate', target: operatorParty(operator.operatorId), before: { status: 'PENDING_ACTIVATION' }, after: { status: 'ACTIVE' } },
    now,
    () => store.activateItems(operator, enrolmentHash, credentials, now),
  );
  if ('refusedChange' in outcome) return activationExpired();
  return { activated: true, login: operator.login };
}
