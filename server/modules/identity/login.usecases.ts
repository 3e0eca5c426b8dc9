import { verifyPassword } from '../../platform/auth/passwords.ts';
import { defineProblem, Problem, problems } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  countFailedLogin,
  findSession,
  findUserById,
  findUserByLogin,
  recordLogin,
  updateUser,
} from './identity.repository.ts';
import { invalidCredentials } from './identity.usecases.ts';
import { loginWait } from './login-throttle.policy.ts';
import {
  type SecondFactorDeps,
  sendLoginSmsCode,
  sessionSmsMatcher,
  verifySecondFactor,
} from './second-factor.usecases.ts';
import { type RequestInfo, startSession } from './sessions.usecases.ts';

export const loginThrottled = defineProblem({
  status: 429,
  code: 'auth.login_throttled',
  title: {
    sv: 'För många inloggningsförsök. Vänta en stund eller återställ lösenordet.',
    en: 'Too many login attempts. Wait a while or reset your password.',
  },
});

export type LoginOutcome =
  | { status: 'logged_in'; token: string; userId: string }
  | { status: 'second_factor_required'; token: string; userId: string; method: 'totp' | 'sms' };

/**
 * Password login (security.md 2, 9, 10, 31). The answer for an unknown name, a wrong password and a
 * disabled account is the same, and so is the throttle. With a second factor the new session is only
 * half-way ('password' stage) until POST /api/session/second-factor.
 */
export async function login(
  deps: SecondFactorDeps,
  input: { login: string; password: string; previousTokenHash?: string | null; request: RequestInfo },
): Promise<LoginOutcome> {
  const now = deps.clock.now();
  const ip = input.request.ip;
  const name = input.login.trim().toLowerCase();
  const ipKey = ip ?? 'unknown';
  if (!deps.limits.loginPerIp.allows(ipKey)) {
    await recordAudit(deps.db, { at: now, action: 'login.throttled', ip, detail: { reason: 'ip' } });
    throw loginThrottled({ headers: { 'retry-after': '300' } });
  }
  const user = await findUserByLogin(deps.db, name);
  const wait = user
    ? loginWait({ failures: user.failedLogins, lastFailureAt: user.lastFailedLoginAt, now })
    : deps.limits.unknownName.wait(name);
  if (wait !== null) {
    await recordAudit(deps.db, {
      at: now,
      action: 'login.throttled',
      targetUserId: user?.id,
      ip,
      detail: { reason: 'account' },
    });
    throw loginThrottled(Number.isFinite(wait) ? { headers: { 'retry-after': String(wait) } } : {});
  }
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabledAt || user.deletedAt) {
    deps.limits.loginPerIp.take(ipKey);
    if (user) await countFailedLogin(deps.db, user.id, now);
    else deps.limits.unknownName.fail(name);
    // The attempted name is kept only as the account it names: a mistyped password in the name
    // field must not land in the log.
    await recordAudit(deps.db, { at: now, action: 'login.failed', targetUserId: user?.id, ip });
    throw invalidCredentials();
  }
  const method = user.secondFactor;
  return deps.db.transaction(async (tx) => {
    if (user.failedLogins > 0) await updateUser(tx, user.id, { failedLogins: 0, lastFailedLoginAt: null });
    const { token, tokenHash } = await startSession(tx, {
      userId: user.id,
      stage: method ? 'password' : 'complete',
      now,
      replacesTokenHash: input.previousTokenHash,
      request: input.request,
    });
    if (method) {
      if (method === 'sms') {
        // Without a provider (or over the SMS limit) the step stays open for a recovery code.
        await sendLoginSmsCode(deps, { tx, user, sessionTokenHash: tokenHash }).catch((error: unknown) => {
          if (!(error instanceof Problem)) throw error;
        });
      }
      return { status: 'second_factor_required' as const, token, userId: user.id, method };
    }
    await recordLogin(tx, user.id, now);
    await recordAudit(tx, {
      at: now,
      action: 'login.succeeded',
      actorUserId: user.id,
      targetUserId: user.id,
      ip,
    });
    return { status: 'logged_in' as const, token, userId: user.id };
  });
}

/** The second step: the code completes the login and the session gets a new id (security.md 10). */
export async function completeSecondFactor(
  deps: SecondFactorDeps,
  input: { tokenHash: string; userId: string; code: string; request: RequestInfo },
): Promise<{ token: string }> {
  const session = await findSession(deps.db, input.tokenHash);
  const user = await findUserById(deps.db, input.userId);
  if (!session || !user) throw problems.unauthenticated();
  if (session.stage !== 'password') throw problems.conflict({ detail: 'The session is already logged in' });
  const { usedRecoveryCode } = await verifySecondFactor(deps, {
    user,
    code: input.code,
    ip: input.request.ip,
    smsMatches: sessionSmsMatcher(session, deps.clock.now()),
  });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { token } = await startSession(tx, {
      userId: user.id,
      stage: 'complete',
      now,
      replacesTokenHash: session.tokenHash,
      request: input.request,
    });
    await recordLogin(tx, user.id, now);
    await recordAudit(tx, {
      at: now,
      action: 'login.succeeded',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: input.request.ip,
      detail: { secondFactor: usedRecoveryCode ? 'recovery_code' : user.secondFactor },
    });
    return { token };
  });
}

/** "Skicka ny kod": another SMS code for the session's second-factor step. */
export async function resendLoginSms(deps: SecondFactorDeps, input: { tokenHash: string; userId: string }) {
  const user = await findUserById(deps.db, input.userId);
  if (!user) throw problems.unauthenticated();
  if (user.secondFactor !== 'sms') throw problems.conflict({ detail: 'The account does not use SMS codes' });
  await sendLoginSmsCode(deps, { user, sessionTokenHash: input.tokenHash });
}
