import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBodySchema,
  codeBodySchema,
  emailChangeBodySchema,
  firstLoginBodySchema,
  passwordBodySchema,
  passwordResetBodySchema,
  passwordResetInfoSchema,
  passwordResetRequestSchema,
  personalDataSchema,
  profileSchema,
  recoveryCodesSchema,
  sessionListSchema,
  sessionParams,
  smsConfirmBodySchema,
  smsEnrolmentBodySchema,
  tokenParams,
  totpEnrolmentSchema,
  updateProfileBodySchema,
} from '../../../contract/account.ts';
import { problemSchema } from '../../../contract/common.ts';
import { requireSession } from '../../platform/auth/auth.plugin.ts';
import {
  changePassword,
  completeFirstLogin,
  confirmEmailChange,
  exportPersonalData,
  getProfile,
  requestEmailChange,
  updateProfile,
} from './account.usecases.ts';
import { companyRequiresSecondFactor } from './identity.repository.ts';
import type { IdentityRouteDeps } from './identity.routes.ts';
import {
  completePasswordReset,
  inspectPasswordReset,
  requestPasswordReset,
  sendPasswordResetSms,
} from './password-reset.usecases.ts';
import {
  confirmSmsEnrolment,
  confirmTotpEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  startSmsEnrolment,
  startTotpEnrolment,
} from './second-factor.usecases.ts';
import { endOtherSessions, endSession, listSessions } from './sessions.usecases.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const enrolment = { openUnderGates: ['second_factor_enrolment'] as const };

/** Kontaktuppgifter, password, two-step verification, sessions and personal data of the logged-in user. */
export function accountRoutes(deps: IdentityRouteDeps) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const me = { onRequest: requireSession };

    app.get(
      '/api/me/profile',
      {
        ...me,
        config: { openUnderGates: ['password_change', 'second_factor_enrolment'] },
        schema: {
          tags: ['account'],
          summary: 'Kontaktuppgifter and security settings',
          response: { 200: profileSchema, ...errors },
        },
      },
      async (request) => getProfile(deps, request.session!.userId),
    );

    app.patch(
      '/api/me/profile',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'Change name, phones or language (e-mail has its own confirmed step)',
          body: updateProfileBodySchema,
          response: { 200: profileSchema, ...errors },
        },
      },
      async (request) => updateProfile(deps, { userId: request.session!.userId, input: request.body }),
    );

    app.post(
      '/api/me/first-login',
      {
        ...me,
        config: { openUnderGates: ['password_change'] },
        schema: {
          tags: ['account'],
          summary: 'First login with a given password: confirm contact details and choose a new password',
          body: firstLoginBodySchema,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await completeFirstLogin(deps, {
          userId: request.session!.userId,
          currentTokenHash: request.session!.tokenHash,
          input: request.body,
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/me/password',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'Change the password with the current one; other sessions end',
          body: changePasswordBodySchema,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await changePassword(deps, {
          userId: request.session!.userId,
          currentTokenHash: request.session!.tokenHash,
          ...request.body,
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/me/email',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'Ask to change the e-mail address: a link goes to the new address, a notice to the old',
          body: emailChangeBodySchema,
          response: { 202: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await requestEmailChange(deps, { userId: request.session!.userId, ...request.body, ip: request.ip });
        return reply.code(202).send();
      },
    );

    app.post(
      '/api/email-change/:token',
      {
        config: { openUnderGates: ['password_change', 'second_factor_enrolment', 'second_factor'] },
        schema: {
          tags: ['account'],
          summary: 'Confirm a new e-mail address with the link mailed to it (the token is the key)',
          params: tokenParams,
          response: { 200: z.object({ email: z.string() }), 404: problemSchema, 409: problemSchema },
        },
      },
      async (request) => confirmEmailChange(deps, { token: request.params.token, ip: request.ip }),
    );

    app.post(
      '/api/me/two-factor/totp',
      {
        ...me,
        config: enrolment,
        schema: {
          tags: ['account'],
          summary: 'Start authenticator-app enrolment: a new key as QR code and text (needs the password)',
          body: passwordBodySchema,
          response: { 200: totpEnrolmentSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        startTotpEnrolment(deps, { userId: request.session!.userId, password: request.body.password }),
    );

    app.post(
      '/api/me/two-factor/totp/confirm',
      {
        ...me,
        config: enrolment,
        schema: {
          tags: ['account'],
          summary: 'Confirm enrolment with a code from the app; answers the ten recovery codes, shown once',
          body: codeBodySchema,
          response: { 200: recoveryCodesSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        confirmTotpEnrolment(deps, {
          userId: request.session!.userId,
          code: request.body.code,
          ip: request.ip,
        }),
    );

    app.post(
      '/api/me/two-factor/sms',
      {
        ...me,
        config: enrolment,
        schema: {
          tags: ['account'],
          summary: 'Start SMS enrolment: a code goes to the number (only when an SMS provider is configured)',
          body: smsEnrolmentBodySchema,
          response: { 204: z.undefined(), 409: problemSchema, 429: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await startSmsEnrolment(deps, {
          userId: request.session!.userId,
          sessionTokenHash: request.session!.tokenHash,
          ...request.body,
        });
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/me/two-factor/sms/confirm',
      {
        ...me,
        config: enrolment,
        schema: {
          tags: ['account'],
          summary: 'Confirm SMS enrolment with the code sent; answers the ten recovery codes, shown once',
          body: smsConfirmBodySchema,
          response: { 200: recoveryCodesSchema, 409: problemSchema, 429: problemSchema, ...errors },
        },
      },
      async (request) =>
        confirmSmsEnrolment(deps, {
          userId: request.session!.userId,
          sessionTokenHash: request.session!.tokenHash,
          ...request.body,
          ip: request.ip,
        }),
    );

    app.post(
      '/api/me/two-factor/recovery-codes',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'New recovery codes (the old ones stop working); needs the password',
          body: passwordBodySchema,
          response: { 200: recoveryCodesSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) =>
        regenerateRecoveryCodes(deps, { userId: request.session!.userId, password: request.body.password }),
    );

    app.post(
      '/api/me/two-factor/disable',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'Turn two-step verification off with the current password',
          body: passwordBodySchema,
          response: { 204: z.undefined(), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await disableSecondFactor(
          { ...deps, companyRequiresSecondFactor: (userId) => companyRequiresSecondFactor(deps.db, userId) },
          { userId: request.session!.userId, password: request.body.password, ip: request.ip },
        );
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/me/sessions',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'The active sessions of the user',
          response: { 200: sessionListSchema, ...errors },
        },
      },
      async (request) => ({
        sessions: await listSessions(deps, {
          userId: request.session!.userId,
          currentTokenHash: request.session!.tokenHash,
        }),
      }),
    );

    app.delete(
      '/api/me/sessions/others',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'Log out everywhere else ("Logga ut överallt annars")',
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await endOtherSessions(deps, {
          userId: request.session!.userId,
          currentTokenHash: request.session!.tokenHash,
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );

    app.delete(
      '/api/me/sessions/:id',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'End one of the sessions',
          params: sessionParams,
          response: { 204: z.undefined(), 404: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await endSession(deps, { userId: request.session!.userId, id: request.params.id, ip: request.ip });
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/me/data',
      {
        ...me,
        schema: {
          tags: ['account'],
          summary: 'Download my personal data as JSON (GDPR Art. 15 and 20)',
          response: { 200: personalDataSchema, ...errors },
        },
      },
      async (request, reply) => {
        reply.header('content-disposition', 'attachment; filename="ordning-mina-uppgifter.json"');
        return exportPersonalData(deps, {
          userId: request.session!.userId,
          currentTokenHash: request.session!.tokenHash,
        });
      },
    );

    // Password reset: no session needed, so every gate may use it too.
    const open = { openUnderGates: ['password_change', 'second_factor_enrolment', 'second_factor'] as const };

    app.post(
      '/api/password-reset',
      {
        config: open,
        schema: {
          tags: ['account'],
          summary:
            'Forgot password: mails a reset link when the address has an account; the answer is always 202',
          body: passwordResetRequestSchema,
          response: { 202: z.undefined(), 400: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, { email: request.body.email, ip: request.ip });
        return reply.code(202).send();
      },
    );

    app.get(
      '/api/password-reset/:token',
      {
        config: open,
        schema: {
          tags: ['account'],
          summary: 'Whether a reset link is valid and whether it needs a two-step code',
          params: tokenParams,
          response: { 200: passwordResetInfoSchema, 404: problemSchema, 429: problemSchema },
        },
      },
      async (request) => inspectPasswordReset(deps, { token: request.params.token, ip: request.ip }),
    );

    app.post(
      '/api/password-reset/:token/sms',
      {
        config: open,
        schema: {
          tags: ['account'],
          summary: 'For an account with SMS codes: send the code the reset needs',
          params: tokenParams,
          response: { 204: z.undefined(), 404: problemSchema, 409: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        await sendPasswordResetSms(deps, { token: request.params.token, ip: request.ip });
        return reply.code(204).send();
      },
    );

    app.post(
      '/api/password-reset/:token',
      {
        config: open,
        schema: {
          tags: ['account'],
          summary: 'Set a new password from a reset link (with the two-step code when on); all sessions end',
          params: tokenParams,
          body: passwordResetBodySchema,
          response: { 204: z.undefined(), 400: problemSchema, 404: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        await completePasswordReset(deps, { token: request.params.token, ...request.body, ip: request.ip });
        return reply.code(204).send();
      },
    );
  };
}
