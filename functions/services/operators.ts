// Console operators: creating them, the two-step sign-in (password, then a TOTP code), sessions
// and sign-out, and checking a console token on every request. Wrong passwords and wrong codes
// count together; OPERATOR_MAX_FAILED_ATTEMPTS in a row lock the operator for
// OPERATOR_LOCK_MINUTES, and only a completed sign-in (password and code) starts a new count, so
// knowing the password does not buy unlimited guesses at the code. An unknown login, a
// deactivated operator and a wrong password get the same answer after the same work (a scrypt
// check), so the answer does not tell which logins exist. Every sign-in, failed sign-in and
// sign-out is an entry of the audit log (services/audit.ts), recorded before the answer is given.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuditActor, AuditTarget } from '../domain/audit-chain.js';
import { type SignInFailure, signInFailedAction } from '../domain/audit-actions.js';
import { refuse } from '../domain/errors.js';
import {
  CONSOLE_SESSION_MINUTES,
  OPERATOR_LOCK_MINUTES,
  OPERATOR_LOGIN_PATTERN,
  OPERATOR_MAX_FAILED_ATTEMPTS,
  OPERATOR_PASSWORD_MAX_LENGTH,
  OPERATOR_PASSWORD_MIN_LENGTH,
  OPERATOR_ROLES,
  type OperatorRole,
  type Permission,
  permissionsOf,
  SIGN_IN_CHALLENGE_MINUTES,
} from '../domain/operator-roles.js';
import { OPERATOR_DISPLAY_NAME_MAX_LENGTH } from '../domain/operator-admin.js';
import { characterCount } from '../domain/person-name.js';
import { chinaMinute } from '../domain/time.js';
import { base32Decode, base32Encode, otpauthUri, TOTP_SECRET_BYTES, verifyTotp } from '../domain/totp.js';
import { hashPassword, passwordMatches } from '../platform/password-hash.js';
import { decrypt, encrypt } from '../store/crypto.js';
import * as store from '../store/operators.js';
import { recordAudit } from './audit.js';
import { issueConsoleAccessToken, verifyConsoleAccessToken } from './tokens.js';

/** Who a console request comes from, as the session and the operator's record say now. */
export interface ConsoleOperator {
  operatorId: string;
  sessionId: string;
  login: string;
  displayName: string;
  roles: OperatorRole[];
  permissions: Permission[];
}

export interface NewOperator {
  login: string;
  displayName: string;
  roles: OperatorRole[];
  password: string;
  /** Base32; a random one when absent (the local seed's demo operators bring theirs). */
  totpSecret?: string;
}

export interface CreatedOperator {
  operator: store.OperatorRecord;
  /** Shown once, to enrol the operator's authenticator app; stored only encrypted. */
  totpSecret: string;
  otpauthUri: string;
}

export interface ConsoleSignIn {
  accessToken: string;
  expiresAt: string;
  operator: ConsoleOperator;
}

export const TOTP_ISSUER = '近邻银行运营中台';
const CHALLENGE_BYTES = 32;

const signInFailed = () => refuse('unauthenticated', 'SIGN_IN_FAILED', '用户名或密码错误');
const signInExpired = () => refuse('unauthenticated', 'SIGN_IN_EXPIRED', '登录已过期，请重新输入用户名和密码');
const totpIncorrect = () => refuse('unauthenticated', 'TOTP_INCORRECT', '动态验证码错误');
const totpUsed = () => refuse('unauthenticated', 'TOTP_USED', '该动态验证码已使用，请等待下一个验证码');
const operatorLocked = (lockedUntil: string) =>
  refuse('locked', 'OPERATOR_LOCKED', `连续输错次数过多，账户已锁定，请于 ${chinaMinute(new Date(lockedUntil))} 后再试`);

const operatorParty = (operatorId: string): AuditActor & AuditTarget => ({ kind: 'operator', id: operatorId });
/** Who tried a login the bank does not know. */
const ANONYMOUS: AuditActor = { kind: 'anonymous', id: 'unknown' };
const MAX_LOGIN_LENGTH = 32;

/** A login nobody has, as the log keeps it: lower case, at most a login's length, any character a
 *  login cannot hold as '?' (the route only passes valid logins; a script may pass anything). */
const attemptedLogin = (login: string) =>
  login.slice(0, MAX_LOGIN_LENGTH * 2).toLowerCase().replace(/[^a-z0-9._-]/g, '?').slice(0, MAX_LOGIN_LENGTH) || '?';

function auditSignIn(operatorId: string, action: 'console.sign-in' | 'console.sign-out', now: Date): Promise<unknown> {
  return recordAudit({ actor: operatorParty(operatorId), action, target: operatorParty(operatorId) }, now);
}

/** Records the failed attempt (the operator's own, with what it did to the lockout count), then
 *  gives the refusal. */
async function refusedSignIn(operatorId: string, cause: SignInFailure, now: Date, refusal: () => never, after?: Record<string, unknown>): Promise<never> {
  await recordAudit({ actor: operatorParty(operatorId), action: signInFailedAction(cause), target: operatorParty(operatorId), after }, now);
  return refusal();
}

/** A sign-in that names no operator (an unknown login, a challenge that is not there). */
async function refusedAnonymousSignIn(cause: SignInFailure, target: AuditTarget, now: Date, refusal: () => never): Promise<never> {
  await recordAudit({ actor: ANONYMOUS, action: signInFailedAction(cause), target }, now);
  return refusal();
}

const isLocked = (operator: store.OperatorRecord, now: Date) => operator.lockedUntil !== undefined && operator.lockedUntil > now.toISOString();
const hashChallenge = (challengeId: string) => createHash('sha256').update(`operator-challenge:${challengeId}`).digest('base64url');
const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

export function consoleOperator(operator: store.OperatorRecord, sessionId: string): ConsoleOperator {
  const { operatorId, login, displayName, roles } = operator;
  return { operatorId, sessionId, login, displayName, roles, permissions: permissionsOf(roles) };
}

export async function createOperator(input: NewOperator, now: Date): Promise<CreatedOperator> {
  if (!OPERATOR_LOGIN_PATTERN.test(input.login)) refuse('invalid', 'OPERATOR_LOGIN_INVALID', '登录名须为 3–32 位小写字母、数字或 . _ -');
  const displayName = input.displayName.trim();
  const displayNameChars = characterCount(displayName);
  if (displayNameChars === 0 || displayNameChars > OPERATOR_DISPLAY_NAME_MAX_LENGTH) refuse('invalid', 'OPERATOR_NAME_INVALID', `姓名须为 1–${OPERATOR_DISPLAY_NAME_MAX_LENGTH} 个字符`);
  if (input.password.length < OPERATOR_PASSWORD_MIN_LENGTH || input.password.length > OPERATOR_PASSWORD_MAX_LENGTH) refuse('invalid', 'OPERATOR_PASSWORD_INVALID', '密码须为 8–128 个字符');
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || roles.some((role) => !OPERATOR_ROLES.includes(role))) refuse('invalid', 'OPERATOR_ROLES_INVALID', '请至少选择一个有效角色');
  const secret = input.totpSecret === undefined ? randomBytes(TOTP_SECRET_BYTES) : base32Decode(input.totpSecret);
  if (!secret || secret.length < TOTP_SECRET_BYTES) throw new Error('a TOTP secret is base32 of at least 20 bytes');
  const totpSecret = base32Encode(secret);
  const operator: store.OperatorRecord = {
    operatorId: `O${randomUUID().replaceAll('-', '')}`,
    login: input.login,
    displayName,
    roles,
    status: 'ACTIVE',
    passwordHash: await hashPassword(input.password),
    totpSecretEnc: await encrypt(totpSecret),
    failedAttempts: 0,
    createdAt: now.toISOString(),
  };
  await store.putOperator(operator);
  return { operator, totpSecret, otpauthUri: otpauthUri(TOTP_ISSUER, input.login, secret) };
}

/** A hash of a random password, made once: an unknown or inactive login is checked against it so
 *  that it costs the same scrypt work as a real one and the answer's timing names no login. */
let decoyHash: Promise<string> | undefined;

/** Counts a wrong password or code; the one that reaches the limit locks the operator and is
 *  answered as locked, the others with `refusal`. */
async function failAttempt(operator: store.OperatorRecord, cause: SignInFailure, now: Date, refusal: () => never): Promise<never> {
  const { operatorId } = operator;
  const failedAttempts = await store.countFailedAttempt(operatorId);
  if (failedAttempts < OPERATOR_MAX_FAILED_ATTEMPTS) return refusedSignIn(operatorId, cause, now, refusal, { failedAttempts });
  const lockedUntil = minutesAfter(now, OPERATOR_LOCK_MINUTES);
  const lockedByThis = await store.lockOperator(operatorId, lockedUntil, OPERATOR_MAX_FAILED_ATTEMPTS);
  const until = lockedByThis ? lockedUntil : ((await store.getOperator(operatorId))?.lockedUntil ?? lockedUntil);
  return refusedSignIn(operatorId, cause, now, () => operatorLocked(until), { failedAttempts, lockedUntil: until });
}

/** Refused because the operator is locked: recorded, with until when. */
const lockedOut = (operator: store.OperatorRecord, now: Date) =>
  refusedSignIn(operator.operatorId, 'locked', now, () => operatorLocked(operator.lockedUntil!), { lockedUntil: operator.lockedUntil });

/** Step one: a right password gets a challenge for the code. */
export async function beginSignIn(login: string, password: string, now: Date): Promise<{ challengeId: string; expiresAt: string }> {
  const operatorId = await store.operatorIdByLogin(login);
  const operator = operatorId ? await store.getOperator(operatorId) : undefined;
  if (!operator || operator.status !== 'ACTIVE') {
    await passwordMatches(password, await (decoyHash ??= hashPassword(randomBytes(16).toString('base64'))));
    if (operator) return refusedSignIn(operator.operatorId, 'inactive', now, signInFailed);
    return refusedAnonymousSignIn('unknown-login', { kind: 'login', id: attemptedLogin(login) }, now, signInFailed);
  }
  if (isLocked(operator, now)) return lockedOut(operator, now);
  if (!operator.passwordHash || !(await passwordMatches(password, operator.passwordHash))) return failAttempt(operator, 'password', now, signInFailed);
  const challengeId = randomBytes(CHALLENGE_BYTES).toString('base64url');
  const expiresAt = minutesAfter(now, SIGN_IN_CHALLENGE_MINUTES);
  await store.putChallenge(hashChallenge(challengeId), { operatorId: operator.operatorId, expiresAt });
  return { challengeId, expiresAt };
}

/** Step two: the code of the challenged operator's authenticator opens a session. A wrong code
 *  leaves the challenge for another try (until it expires or the operator is locked). */
export async function completeSignIn(challengeId: string, code: string, now: Date): Promise<ConsoleSignIn> {
  const challengeHash = hashChallenge(challengeId);
  const challenge = await store.getChallenge(challengeHash);
  if (!challenge) return refusedAnonymousSignIn('expired', { kind: 'sign-in-challenge', id: challengeHash }, now, signInExpired);
  const { operatorId } = challenge;
  if (challenge.expiresAt <= now.toISOString()) return refusedSignIn(operatorId, 'expired', now, signInExpired);
  const operator = await store.getOperator(operatorId);
  if (!operator || operator.status !== 'ACTIVE') return refusedSignIn(operatorId, 'inactive', now, signInExpired);
  if (isLocked(operator, now)) return lockedOut(operator, now);
  const secret = operator.totpSecretEnc ? base32Decode(await decrypt(operator.totpSecretEnc)) : undefined;
  if (!secret) throw new Error(`operator ${operatorId}: the stored TOTP secret is not base32`);
  const check = verifyTotp(secret, code, now, operator.lastTotpStep);
  if (!check.ok) return check.reason === 'REPLAYED' ? failAttempt(operator, 'totp-used', now, totpUsed) : failAttempt(operator, 'totp', now, totpIncorrect);
  const sessionId = randomUUID();
  const { token, expiresAt } = await issueConsoleAccessToken(operatorId, sessionId, now, CONSOLE_SESSION_MINUTES);
  const started = await store.startSession({ operatorId, sessionId, createdAt: now.toISOString(), expiresAt }, challengeHash, check.step, now);
  if (started === 'CHALLENGE_GONE') return refusedSignIn(operatorId, 'expired', now, signInExpired);
  if (started === 'OPERATOR_REFUSED') {
    // Changed since it was read: locked or deactivated meanwhile, or this code used by a
    // concurrent sign-in.
    const current = await store.getOperator(operatorId);
    if (current && isLocked(current, now)) return lockedOut(current, now);
    return current?.status === 'ACTIVE' ? refusedSignIn(operatorId, 'totp-used', now, totpUsed) : refusedSignIn(operatorId, 'inactive', now, signInExpired);
  }
  // Recorded before the token is handed over: a sign-in the log cannot hold does not happen.
  await auditSignIn(operatorId, 'console.sign-in', now);
  return { accessToken: token, expiresAt, operator: consoleOperator(operator, sessionId) };
}

/** The operator a console token speaks for, or undefined: a valid token whose session still
 *  exists (not signed out, not expired) of an operator still active. Read on every request, so
 *  sign-out, deactivation and a change of roles take effect at once. */
export async function verifyConsoleToken(token: string, now: Date): Promise<ConsoleOperator | undefined> {
  const claims = await verifyConsoleAccessToken(token);
  if (!claims) return undefined;
  const [session, operator] = await Promise.all([store.getSession(claims.operatorId, claims.sessionId), store.getOperator(claims.operatorId)]);
  if (!session || session.expiresAt <= now.toISOString() || !operator || operator.status !== 'ACTIVE') return undefined;
  return consoleOperator(operator, claims.sessionId);
}

export async function signOut(operator: ConsoleOperator, now: Date): Promise<void> {
  await store.deleteSession(operator.operatorId, operator.sessionId);
  await auditSignIn(operator.operatorId, 'console.sign-out', now);
}

/** Deactivates an operator: every session of theirs ends at once. */
export async function deactivateOperator(operatorId: string, now: Date): Promise<store.OperatorRecord> {
  const operator = await store.deactivateOperator(operatorId, now);
  await store.deleteSessions(operatorId);
  return operator;
}
