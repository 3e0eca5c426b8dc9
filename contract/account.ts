import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { locales, secondFactorMethods } from './session.ts';

/** A phone number as people write it: digits, spaces, +, -, parentheses. */
export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9][0-9 ()-]{4,39}$/, 'a phone number, e.g. 070-123 45 67');

const password = z.string().min(1).max(1024);
const name = z.string().trim().min(1).max(200);

/** Kontaktuppgifter, with the state of the security settings. */
export const profileSchema = z
  .object({
    username: z.string(),
    name: z.string(),
    email: z.string(),
    pendingEmail: z.string().nullable().describe('A new address waiting for its confirmation link'),
    phone: z.string().nullable(),
    otherPhone: z.string().nullable(),
    locale: z.enum(locales),
    secondFactor: z.enum(secondFactorMethods).nullable(),
    recoveryCodesLeft: z.number().int(),
    smsAvailable: z
      .boolean()
      .describe('Whether SMS can be chosen as second factor (a provider is configured)'),
    passwordMinLength: z.number().int(),
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileBodySchema = z
  .strictObject({
    name: name.optional(),
    phone: phoneSchema.nullable().optional(),
    otherPhone: z.string().trim().max(100).nullable().optional(),
    locale: z.enum(locales).optional(),
  })
  .meta({ id: 'UpdateProfile' });
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

/** Familjebostäder's first login: check the contact details and choose a new password, in one step. */
export const firstLoginBodySchema = z
  .strictObject({
    name,
    phone: phoneSchema.nullable().optional(),
    otherPhone: z.string().trim().max(100).nullable().optional(),
    locale: z.enum(locales).optional(),
    newPassword: password,
  })
  .meta({ id: 'FirstLogin' });
export type FirstLoginBody = z.infer<typeof firstLoginBodySchema>;

export const changePasswordBodySchema = z
  .strictObject({ currentPassword: password, newPassword: password })
  .meta({ id: 'ChangePassword' });
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const emailChangeBodySchema = z
  .strictObject({ email: z.email().max(254), password })
  .meta({ id: 'EmailChange' });
export type EmailChangeBody = z.infer<typeof emailChangeBodySchema>;

export const passwordResetRequestSchema = z
  .strictObject({ email: z.string().trim().min(1).max(254) })
  .meta({ id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetInfoSchema = z
  .object({ secondFactor: z.enum(secondFactorMethods).nullable(), passwordMinLength: z.number().int() })
  .meta({ id: 'PasswordResetInfo' });
export type PasswordResetInfo = z.infer<typeof passwordResetInfoSchema>;

export const passwordResetBodySchema = z
  .strictObject({
    password,
    code: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('Required when the account has two-step verification'),
  })
  .meta({ id: 'PasswordReset' });
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;

export const tokenParams = z.object({ token: z.string().min(20).max(200) });

export const passwordBodySchema = z.strictObject({ password }).meta({ id: 'CurrentPassword' });
export type PasswordBody = z.infer<typeof passwordBodySchema>;

export const totpEnrolmentSchema = z
  .object({
    secret: z.string().describe('The key in text (base32), for typing into the app'),
    uri: z.string().describe('otpauth:// URI'),
    qrSvg: z.string().describe('The URI as a QR code, SVG'),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const codeBodySchema = z.strictObject({ code: z.string().trim().min(1).max(64) }).meta({ id: 'Code' });
export type CodeBody = z.infer<typeof codeBodySchema>;

export const recoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).describe('Shown once; each works once') })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const smsEnrolmentBodySchema = z
  .strictObject({ password, phone: phoneSchema })
  .meta({ id: 'SmsEnrolment' });
export type SmsEnrolmentBody = z.infer<typeof smsEnrolmentBodySchema>;

export const smsConfirmBodySchema = z
  .strictObject({ phone: phoneSchema, code: z.string().trim().min(1).max(16) })
  .meta({ id: 'SmsConfirm' });
export type SmsConfirmBody = z.infer<typeof smsConfirmBodySchema>;

export const sessionSchema = z
  .object({
    id: z.string(),
    device: z.string().describe('Browser and system, read from the user agent'),
    ip: z.string().nullable(),
    createdAt: isoDateTime,
    lastSeenAt: isoDateTime,
    current: z.boolean(),
  })
  .meta({ id: 'ActiveSession' });
export type ActiveSession = z.infer<typeof sessionSchema>;

export const sessionListSchema = z
  .object({ sessions: z.array(sessionSchema) })
  .meta({ id: 'ActiveSessions' });
export type ActiveSessions = z.infer<typeof sessionListSchema>;

export const sessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/) });

/** Everything the service holds about the user (GDPR Art. 15 and 20). */
export const personalDataSchema = z
  .object({
    exportedAt: isoDateTime,
    profile: z.object({
      id: z.uuid(),
      username: z.string(),
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      otherPhone: z.string().nullable(),
      locale: z.enum(locales),
      secondFactor: z.enum(secondFactorMethods).nullable(),
      notificationSettings: z.object({ off: z.array(z.string()), digest: z.boolean() }),
      createdAt: isoDateTime,
      lastLoginAt: isoDateTime.nullable(),
      passwordChangedAt: isoDateTime.nullable(),
    }),
    memberships: z.array(
      z.object({ orgId: z.uuid(), orgName: z.string(), role: z.string(), since: isoDateTime }),
    ),
    sessions: z.array(sessionSchema),
    auditEvents: z.array(
      z.object({
        at: isoDateTime,
        action: z.string(),
        orgId: z.string().nullable(),
        ip: z.string().nullable(),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'PersonalData' });
export type PersonalData = z.infer<typeof personalDataSchema>;
