import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import { orgMemberListSchema } from '../../../contract/organizations.ts';
import type { Database } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import { listMembersWithRoles } from './organizations.repository.ts';
import { can } from './roles.policy.ts';

/** Company-scoped organisation routes; registered inside the tenant scope. */
export function organizationRoutes(deps: { db: Database }) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/members',
      {
        schema: {
          tags: ['organizations'],
          summary: "The company's people who can be given work: for choosing an Entreprenörkontakt",
          params: orgParams,
          response: { 200: orgMemberListSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const { actor } = request;
        if (!can(actor, 'members.read')) throw problems.forbidden();
        const roles =
          actor.orgKind === 'contractor'
            ? (['admin', 'manager', 'technician'] as const)
            : (['admin', 'coordinator'] as const);
        const members = await listMembersWithRoles(deps.db, { orgId: actor.orgId, roles: [...roles] });
        return { items: members.map((m) => ({ userId: m.userId, name: m.name, role: m.role })) };
      },
    );
  };
}
