import type { FastifyInstance } from 'fastify';
import type { OrgKind, Role } from '../../contract/organizations.ts';
import { noSessionProblem } from './auth/auth.plugin.ts';
import { problems } from './errors.ts';
import { sendProblem } from './http-errors.ts';
import { scopedOrgId, TENANT_PREFIX } from './tenant-path.ts';

/** Who is acting, in which company and with which role. Every scoped query is built from this. */
export type Actor = { userId: string; orgId: string; orgKind: OrgKind; role: Role };

export type MembershipLookup = (args: { userId: string; orgId: string }) => Promise<{
  orgKind: OrgKind;
  role: Role;
} | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export { TENANT_PREFIX };

/**
 * Registers company-scoped routes under /api/orgs/:orgId. Before anything else runs (body parsing,
 * validation, the handler): no session → 401; not a member of that company → 404, exactly as if the
 * company did not exist. Inside, `request.actor` is always set.
 */
export async function registerTenantScope(
  app: FastifyInstance,
  args: {
    findMembership: MembershipLookup;
    onDenied?: (info: { userId: string; orgId: string; url: string }) => void | Promise<void>;
  },
  routes: (scoped: FastifyInstance) => Promise<void> | void,
) {
  await app.register(
    async (scoped) => {
      scoped.decorateRequest('actor', null as unknown as Actor);
      scoped.addHook('onRequest', async (request, reply) => {
        const session = request.session;
        if (!session) return sendProblem(reply, noSessionProblem(request));
        const { orgId } = request.params as { orgId: string };
        const id = scopedOrgId(request.routeOptions.url, request.params);
        // The auth plugin brought the membership in this company along with the session (one round
        // trip); undefined means it did not look, and it is looked up here.
        const membership =
          id === null
            ? null
            : session.membership !== undefined
              ? session.membership
              : await args.findMembership({ userId: session.userId, orgId: id });
        if (!membership) {
          await args.onDenied?.({ userId: session.userId, orgId, url: request.url });
          return sendProblem(reply, problems.notFound());
        }
        request.actor = {
          userId: session.userId,
          orgId: id!,
          orgKind: membership.orgKind,
          role: membership.role,
        };
      });
      await routes(scoped);
    },
    { prefix: TENANT_PREFIX },
  );
}
