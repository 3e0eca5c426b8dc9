import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import { contractorListSchema } from '../../../contract/organizations.ts';
import type { Database } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import { listLinkedContractors } from './organizations.repository.ts';

/** Company-scoped organisation routes; registered inside the tenant scope. */
export function organizationRoutes(deps: { db: Database }) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/contractors',
      {
        schema: {
          tags: ['organizations'],
          summary: 'The contractors a client works with: who its orders can be sent to',
          params: orgParams,
          response: { 200: contractorListSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const { actor } = request;
        if (actor.orgKind !== 'client' || actor.role === 'support') throw problems.forbidden();
        return { items: await listLinkedContractors(deps.db, actor.orgId) };
      },
    );
  };
}
