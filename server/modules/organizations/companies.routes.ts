import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import {
  accountSetupBodySchema,
  accountSetupViewSchema,
  companyListSchema,
  createCompanyBodySchema,
  inviteContractorBodySchema,
  inviteContractorResultSchema,
  myCompanyListSchema,
  securitySettingsSchema,
} from '../../../contract/companies.ts';
import { invitationTokenParams } from '../../../contract/invitations.ts';
import { meSchema } from '../../../contract/session.ts';
import { requireSession } from '../../platform/auth/auth.plugin.ts';
import { problems } from '../../platform/errors.ts';
import { createRateLimiter } from '../../platform/rate-limit.ts';
import { getMe, resolveSession } from '../identity/identity.usecases.ts';
import {
  type CompanyDeps,
  completeAccountSetup,
  createCompany,
  getSecuritySettings,
  inviteContractor,
  isOperatorAdmin,
  listCompanies,
  myCompanies,
  setSecuritySettings,
  viewAccountSetup,
} from './companies.usecases.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Company-scoped: security settings and bringing in a contractor. Inside the tenant scope. */
export function companyScopedRoutes(deps: CompanyDeps) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/settings/security',
      {
        schema: {
          tags: ['organizations'],
          summary: "The company's security settings",
          params: orgParams,
          response: { 200: securitySettingsSchema, ...errors },
        },
      },
      async (request) => getSecuritySettings(deps, { actor: request.actor }),
    );

    app.put(
      '/settings/security',
      {
        schema: {
          tags: ['organizations'],
          summary: 'Kräv tvåstegsverifiering för alla användare',
          params: orgParams,
          body: securitySettingsSchema,
          response: { 200: securitySettingsSchema, ...errors },
        },
      },
      async (request) =>
        setSecuritySettings(deps, {
          actor: request.actor,
          requireTwoFactor: request.body.requireTwoFactor,
          ip: request.ip,
        }),
    );

    app.post(
      '/contractor-invitations',
      {
        schema: {
          tags: ['organizations'],
          summary:
            'Bjud in entreprenör: find or create the contractor by organisation number, link it by an agreement, invite its first administrator',
          params: orgParams,
          body: inviteContractorBodySchema,
          response: { 201: inviteContractorResultSchema, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await inviteContractor(deps, {
          actor: request.actor,
          input: request.body,
          ip: request.ip,
        });
        return reply.code(201).send(result);
      },
    );
  };
}

/** Mina företag, the operator's company pages and the first operator's set-up link. */
export function companyRoutes(deps: CompanyDeps & { cookieName: string; secureCookies: boolean }) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const limiter = createRateLimiter({ limit: 30, windowMs: 10 * 60 * 1000 });

    app.get(
      '/api/me/companies',
      {
        onRequest: requireSession,
        schema: {
          tags: ['session'],
          summary:
            'Mina företag: every company of the user with active orders, open questions and overdue orders',
          response: { 200: myCompanyListSchema, 401: problemSchema },
        },
      },
      async (request) => ({ items: await myCompanies(deps, { userId: request.session!.userId }) }),
    );

    const operatorOnly = async (request: { session: { userId: string } | null }) => {
      if (!request.session) throw problems.unauthenticated();
      if (!(await isOperatorAdmin(deps.db, request.session.userId))) throw problems.forbidden();
    };

    app.get(
      '/api/operator/companies',
      {
        onRequest: [requireSession, operatorOnly],
        schema: {
          tags: ['operator'],
          summary: 'Every company of the installation (operator administrators)',
          response: { 200: companyListSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async () => ({ items: await listCompanies(deps) }),
    );

    app.post(
      '/api/operator/companies',
      {
        onRequest: [requireSession, operatorOnly],
        schema: {
          tags: ['operator'],
          summary: 'Create a client or contractor company and invite its first administrator',
          body: createCompanyBodySchema,
          response: { 201: z.object({ id: z.uuid() }), 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await createCompany(deps, {
          userId: request.session!.userId,
          input: request.body,
          ip: request.ip,
        });
        return reply.code(201).send(result);
      },
    );

    const limited = async (request: { ip: string }) => {
      if (!limiter.take(request.ip)) throw problems.tooManyRequests({ headers: { 'retry-after': '600' } });
    };

    app.get(
      '/api/account-setup/:token',
      {
        onRequest: limited,
        schema: {
          tags: ['session'],
          summary: 'The first operator’s set-up link: whose account it sets up',
          security: [],
          params: invitationTokenParams,
          response: {
            200: accountSetupViewSchema,
            400: problemSchema,
            410: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request) => viewAccountSetup(deps, { token: request.params.token }),
    );

    app.post(
      '/api/account-setup/:token',
      {
        onRequest: limited,
        schema: {
          tags: ['session'],
          summary: 'Choose username and password from the set-up link; logs in',
          security: [],
          params: invitationTokenParams,
          body: accountSetupBodySchema,
          response: {
            200: meSchema,
            400: problemSchema,
            401: problemSchema,
            409: problemSchema,
            410: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { token, userId } = await completeAccountSetup(deps, {
          token: request.params.token,
          input: request.body,
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
        // A company of the operator may require two-factor: the new session then reaches enrolment first.
        const me = await getMe(deps, userId, (await resolveSession(deps, token))?.gate ?? null);
        if (!me) throw problems.unauthenticated();
        return me;
      },
    );
  };
}
