/** Who may see and change agreements. Pure. */
import type { Actor } from '../../platform/tenant-scope.ts';
import { can } from '../organizations/roles.policy.ts';

/** Agreements carry invoicing terms: not for technicians or support users (security.md 17, 19). */
export function canReadAgreements(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'agreements.read');
}

/** Only the client's administrators set the terms; the contractor reads them. */
export function canEditAgreements(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'agreements.write');
}

/** Whom a client can send orders to is a dispatching question: admins and coordinators. */
export function canListContractors(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'contractors.list');
}
