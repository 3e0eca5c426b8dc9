/** Where company-scoped routes live, and how a company id in their path is read. */
export const TENANT_PREFIX = '/api/orgs/:orgId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The company id of a company-scoped route's path, lower-cased; null when the route is not one or the id is no UUID. */
export function scopedOrgId(routeUrl: string | undefined, params: unknown): string | null {
  if (!routeUrl?.startsWith(TENANT_PREFIX)) return null;
  const orgId = (params as { orgId?: unknown } | null)?.orgId;
  return typeof orgId === 'string' && UUID.test(orgId) ? orgId.toLowerCase() : null;
}
