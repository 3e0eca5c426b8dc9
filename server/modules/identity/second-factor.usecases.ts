import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { TotpEnrolment } from '../../../contract/account.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import type { SmsProvider } from '../../platform/sms/sms.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueAccountMail } from './account.mail.ts';
import type { AuthLimits } from './auth-limits.ts';
import {
  claimTotpStep,
  consumeRecoveryCode,
  findSession,
  findUserById,
  replaceRecoveryCodes,
  type UserRow,
  updateUser,
} from './identity.repository.ts';
import { sessions } from './identity.table.ts';
import {
  hashRecoveryCode,
  hashSmsCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newSmsCode,
  newTotpSecret,
  totpFor,
  totpStep,
} from './totp.ts';

export type SecondFactorDeps = {
  db: Database;
  clock: Clock;
  publicUrl: string;
  sms: SmsProvider | null;
  limits: AuthLimits;
};

/** security.md 4: at most 10 wrong codes an hour; the 10th mails the user. */
export const SECOND_FACTOR_FAILURES_PER_HOUR = 10;
const HOUR = 60 * 60 * 1000;
export const SMS_CODE_MS = 5 * 60 * 1000;

export const wrongCode = (field = 'code') =>
  problems.validation({
    errors: [
      {
        field,
        code: 'second_factor.wrong_code',
        message: {
          sv: 'Koden stämmer inte eller har redan använts',
          en: 'The code is wrong or was already used',
        },
      },
    ],
  });

export const secondFactorLocked = defineProblem({
  status: 429,
  code: 'auth.second_factor_locked',
  title: {
    sv: 'För många felaktiga koder. Försök igen om en timme.',
    en: 'Too many wrong codes. Try again in an hour.',
  },
});

export const wrongPassword = () =>
  problems.validation({
    errors: [
      {
        field: 'password',
        code: 'password.wrong',
        message: { sv: 'Fel lösenord', en: 'Wrong password' },
      },
    ],
  });

export const smsUnavailable = defineProblem({
  status: 409,
  code: 'auth.sms_unavailable',
  title: { sv: 'SMS kan inte användas här', en: 'SMS is not available here' },
});

export const alreadyEnrolled = defineProblem({
  status: 409,
  code: 'auth.second_factor_already_on',
  title: { sv: 'Tvåstegsverifiering är redan på', en: 'Two-step verification is already on' },
});

export const requiredByCompany = defineProblem({
  status: 409,
  code: 'auth.second_factor_required_by_company',
  title: {
    sv: 'Ditt företag kräver tvåstegsverifiering; den kan inte stängas av',
    en: 'Your company requires two-step verification; it cannot be turned off',
  },
});

function isLocked(user: UserRow, now: Date): boolean {
  return (
    user.secondFactorFailures >= SECOND_FACTOR_FAILURES_PER_HOUR &&
    user.secondFactorFailuresSince !== null &&
    now.getTime() - user.secondFactorFailuresSince.getTime() < HOUR
  );
}

/** Counts a wrong code; the 10th in an hour mails the user (once). */
async function recordFailure(deps: SecondFactorDeps, user: UserRow, ip: string | undefined) {
  const now = deps.clock.now();
  const fresh =
    !user.secondFactorFailuresSince || now.getTime() - user.secondFactorFailuresSince.getTime() >= HOUR;
  const failures = fresh ? 1 : user.secondFactorFailures + 1;
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      secondFactorFailures: failures,
      secondFactorFailuresSince: fresh ? now : user.secondFactorFailuresSince,
    });
    await recordAudit(tx, {
      at: now,
      action: 'second_factor.failed',
      actorUserId: user.id,
      targetUserId: user.id,
      ip,
      detail: { failuresThisHour: failures },
    });
    if (failures === SECOND_FACTOR_FAILURES_PER_HOUR) {
      await enqueueAccountMail(tx, deps, {
        kind: 'second_factor_failures',
        to: user.email,
        lang: user.locale,
        href: `${deps.publicUrl}/`,
      });
    }
  });
}

/**
 * Checks a second-factor code: a TOTP code (each time step once, also across parallel sessions), an
 * SMS code sent to this session, or a recovery code (each once). Throws 400 on a wrong code and 429
 * after ten failures in an hour or too many tries in a minute.
 */
export async function verifySecondFactor(
  deps: SecondFactorDeps,
  args: {
    user: UserRow;
    code: string;
    field?: string;
    ip?: string;
    /** For SMS users: whether the code is the one sent (to this session, or for this reset link). */
    smsMatches?: (code: string) => boolean;
  },
): Promise<{ usedRecoveryCode: boolean }> {
  const { user } = args;
  const now = deps.clock.now();
  if (isLocked(user, now)) throw secondFactorLocked();
  if (!deps.limits.secondFactorPerUser.take(user.id))
    throw problems.tooManyRequests({ headers: { 'retry-after': '60' } });
  // "123 456" as some apps show it is the same code.
  const code = args.code.replace(/\s/g, '');
  let ok = false;
  let usedRecoveryCode = false;
  if (looksLikeRecoveryCode(code)) {
    ok = await consumeRecoveryCode(deps.db, user.id, hashRecoveryCode(code), now);
    usedRecoveryCode = ok;
  } else if (user.secondFactor === 'totp' && user.totpSecret) {
    const step = totpStep(user.totpSecret, code, now);
    ok = step !== null && (await claimTotpStep(deps.db, user.id, step));
  } else if (user.secondFactor === 'sms' && args.smsMatches) {
    ok = args.smsMatches(code);
  }
  if (!ok) {
    await recordFailure(deps, user, args.ip);
    throw wrongCode(args.field);
  }
  if (user.secondFactorFailures > 0) {
    await updateUser(deps.db, user.id, { secondFactorFailures: 0, secondFactorFailuresSince: null });
  }
  if (usedRecoveryCode) {
    await recordAudit(deps.db, {
      at: now,
      action: 'recovery_code.used',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
    });
  }
  return { usedRecoveryCode };
}

/** Sends a fresh SMS code for a session's second-factor step and stores its hash on the session. */
export async function sendLoginSmsCode(
  deps: SecondFactorDeps,
  args: { tx?: Executor; user: UserRow; sessionTokenHash: string },
) {
  if (!deps.sms || !args.user.phone) throw smsUnavailable();
  if (!deps.limits.smsPerUser.take(args.user.id))
    throw problems.tooManyRequests({ headers: { 'retry-after': '600' } });
  const code = newSmsCode();
  await (args.tx ?? deps.db)
    .update(sessions)
    .set({
      smsCodeHash: hashSmsCode({ sessionTokenHash: args.sessionTokenHash, code }),
      smsCodeExpiresAt: new Date(deps.clock.now().getTime() + SMS_CODE_MS),
    })
    .where(eq(sessions.tokenHash, args.sessionTokenHash));
  await deps.sms.send(args.user.phone, smsText(code, args.user.locale));
}

function smsText(code: string, lang: 'sv' | 'en') {
  return lang === 'en'
    ? `${code} is your Ordning login code. It works for 5 minutes.`
    : `${code} är din inloggningskod till Ordning. Den gäller i 5 minuter.`;
}

/** Whether a code is the SMS code stored on a session, and still fresh. */
export function sessionSmsMatcher(
  session: { tokenHash: string; smsCodeHash: string | null; smsCodeExpiresAt: Date | null },
  now: Date,
) {
  return (code: string) =>
    session.smsCodeHash !== null &&
    session.smsCodeExpiresAt !== null &&
    session.smsCodeExpiresAt.getTime() > now.getTime() &&
    hashSmsCode({ sessionTokenHash: session.tokenHash, code }) === session.smsCodeHash;
}

export { smsText };

async function userWithPassword(deps: SecondFactorDeps, userId: string, password: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw problems.unauthenticated();
  if (!(await verifyPassword(user.passwordHash, password))) throw wrongPassword();
  return user;
}

/** Enrolment, step 1: a new secret, shown as a QR code and as text. Not in force until confirmed. */
export async function startTotpEnrolment(
  deps: SecondFactorDeps,
  args: { userId: string; password: string },
): Promise<TotpEnrolment> {
  const user = await userWithPassword(deps, args.userId, args.password);
  if (user.secondFactor) throw alreadyEnrolled();
  const secret = newTotpSecret();
  await updateUser(deps.db, user.id, { totpSecret: secret, totpLastStep: null });
  const uri = totpFor(secret, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secret.replace(/(.{4})(?=.)/g, '$1 '), uri, qrSvg };
}

async function issueRecoveryCodes(tx: Executor, userId: string, now: Date) {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), now);
  return codes;
}

/** Enrolment, step 2: a code from the app proves it works; then the ten recovery codes, shown once. */
export async function confirmTotpEnrolment(
  deps: SecondFactorDeps,
  args: { userId: string; code: string; ip?: string },
): Promise<{ recoveryCodes: string[] }> {
  const user = await findUserById(deps.db, args.userId);
  if (!user) throw problems.unauthenticated();
  if (user.secondFactor) throw alreadyEnrolled();
  if (!user.totpSecret) throw problems.conflict({ detail: 'Start the enrolment first' });
  const now = deps.clock.now();
  const step = totpStep(user.totpSecret, args.code.trim(), now);
  if (step === null) throw wrongCode();
  return deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { secondFactor: 'totp', totpLastStep: step, secondFactorFailures: 0 });
    const recoveryCodes = await issueRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, {
      at: now,
      action: 'second_factor.enabled',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
      detail: { method: 'totp' },
    });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working); needs the current password. */
export async function regenerateRecoveryCodes(
  deps: SecondFactorDeps,
  args: { userId: string; password: string },
): Promise<{ recoveryCodes: string[] }> {
  const user = await userWithPassword(deps, args.userId, args.password);
  if (!user.secondFactor) throw problems.conflict({ detail: 'Two-step verification is off' });
  const recoveryCodes = await deps.db.transaction((tx) => issueRecoveryCodes(tx, user.id, deps.clock.now()));
  return { recoveryCodes };
}

/** Turns the second factor off with the current password (security.md 8), unless a company requires it. */
export async function disableSecondFactor(
  deps: SecondFactorDeps & { companyRequiresSecondFactor(userId: string): Promise<boolean> },
  args: { userId: string; password: string; ip?: string },
) {
  const user = await userWithPassword(deps, args.userId, args.password);
  if (!user.secondFactor) return;
  if (await deps.companyRequiresSecondFactor(user.id)) throw requiredByCompany();
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { secondFactor: null, totpSecret: null, totpLastStep: null });
    await replaceRecoveryCodes(tx, user.id, [], deps.clock.now());
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'second_factor.disabled',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
      detail: { method: user.secondFactor },
    });
  });
}

/** SMS enrolment, step 1: a code to the number, stored hashed on this session with the number. */
export async function startSmsEnrolment(
  deps: SecondFactorDeps,
  args: { userId: string; password: string; phone: string; sessionTokenHash: string },
) {
  if (!deps.sms) throw smsUnavailable();
  const user = await userWithPassword(deps, args.userId, args.password);
  if (user.secondFactor) throw alreadyEnrolled();
  if (!deps.limits.smsPerUser.take(user.id))
    throw problems.tooManyRequests({ headers: { 'retry-after': '600' } });
  const code = newSmsCode();
  await deps.db
    .update(sessions)
    .set({
      smsCodeHash: hashSmsCode({ sessionTokenHash: args.sessionTokenHash, code, phone: args.phone }),
      smsCodeExpiresAt: new Date(deps.clock.now().getTime() + SMS_CODE_MS),
    })
    .where(eq(sessions.tokenHash, args.sessionTokenHash));
  await deps.sms.send(args.phone, smsText(code, user.locale));
}

/** SMS enrolment, step 2: the code proves the number; SMS becomes the second factor, with recovery codes. */
export async function confirmSmsEnrolment(
  deps: SecondFactorDeps,
  args: { userId: string; phone: string; code: string; sessionTokenHash: string; ip?: string },
): Promise<{ recoveryCodes: string[] }> {
  if (!deps.sms) throw smsUnavailable();
  const user = await findUserById(deps.db, args.userId);
  if (!user) throw problems.unauthenticated();
  if (user.secondFactor) throw alreadyEnrolled();
  const session = await findSession(deps.db, args.sessionTokenHash);
  const now = deps.clock.now();
  if (!deps.limits.secondFactorPerUser.take(user.id))
    throw problems.tooManyRequests({ headers: { 'retry-after': '60' } });
  const ok =
    session?.smsCodeHash &&
    session.smsCodeExpiresAt &&
    session.smsCodeExpiresAt.getTime() > now.getTime() &&
    hashSmsCode({ sessionTokenHash: args.sessionTokenHash, code: args.code, phone: args.phone }) ===
      session.smsCodeHash;
  if (!ok) throw wrongCode();
  return deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      secondFactor: 'sms',
      phone: args.phone,
      totpSecret: null,
      totpLastStep: null,
    });
    await tx
      .update(sessions)
      .set({ smsCodeHash: null, smsCodeExpiresAt: null })
      .where(eq(sessions.tokenHash, args.sessionTokenHash));
    const recoveryCodes = await issueRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, {
      at: now,
      action: 'second_factor.enabled',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
      detail: { method: 'sms' },
    });
    return { recoveryCodes };
  });
}
