import type { OrgKind, Role } from '../../../contract/organizations.ts';
import { rolesByOrgKind } from '../../../contract/organizations.ts';

/**
 * The domain.md roles table as one pure function: what a member of a company of a given kind, with a
 * given role, may do. Routes ask `can(actor, capability)` and answer 403 when it says no
 * (security.md 17); membership itself (404) is the tenant scope's business.
 */
export type Capability =
  /** See the member list, change roles, disable, remove, create users with a password. */
  | 'users.manage'
  /** Invite people to the company. */
  | 'invitations.send'
  /** Invite a contractor company by organisation number (clients only). */
  | 'contractors.invite'
  /** Company settings such as requiring two-factor authentication. */
  | 'settings.manage'
  /** The company's audit log. */
  | 'audit.read'
  /** Create companies and invite their first administrator (the operator). */
  | 'companies.manage'
  /** Work orders at all: everyone but support users (who reach support tickets only). */
  | 'work_orders.read'
  /** Agreement terms (client administrators). */
  | 'agreements.write'
  /** The property register (client administrators). */
  | 'register.write';

type Member = { orgKind: OrgKind; role: Role };

const rules: Record<Capability, (m: Member) => boolean> = {
  'users.manage': (m) => m.role === 'admin',
  'invitations.send': (m) => m.role === 'admin',
  'contractors.invite': (m) => m.orgKind === 'client' && m.role === 'admin',
  'settings.manage': (m) => m.role === 'admin',
  'audit.read': (m) => m.role === 'admin',
  'companies.manage': (m) => m.orgKind === 'operator' && m.role === 'admin',
  'work_orders.read': (m) => (m.orgKind === 'client' || m.orgKind === 'contractor') && m.role !== 'support',
  'agreements.write': (m) => m.orgKind === 'client' && m.role === 'admin',
  'register.write': (m) => m.orgKind === 'client' && m.role === 'admin',
};

export function can(member: Member, capability: Capability): boolean {
  return rules[capability](member);
}

/** Whether a role exists for a kind of company (a contractor has no coordinators). */
export function roleFitsOrg(orgKind: OrgKind, role: Role): boolean {
  return rolesByOrgKind[orgKind].includes(role);
}
