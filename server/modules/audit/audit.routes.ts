import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../../contract/audit.ts';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import { requireSession } from '../../platform/auth/auth.plugin.ts';
import type { Database } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import { isOperatorAdmin } from '../organizations/companies.usecases.ts';
import { can } from '../organizations/roles.policy.ts';
import { listAuditEvents } from './audit.repository.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

function toPage(result: Awaited<ReturnType<typeof listAuditEvents>>) {
  return {
    total: result.total,
    items: result.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

/** Granskningslogg for a company's administrators: that company's events. */
export function auditScopedRoutes(deps: { db: Database }) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: "The company's audit log, newest first; filter by action",
          params: orgParams,
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, ...errors },
        },
      },
      async (request) => {
        if (!can(request.actor, 'audit.read')) throw problems.forbidden();
        return toPage(await listAuditEvents(deps.db, { orgId: request.actor.orgId, ...request.query }));
      },
    );
  };
}

/** The whole installation's audit log, for the operator's administrators. */
export function auditOperatorRoutes(deps: { db: Database }) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/operator/audit',
      {
        onRequest: requireSession,
        schema: {
          tags: ['audit'],
          summary: 'Every audit event of the installation (operator administrators)',
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, ...errors },
        },
      },
      async (request) => {
        if (!(await isOperatorAdmin(deps.db, request.session!.userId))) throw problems.forbidden();
        return toPage(await listAuditEvents(deps.db, request.query));
      },
    );
  };
}
