import type { OrgKind, Role } from '../../../contract/organizations.ts';
import { rolesByOrgKind } from '../../../contract/organizations.ts';

/**
 * The domain.md roles table, as one table: what a member of a company of a given kind, with a given
 * role, may do. Every module asks `can(actor, capability)` — directly, or through its own policy
 * functions, which add only what depends on the thing itself (an order's status, whether it is
 * assigned to the technician) — and answers 403 when it says no (security.md 17). Membership itself
 * (404 for another company) is the tenant scope's business; which orders a technician sees at all is
 * the work-order repository's access function.
 */
export type Capability =
  /** Användare: the member list with roles, create with a password, change role, disable, remove, delete. */
  | 'users.manage'
  /** Invite people to the company; see, resend and revoke its pending invitations. */
  | 'invitations.send'
  /** Invite a contractor company by organisation number (clients). */
  | 'contractors.invite'
  /** Company settings such as requiring two-step verification. */
  | 'settings.manage'
  /** The company's audit log (Granskningslogg). */
  | 'audit.read'
  /** The company's undelivered mail and held replies (E-post att hantera). */
  | 'mail.manage'
  /** Create companies and invite their first administrator (the operator). */
  | 'companies.manage'
  /** The company's people, to pick an orderer or a contact on an order. */
  | 'members.read'
  /** Work orders at all: everyone on the client and contractor side but support users. */
  | 'work_orders.read'
  /** The client's ordering: create, dispatch, cancel, reopen, answer questions, mark invoiced, edit its fields. */
  | 'work_orders.order'
  /** The contractor's handling of all the company's orders: accept, decline, assign, status, complete, invoice. */
  | 'work_orders.handle'
  /** A technician's work on orders assigned to them: status progress, complete, booked time, model and serial. */
  | 'work_orders.work_assigned'
  /** Registrera arbetsorder: the contractor registers an order for a client itself. */
  | 'work_orders.register'
  /** Notes, photos, messages and questions on an order: the people ordering or doing the work. */
  | 'work_orders.write'
  /** Invoicing details of orders, and the CSV export that carries them (security.md 19). */
  | 'invoicing.read'
  /** The client's contractors to send orders to. */
  | 'contractors.list'
  /** The contractor's clients to register orders for. */
  | 'clients.list'
  /** Agreement terms: read (they carry invoicing terms) and set (the client's administrators). */
  | 'agreements.read'
  | 'agreements.write'
  /** The property register: read (to make orders) and keep (the client's administrators). */
  | 'register.read'
  | 'register.write'
  /** Fault type × root cause (the client's follow-up). */
  | 'quality.read';

const companyAdmin: Capability[] = [
  'users.manage',
  'invitations.send',
  'settings.manage',
  'audit.read',
  'mail.manage',
  'members.read',
];

/** domain.md "Roles", row by row. A role not listed for a kind of company may do nothing there. */
export const roleTable: { [K in OrgKind]: Partial<Record<Role, readonly Capability[]>> } = {
  client: {
    // Everything of the client, incl. users, agreements, settings, property register.
    admin: [
      ...companyAdmin,
      'contractors.invite',
      'work_orders.read',
      'work_orders.order',
      'work_orders.write',
      'invoicing.read',
      'contractors.list',
      'agreements.read',
      'agreements.write',
      'register.read',
      'register.write',
      'quality.read',
    ],
    // Create, dispatch, cancel, reopen, answer, message, mark invoiced.
    coordinator: [
      'members.read',
      'work_orders.read',
      'work_orders.order',
      'work_orders.write',
      'invoicing.read',
      'contractors.list',
      'agreements.read',
      'register.read',
      'quality.read',
    ],
    // Read.
    viewer: [
      'members.read',
      'work_orders.read',
      'invoicing.read',
      'contractors.list',
      'agreements.read',
      'register.read',
      'quality.read',
    ],
    // Support tickets only.
    support: [],
  },
  contractor: {
    // Everything of the contractor, incl. users and roles.
    admin: [
      ...companyAdmin,
      'work_orders.read',
      'work_orders.handle',
      'work_orders.register',
      'work_orders.write',
      'invoicing.read',
      'clients.list',
      'agreements.read',
    ],
    // All the company's orders: accept, decline, assign, status, message, complete, approve time, invoice.
    manager: [
      'members.read',
      'work_orders.read',
      'work_orders.handle',
      'work_orders.register',
      'work_orders.write',
      'invoicing.read',
      'clients.list',
      'agreements.read',
    ],
    // Only orders assigned to them: read, notes, photos, status progress, complete, report time.
    technician: [
      'members.read',
      'work_orders.read',
      'work_orders.work_assigned',
      'work_orders.register',
      'work_orders.write',
      'clients.list',
    ],
    // Support tickets only.
    support: [],
  },
  // Customer accounts, licences, billing (member: read) — the partner features are not built yet.
  partner: { admin: [...companyAdmin], member: [] },
  // Organisations, support desk, store catalogue.
  operator: { admin: [...companyAdmin, 'companies.manage'] },
};

type Member = { orgKind: OrgKind; role: Role };

export function can(member: Member, capability: Capability): boolean {
  return roleTable[member.orgKind][member.role]?.includes(capability) ?? false;
}

/** Whether a role exists for a kind of company (a contractor has no coordinators). */
export function roleFitsOrg(orgKind: OrgKind, role: Role): boolean {
  return rolesByOrgKind[orgKind].includes(role);
}
