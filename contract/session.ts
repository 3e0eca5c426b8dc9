import { z } from 'zod';
import { membershipSchema } from './organizations.ts';

export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];

export const loginBodySchema = z.strictObject({
  login: z.string().trim().min(1).max(254).describe('Username or e-mail address'),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const secondFactorMethods = ['totp', 'sms'] as const;
export type SecondFactorMethod = (typeof secondFactorMethods)[number];

/** What a session must do before it reaches the rest of the API (see the auth plugin). */
export const sessionGates = ['second_factor', 'password_change', 'second_factor_enrolment'] as const;
export type SessionGateName = (typeof sessionGates)[number];

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    name: z.string(),
    email: z.string(),
    locale: z.enum(locales),
    memberships: z.array(membershipSchema),
    phone: z.string().nullable(),
    otherPhone: z.string().nullable(),
    secondFactor: z.enum(secondFactorMethods).nullable(),
    gate: z
      .enum(sessionGates)
      .nullable()
      .describe(
        'null: fully logged in. password_change: the first-login step comes first (POST /api/me/first-login). ' +
          'second_factor_enrolment: a company requires two-step verification; only enrolment is open.',
      ),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const secondFactorRequiredSchema = z
  .object({ status: z.literal('second_factor_required'), method: z.enum(secondFactorMethods) })
  .meta({ id: 'SecondFactorRequired' });
export type SecondFactorRequired = z.infer<typeof secondFactorRequiredSchema>;

/** The answer to a login: the user (fully logged in), or the second factor is still to come. */
export const loginResultSchema = z.union([meSchema, secondFactorRequiredSchema]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const secondFactorBodySchema = z.strictObject({
  code: z.string().trim().min(1).max(64).describe('The 6-digit code (app or SMS) or a recovery code'),
});
export type SecondFactorBody = z.infer<typeof secondFactorBodySchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});
