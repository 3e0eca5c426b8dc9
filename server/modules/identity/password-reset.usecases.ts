import { createHash } from 'node:crypto';
import { HOTP, Secret } from 'otpauth';
import type { PasswordResetInfo } from '../../../contract/account.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { enqueueAccountMail } from './account.mail.ts';
import {
  consumeUserToken,
  deleteSessionsOfUser,
  findLiveUserToken,
  findUserByEmail,
  findUserById,
  insertUserToken,
  type UserRow,
  updateUser,
} from './identity.repository.ts';
import {
  assertPassword,
  PASSWORD_MIN_WITH_SECOND_FACTOR,
  PASSWORD_MIN_WITHOUT_SECOND_FACTOR,
} from './passwords.policy.ts';
import {
  type SecondFactorDeps,
  smsText,
  smsUnavailable,
  verifySecondFactor,
} from './second-factor.usecases.ts';

/** security.md 7: a reset link works for 30 minutes, once. */
export const RESET_TOKEN_MS = 30 * 60 * 1000;
const RESET_SMS_STEP_S = 5 * 60;

export const resetLinkInvalid = defineProblem({
  status: 404,
  code: 'auth.reset_link_invalid',
  title: {
    sv: 'Länken gäller inte längre. Be om en ny.',
    en: 'The link is no longer valid. Ask for a new one.',
  },
});

const resetUrl = (publicUrl: string, token: string) => `${publicUrl}/aterstall-losenord/${token}`;

/**
 * "Glömt lösenord?": mails a one-time link when the address belongs to an active account. The answer
 * is the same either way (security.md 9); only the IP limit answers 429, which says nothing about
 * the address.
 */
export async function requestPasswordReset(deps: SecondFactorDeps, input: { email: string; ip?: string }) {
  if (!deps.limits.resetPerIp.take(input.ip ?? 'unknown')) {
    throw problems.tooManyRequests({ headers: { 'retry-after': '900' } });
  }
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || user.disabledAt || user.deletedAt) return;
  // Past three mails an hour the request is quietly dropped: the answer must not differ.
  if (!deps.limits.resetPerAccount.take(user.id)) return;
  const token = newToken();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await insertUserToken(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'password_reset',
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_MS),
    });
    await enqueueAccountMail(tx, deps, {
      kind: 'password_reset',
      to: user.email,
      lang: user.locale,
      href: resetUrl(deps.publicUrl, token),
    });
    await recordAudit(tx, {
      at: now,
      action: 'password.reset_requested',
      targetUserId: user.id,
      ip: input.ip,
    });
  });
}

async function userOfToken(deps: SecondFactorDeps, token: string) {
  const row = await findLiveUserToken(deps.db, hashToken(token), 'password_reset', deps.clock.now());
  const user = row ? await findUserById(deps.db, row.userId) : undefined;
  if (!row || !user || user.disabledAt || user.deletedAt) throw resetLinkInvalid();
  return { row, user };
}

/** What the reset page needs: whether to ask for a code, and the length rule. */
export async function inspectPasswordReset(
  deps: SecondFactorDeps,
  input: { token: string; ip?: string },
): Promise<PasswordResetInfo> {
  if (!deps.limits.resetCompletePerIp.take(input.ip ?? 'unknown')) throw problems.tooManyRequests();
  const { user } = await userOfToken(deps, input.token);
  return {
    secondFactor: user.secondFactor,
    passwordMinLength: user.secondFactor
      ? PASSWORD_MIN_WITH_SECOND_FACTOR
      : PASSWORD_MIN_WITHOUT_SECOND_FACTOR,
  };
}

/**
 * The SMS code for a reset is derived, not stored: an HOTP over five-minute steps keyed by the link's
 * hash and the current password hash, so it dies with the link and with the password it replaces.
 */
function resetSmsCode(user: UserRow, tokenHash: string, counter: number): string {
  const key = createHash('sha256')
    .update(`reset-sms:${tokenHash}:${user.passwordHash ?? user.id}`)
    .digest();
  const secret = new Secret({ buffer: key.buffer.slice(key.byteOffset, key.byteOffset + key.length) });
  return new HOTP({ digits: 6, algorithm: 'SHA1', secret }).generate({ counter });
}

function resetSmsCounter(now: Date) {
  return Math.floor(now.getTime() / 1000 / RESET_SMS_STEP_S);
}

/** For an account with SMS as its second factor: the code the reset page asks for. */
export async function sendPasswordResetSms(deps: SecondFactorDeps, input: { token: string; ip?: string }) {
  if (!deps.limits.resetCompletePerIp.take(input.ip ?? 'unknown')) throw problems.tooManyRequests();
  const { row, user } = await userOfToken(deps, input.token);
  if (user.secondFactor !== 'sms' || !user.phone || !deps.sms) throw smsUnavailable();
  if (!deps.limits.smsPerUser.take(user.id))
    throw problems.tooManyRequests({ headers: { 'retry-after': '600' } });
  const code = resetSmsCode(user, row.tokenHash, resetSmsCounter(deps.clock.now()));
  await deps.sms.send(user.phone, smsText(code, user.locale));
}

/**
 * Sets the new password from a reset link: the link once, the code too when the account has a second
 * factor (security.md 6), and every session of the account ends.
 */
export async function completePasswordReset(
  deps: SecondFactorDeps,
  input: { token: string; password: string; code?: string; ip?: string },
) {
  if (!deps.limits.resetCompletePerIp.take(input.ip ?? 'unknown')) throw problems.tooManyRequests();
  const { row, user } = await userOfToken(deps, input.token);
  const hasSecondFactor = user.secondFactor !== null;
  assertPassword(input.password, { hasSecondFactor });
  if (hasSecondFactor) {
    if (!input.code) {
      throw problems.validation({
        errors: [
          {
            field: 'code',
            code: 'second_factor.code_required',
            message: {
              sv: 'Ange koden från tvåstegsverifieringen eller en återställningskod',
              en: 'Enter your two-step verification code or a recovery code',
            },
          },
        ],
      });
    }
    const now = deps.clock.now();
    const counter = resetSmsCounter(now);
    await verifySecondFactor(deps, {
      user,
      code: input.code,
      ip: input.ip,
      smsMatches: (code) =>
        code === resetSmsCode(user, row.tokenHash, counter) ||
        code === resetSmsCode(user, row.tokenHash, counter - 1),
    });
  }
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await consumeUserToken(tx, row.tokenHash, now))) throw resetLinkInvalid();
    await updateUser(tx, user.id, {
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: false,
      failedLogins: 0,
      lastFailedLoginAt: null,
    });
    await deleteSessionsOfUser(tx, user.id);
    await recordAudit(tx, {
      at: now,
      action: 'password.reset',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: input.ip,
    });
  });
}
