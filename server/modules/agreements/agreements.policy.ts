/** Who may see and change agreements. Pure. */
import type { Actor } from '../../platform/tenant-scope.ts';

/** Agreements carry invoicing terms: not for technicians or support users (security.md 17, 19). */
export function canReadAgreements(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  if (actor.orgKind === 'client') return actor.role !== 'support';
  if (actor.orgKind === 'contractor') return actor.role === 'admin' || actor.role === 'manager';
  return false;
}

/** Only the client's administrators set the terms; the contractor reads them. */
export function canEditAgreements(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return actor.orgKind === 'client' && actor.role === 'admin';
}

/** Whom a client can send orders to is a dispatching question: admins and coordinators. */
export function canListContractors(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return actor.orgKind === 'client' && actor.role !== 'support';
}
