import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common.ts';
import {
  loginBodySchema,
  loginResultSchema,
  meSchema,
  secondFactorBodySchema,
} from '../../../contract/session.ts';
import { requireSession, type SessionGate } from '../../platform/auth/auth.plugin.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import { problems } from '../../platform/errors.ts';
import { getMe, logout, resolveSession } from './identity.usecases.ts';
import { completeSecondFactor, login, resendLoginSms } from './login.usecases.ts';
import type { SecondFactorDeps } from './second-factor.usecases.ts';

export type IdentityRouteDeps = SecondFactorDeps & { cookieName: string; secureCookies: boolean };

const everyGate: SessionGate[] = ['second_factor', 'password_change', 'second_factor_enrolment'];

export function setSessionCookie(reply: FastifyReply, deps: IdentityRouteDeps, token: string) {
  reply.setCookie(deps.cookieName, token, {
    path: '/',
    httpOnly: true,
    secure: deps.secureCookies,
    sameSite: 'lax',
  });
}

export function identityRoutes(deps: IdentityRouteDeps) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/session',
      {
        // A gated session may log in again (as someone else, or after giving up the code step).
        config: { openUnderGates: everyGate },
        schema: {
          tags: ['session'],
          summary:
            'Log in with username or e-mail and password; sets the session cookie. With two-step verification ' +
            'the answer is second_factor_required and the session reaches only POST /api/session/second-factor.',
          body: loginBodySchema,
          response: { 200: loginResultSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const previous = request.cookies[deps.cookieName];
        const outcome = await login(deps, {
          login: request.body.login,
          password: request.body.password,
          previousTokenHash: previous ? hashToken(previous) : null,
          request: { userAgent: request.headers['user-agent'], ip: request.ip },
        });
        setSessionCookie(reply, deps, outcome.token);
        if (outcome.status === 'second_factor_required') {
          return { status: 'second_factor_required' as const, method: outcome.method };
        }
        const me = await getMe(
          deps,
          outcome.userId,
          (await resolveSession(deps, outcome.token))?.gate ?? null,
        );
        if (!me) throw problems.unauthenticated();
        return me;
      },
    );

    app.post(
      '/api/session/second-factor',
      {
        onRequest: requireSession,
        config: { openUnderGates: ['second_factor'] },
        schema: {
          tags: ['session'],
          summary:
            'Completes a login with the code from the authenticator app, the SMS code, or a recovery code; ' +
            'the session gets a new id',
          body: secondFactorBodySchema,
          response: {
            200: meSchema,
            400: problemSchema,
            401: problemSchema,
            409: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const session = request.session!;
        const { token } = await completeSecondFactor(deps, {
          tokenHash: session.tokenHash,
          userId: session.userId,
          code: request.body.code,
          request: { userAgent: request.headers['user-agent'], ip: request.ip },
        });
        setSessionCookie(reply, deps, token);
        const me = await getMe(deps, session.userId, (await resolveSession(deps, token))?.gate ?? null);
        if (!me) throw problems.unauthenticated();
        return me;
      },
    );

    app.post(
      '/api/session/second-factor/sms',
      {
        onRequest: requireSession,
        config: { openUnderGates: ['second_factor'] },
        schema: {
          tags: ['session'],
          summary: 'Sends a new SMS code for the login in progress ("Skicka ny kod")',
          response: { 204: z.undefined(), 401: problemSchema, 409: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        await resendLoginSms(deps, {
          tokenHash: request.session!.tokenHash,
          userId: request.session!.userId,
        });
        return reply.code(204).send();
      },
    );

    app.delete(
      '/api/session',
      {
        config: { openUnderGates: everyGate },
        schema: {
          tags: ['session'],
          summary: 'Log out: ends the session on the server and clears the cookie',
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await logout(deps, request.cookies[deps.cookieName]);
        reply.clearCookie(deps.cookieName, {
          path: '/',
          httpOnly: true,
          secure: deps.secureCookies,
          sameSite: 'lax',
        });
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/me',
      {
        onRequest: requireSession,
        config: { openUnderGates: ['password_change', 'second_factor_enrolment'] },
        schema: {
          tags: ['session'],
          summary:
            'The logged-in user, the companies they belong to, and the step that must come first (gate)',
          response: { 200: meSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => {
        const me = await getMe(deps, request.session!.userId, request.session!.gate);
        if (!me) throw problems.unauthenticated();
        return me;
      },
    );
  };
}
