import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common.ts';
import { loginBodySchema, meSchema } from '../../../contract/session.ts';
import { requireSession } from '../../platform/auth/auth.plugin.ts';
import { problems } from '../../platform/errors.ts';
import { getMe, type IdentityDeps, login, logout } from './identity.usecases.ts';

export function identityRoutes(deps: IdentityDeps & { cookieName: string; secureCookies: boolean }) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/session',
      {
        schema: {
          tags: ['session'],
          summary: 'Log in with username or e-mail and password; sets the session cookie',
          body: loginBodySchema,
          response: { 200: meSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request, reply) => {
        const { token, userId } = await login(deps, {
          login: request.body.login,
          password: request.body.password,
          previousToken: request.cookies[deps.cookieName],
          userAgent: request.headers['user-agent'],
          ip: request.ip,
        });
        reply.setCookie(deps.cookieName, token, {
          path: '/',
          httpOnly: true,
          secure: deps.secureCookies,
          sameSite: 'lax',
        });
        const me = await getMe(deps, userId);
        if (!me) throw problems.unauthenticated();
        return me;
      },
    );

    app.delete(
      '/api/session',
      {
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
        schema: {
          tags: ['session'],
          summary: 'The logged-in user and the companies they belong to',
          response: { 200: meSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const me = await getMe(deps, request.session!.userId);
        if (!me) throw problems.unauthenticated();
        return me;
      },
    );
  };
}
