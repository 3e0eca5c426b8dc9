import type { Agreement, AgreementTerms } from '../../../contract/agreements.ts';
import type { WorkOrderType } from '../../../contract/work-orders.values.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { can } from '../organizations/roles.policy.ts';
import { canEditAgreements, canListContractors, canReadAgreements } from './agreements.policy.ts';
import {
  listAgreementsOf,
  listLinkedContractors,
  lockClientAgreement,
  updateAgreement,
} from './agreements.repository.ts';

export type AgreementDeps = { db: Database; clock: Clock };

type Row = Awaited<ReturnType<typeof listAgreementsOf>>[number];

function toAgreement(row: Row): Agreement {
  const a = row.agreement;
  return {
    client: { id: a.clientOrgId, name: row.clientName },
    contractor: { id: a.contractorOrgId, name: row.contractorName },
    orderTypes: a.orderTypes,
    slaRules: a.slaRules,
    completedVisibleDays: a.completedVisibleDays,
    requireFaultType: a.requireFaultType,
    requireRootCause: a.requireRootCause,
    faultTypes: a.faultTypes,
    rootCauses: a.rootCauses,
    phrases: a.phrases,
    invoiceReferenceTemplate: a.invoiceReferenceTemplate,
    invoiceMarking: a.invoiceMarking,
    projectNumber: a.projectNumber,
    invoiceAddress: a.invoiceAddress,
    version: a.version,
    updatedAt: (a.updatedAt ?? a.createdAt).toISOString(),
  };
}

export async function listAgreements(deps: AgreementDeps, args: { actor: Actor }) {
  if (!canReadAgreements(args.actor)) throw problems.forbidden();
  const rows = await listAgreementsOf(deps.db, { orgId: args.actor.orgId });
  return { items: rows.map(toAgreement) };
}

export async function getAgreement(deps: AgreementDeps, args: { actor: Actor; counterpartId: string }) {
  if (!canReadAgreements(args.actor)) throw problems.forbidden();
  const [row] = await listAgreementsOf(deps.db, {
    orgId: args.actor.orgId,
    counterpartId: args.counterpartId,
  });
  if (!row) throw problems.notFound();
  return toAgreement(row);
}

/** The client's administrator sets the terms. If-Match is required, as for every edit. */
export async function setAgreementTerms(
  deps: AgreementDeps,
  args: { actor: Actor; counterpartId: string; terms: AgreementTerms; ifMatch: number | undefined },
): Promise<Agreement> {
  const { actor, counterpartId, terms } = args;
  if (!canReadAgreements(actor)) throw problems.forbidden();
  const key = { clientOrgId: actor.orgId, contractorOrgId: counterpartId };
  return deps.db.transaction(async (tx) => {
    const current = actor.orgKind === 'client' ? await lockClientAgreement(tx, key) : null;
    if (!current) {
      // A contractor reads its agreements but never changes them; that is a role question, not existence.
      const [visible] = await listAgreementsOf(tx, { orgId: actor.orgId, counterpartId });
      if (!visible) throw problems.notFound();
      throw problems.forbidden();
    }
    if (!canEditAgreements(actor)) throw problems.forbidden();
    if (args.ifMatch === undefined) throw problems.preconditionRequired();
    if (args.ifMatch !== current.version) throw problems.preconditionFailed();
    await updateAgreement(tx, key, { ...terms, updatedAt: deps.clock.now() });
    const [row] = await listAgreementsOf(tx, { orgId: actor.orgId, counterpartId });
    return toAgreement(row!);
  });
}

export async function listContractors(
  deps: AgreementDeps,
  args: { actor: Actor; type?: WorkOrderType | undefined },
) {
  if (!canListContractors(args.actor)) throw problems.forbidden();
  return { items: await listLinkedContractors(deps.db, args.actor.orgId, args.type) };
}

/** A contractor's clients (by agreement), for registering orders: everyone but support users. */
export async function listClients(deps: AgreementDeps, args: { actor: Actor }) {
  const { actor } = args;
  if (!can(actor, 'clients.list')) throw problems.forbidden();
  const rows = await listAgreementsOf(deps.db, { orgId: actor.orgId });
  return {
    items: rows.map((r) => ({
      id: r.agreement.clientOrgId,
      name: r.clientName,
      completedVisibleDays: r.agreement.completedVisibleDays,
    })),
  };
}
