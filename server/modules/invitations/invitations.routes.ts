import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import {
  acceptResultSchema,
  createdInvitationsSchema,
  createInvitationsBodySchema,
  invitationIdParams,
  invitationTokenParams,
  invitationViewSchema,
  pendingInvitationListSchema,
  registerBodySchema,
  registerResultSchema,
} from '../../../contract/invitations.ts';
import { requireSession } from '../../platform/auth/auth.plugin.ts';
import { problems } from '../../platform/errors.ts';
import { createRateLimiter } from '../../platform/rate-limit.ts';
import { can } from '../organizations/roles.policy.ts';
import {
  acceptInvitation,
  confirmRegisteredAddress,
  type InvitationDeps,
  listPendingInvitations,
  registerFromInvitation,
  resendInvitation,
  revokeInvitation,
  sendInvitations,
  viewInvitation,
} from './invitations.usecases.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Company-scoped: the pending invitations of a company, resend and revoke. */
export function invitationScopedRoutes(deps: InvitationDeps) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/invitations',
      {
        schema: {
          tags: ['invitations'],
          summary: "The company's invitations waiting for an answer",
          params: orgParams,
          response: { 200: pendingInvitationListSchema, ...errors },
        },
      },
      async (request) => {
        if (!can(request.actor, 'invitations.send')) throw problems.forbidden();
        return { items: await listPendingInvitations(deps, { orgId: request.actor.orgId }) };
      },
    );

    app.post(
      '/invitations/:invitationId/resend',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Send the invitation again with a new link and expiry; the old link stops working',
          params: invitationIdParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        if (!can(request.actor, 'invitations.send')) throw problems.forbidden();
        await resendInvitation(deps, {
          actor: request.actor,
          invitationId: request.params.invitationId,
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );

    app.delete(
      '/invitations/:invitationId',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Revoke the invitation to this company (Återkalla)',
          params: invitationIdParams,
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        if (!can(request.actor, 'invitations.send')) throw problems.forbidden();
        await revokeInvitation(deps, {
          actor: request.actor,
          invitationId: request.params.invitationId,
          ip: request.ip,
        });
        return reply.code(204).send();
      },
    );
  };
}

/** Sending invitations (for several companies at once) and answering them by link. */
export function invitationRoutes(deps: InvitationDeps & { cookieName: string; secureCookies: boolean }) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    // Redeeming is public: keep one client from trying tokens or flooding mail.
    const limiter = createRateLimiter({ limit: 30, windowMs: 10 * 60 * 1000 });
    const limited = async (request: { ip: string }) => {
      if (!limiter.take(request.ip)) throw problems.tooManyRequests({ headers: { 'retry-after': '600' } });
    };
    const gone = { 410: problemSchema, 429: problemSchema };

    app.post(
      '/api/invitations',
      {
        onRequest: requireSession,
        schema: {
          tags: ['invitations'],
          summary:
            'Invite people: each e-mail to one or several companies the caller administers, with a role in each; one mail per person; all or nothing',
          body: createInvitationsBodySchema,
          response: { 201: createdInvitationsSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await sendInvitations(deps, {
          userId: request.session!.userId,
          input: request.body,
          ip: request.ip,
        });
        return reply.code(201).send(result);
      },
    );

    app.get(
      '/api/invitations/:token',
      {
        onRequest: limited,
        schema: {
          tags: ['invitations'],
          summary: 'What an invitation link offers: the address and the companies (Lös in inbjudan)',
          security: [],
          params: invitationTokenParams,
          response: { 200: invitationViewSchema, 400: problemSchema, 404: problemSchema, ...gone },
        },
      },
      async (request) => viewInvitation(deps, { token: request.params.token }),
    );

    app.post(
      '/api/invitations/:token/register',
      {
        onRequest: limited,
        schema: {
          tags: ['invitations'],
          summary:
            'Registrera: a new account from the invitation; a changed e-mail address is confirmed by mail before the memberships are granted',
          security: [],
          params: invitationTokenParams,
          body: registerBodySchema,
          response: {
            200: registerResultSchema,
            202: registerResultSchema,
            400: problemSchema,
            404: problemSchema,
            409: problemSchema,
            ...gone,
          },
        },
      },
      async (request, reply) => {
        const result = await registerFromInvitation(deps, {
          token: request.params.token,
          input: request.body,
          previousToken: request.cookies[deps.cookieName],
          userAgent: request.headers['user-agent'],
          ip: request.ip,
        });
        if (result.status === 'confirm_email') return reply.code(202).send({ status: result.status });
        reply.setCookie(deps.cookieName, result.sessionToken, {
          path: '/',
          httpOnly: true,
          secure: deps.secureCookies,
          sameSite: 'lax',
        });
        return { status: result.status };
      },
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        onRequest: [limited, requireSession],
        schema: {
          tags: ['invitations'],
          summary: 'Jag har ett befintligt konto: add the invitation’s memberships to the logged-in account',
          params: invitationTokenParams,
          response: {
            200: acceptResultSchema,
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            ...gone,
          },
        },
      },
      async (request) =>
        acceptInvitation(deps, {
          token: request.params.token,
          userId: request.session!.userId,
          ip: request.ip,
        }),
    );

    app.post(
      '/api/invitation-confirmations/:token',
      {
        onRequest: limited,
        schema: {
          tags: ['invitations'],
          summary: 'Confirm the address given at registration; grants the invitation’s memberships',
          security: [],
          params: invitationTokenParams,
          response: { 200: acceptResultSchema, 400: problemSchema, ...gone },
        },
      },
      async (request) => confirmRegisteredAddress(deps, { token: request.params.token, ip: request.ip }),
    );
  };
}
