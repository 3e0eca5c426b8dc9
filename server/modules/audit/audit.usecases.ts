import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { recordAudit } from './audit.repository.ts';

/**
 * security.md 31: a logged-in user asked for a company they are not in. The row names no company in
 * its company column — the company's own administrators would otherwise see the names of other
 * companies' users — so only the operator's log shows it; the id asked for is in the detail.
 */
export async function recordTenantDenied(
  db: Executor,
  clock: Clock,
  info: { userId: string; orgId: string; url: string },
) {
  await recordAudit(db, {
    at: clock.now(),
    action: 'tenant.denied',
    actorUserId: info.userId,
    detail: { requestedOrgId: info.orgId.slice(0, 60), url: info.url.split('?')[0]!.slice(0, 300) },
  });
}
