// Console operators: creating them, the two-step sign-in (password, then a TOTP code), sessions
// and sign-out, and checking a console token on every request. Wrong passwords and wrong codes
// count together; OPERATOR_MAX_FAILED_ATTEMPTS in a row lock the operator for
// OPERATOR_LOCK_MINUTES, and only a completed sign-in (password and code) starts a new count, so
// knowing the password does not buy unlimited guesses at the code. An unknown login, a
// deactivated operator and a wrong password get the same answer after the same work (a scrypt
// check), so the answer does not tell which logins exist.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
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
import { chinaMinute } from '../domain/time.js';
import { base32Decode, base32Encode, otpauthUri, TOTP_SECRET_BYTES, verifyTotp } from '../domain/totp.js';
import { hashPassword, passwordMatches } from '../platform/password-hash.js';
import { decrypt, encrypt } from '../store/crypto.js';
import * as store from '../store/operators.js';
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

const TOTP_ISSUER = '近邻银行运营中台';
const MAX_DISPLAY_NAME_LENGTH = 40;
const CHALLENGE_BYTES = 32;

const signInFailed = () => refuse('unauthenticated', 'SIGN_IN_FAILED', '用户名或密码错误');
const signInExpired = () => refuse('unauthenticated', 'SIGN_IN_EXPIRED', '登录已过期，请重新输入用户名和密码');
const totpIncorrect = () => refuse('unauthenticated', 'TOTP_INCORRECT', '动态验证码错误');
const totpUsed = () => refuse('unauthenticated', 'TOTP_USED', '该动态验证码已使用，请等待下一个验证码');
const operatorLocked = (lockedUntil: string) =>
  refuse('locked', 'OPERATOR_LOCKED', `连续输错次数过多，账户已锁定，请于 ${chinaMinute(new Date(lockedUntil))} 后再试`);

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
  if (displayName.length === 0 || displayName.length > MAX_DISPLAY_NAME_LENGTH) refuse('invalid', 'OPERATOR_NAME_INVALID', '姓名须为 1–40 个字符');
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

let placeholderHash: Promise<string> | undefined;

/** Counts a wrong password or code; the one that reaches the limit locks the operator and is
 *  answered as locked, the others with `refusal`. */
async function failAttempt(operator: store.OperatorRecord, now: Date, refusal: () => never): Promise<never> {
  const count = await store.countFailedAttempt(operator.operatorId);
  if (count < OPERATOR_MAX_FAILED_ATTEMPTS) return refusal();
  const lockedUntil = minutesAfter(now, OPERATOR_LOCK_MINUTES);
  const lockedByThis = await store.lockOperator(operator.operatorId, lockedUntil, OPERATOR_MAX_FAILED_ATTEMPTS);
  return operatorLocked(lockedByThis ? lockedUntil : ((await store.getOperator(operator.operatorId))?.lockedUntil ?? lockedUntil));
}

/** Step one: a right password gets a challenge for the code. */
export async function beginSignIn(login: string, password: string, now: Date): Promise<{ challengeId: string; expiresAt: string }> {
  const operatorId = await store.operatorIdByLogin(login);
  const operator = operatorId ? await store.getOperator(operatorId) : undefined;
  if (!operator || operator.status !== 'ACTIVE') {
    await passwordMatches(password, await (placeholderHash ??= hashPassword(randomBytes(16).toString('base64'))));
    return signInFailed();
  }
  if (isLocked(operator, now)) return operatorLocked(operator.lockedUntil!);
  if (!(await passwordMatches(password, operator.passwordHash))) return failAttempt(operator, now, signInFailed);
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
  if (!challenge || challenge.expiresAt <= now.toISOString()) return signInExpired();
  const operator = await store.getOperator(challenge.operatorId);
  if (!operator || operator.status !== 'ACTIVE') return signInExpired();
  if (isLocked(operator, now)) return operatorLocked(operator.lockedUntil!);
  const secret = base32Decode(await decrypt(operator.totpSecretEnc));
  if (!secret) throw new Error(`operator ${operator.operatorId}: the stored TOTP secret is not base32`);
  const check = verifyTotp(secret, code, now, operator.lastTotpStep);
  if (!check.ok) return failAttempt(operator, now, check.reason === 'REPLAYED' ? totpUsed : totpIncorrect);
  const sessionId = randomUUID();
  const { token, expiresAt } = await issueConsoleAccessToken(operator.operatorId, sessionId, now, CONSOLE_SESSION_MINUTES);
  const started = await store.startSession({ operatorId: operator.operatorId, sessionId, createdAt: now.toISOString(), expiresAt }, challengeHash, check.step, now);
  if (started === 'CHALLENGE_GONE') return signInExpired();
  if (started === 'OPERATOR_REFUSED') {
    // Changed since it was read: locked or deactivated meanwhile, or this code used by a
    // concurrent sign-in.
    const current = await store.getOperator(operator.operatorId);
    if (current && isLocked(current, now)) return operatorLocked(current.lockedUntil!);
    return current?.status === 'ACTIVE' ? totpUsed() : signInExpired();
  }
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

export async function signOut(operator: ConsoleOperator): Promise<void> {
  await store.deleteSession(operator.operatorId, operator.sessionId);
}

/** Deactivates an operator: every session of theirs stops working at its next request. */
export async function deactivateOperator(operatorId: string, now: Date): Promise<store.OperatorRecord> {
  return store.deactivateOperator(operatorId, now);
}
