import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { WorkOrderType } from '../../../contract/work-orders.values.ts';
import type { Executor } from '../../platform/db.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { agreements } from './agreements.table.ts';

export async function linkContractor(db: Executor, values: typeof agreements.$inferInsert) {
  await db.insert(agreements).values(values).onConflictDoNothing();
}

/** The contractors a client has an agreement with; with `type`, only those whose agreement covers it. */
export async function listLinkedContractors(db: Executor, clientOrgId: string, type?: WorkOrderType) {
  return db
    .select({ id: organizations.id, name: organizations.name, orgNumber: organizations.orgNumber })
    .from(agreements)
    .innerJoin(organizations, eq(organizations.id, agreements.contractorOrgId))
    .where(
      and(
        eq(agreements.clientOrgId, clientOrgId),
        type ? sql`${agreements.orderTypes} @> ${JSON.stringify([type])}::jsonb` : undefined,
      ),
    )
    .orderBy(asc(organizations.name));
}

export async function hasAgreement(db: Executor, args: { clientOrgId: string; contractorOrgId: string }) {
  const [row] = await db
    .select({ id: agreements.contractorOrgId })
    .from(agreements)
    .where(
      and(eq(agreements.clientOrgId, args.clientOrgId), eq(agreements.contractorOrgId, args.contractorOrgId)),
    );
  return Boolean(row);
}

/** The agreement between an order's client and contractor, if there is one. */
export async function findAgreement(
  db: Executor,
  args: { clientOrgId: string; contractorOrgId: string | null },
) {
  if (!args.contractorOrgId) return null;
  const [row] = await db
    .select()
    .from(agreements)
    .where(
      and(eq(agreements.clientOrgId, args.clientOrgId), eq(agreements.contractorOrgId, args.contractorOrgId)),
    );
  return row ?? null;
}

const clientOrg = alias(organizations, 'client_org');
const contractorOrg = alias(organizations, 'contractor_org');

/** The agreements a company is party to, with both companies' names; optionally one counterpart's. */
export async function listAgreementsOf(db: Executor, args: { orgId: string; counterpartId?: string }) {
  const { orgId, counterpartId } = args;
  return db
    .select({ agreement: agreements, clientName: clientOrg.name, contractorName: contractorOrg.name })
    .from(agreements)
    .innerJoin(clientOrg, eq(clientOrg.id, agreements.clientOrgId))
    .innerJoin(contractorOrg, eq(contractorOrg.id, agreements.contractorOrgId))
    .where(
      counterpartId
        ? or(
            and(eq(agreements.clientOrgId, orgId), eq(agreements.contractorOrgId, counterpartId)),
            and(eq(agreements.contractorOrgId, orgId), eq(agreements.clientOrgId, counterpartId)),
          )
        : or(eq(agreements.clientOrgId, orgId), eq(agreements.contractorOrgId, orgId)),
    )
    .orderBy(asc(clientOrg.name), asc(contractorOrg.name));
}

/** Locks one of the client's agreements for an update; null when there is none. */
export async function lockClientAgreement(
  db: Executor,
  args: { clientOrgId: string; contractorOrgId: string },
) {
  const [row] = await db
    .select()
    .from(agreements)
    .where(
      and(eq(agreements.clientOrgId, args.clientOrgId), eq(agreements.contractorOrgId, args.contractorOrgId)),
    )
    .for('update');
  return row ?? null;
}

export async function updateAgreement(
  db: Executor,
  args: { clientOrgId: string; contractorOrgId: string },
  values: Partial<typeof agreements.$inferInsert>,
) {
  await db
    .update(agreements)
    .set({ ...values, version: sql`${agreements.version} + 1` })
    .where(
      and(eq(agreements.clientOrgId, args.clientOrgId), eq(agreements.contractorOrgId, args.contractorOrgId)),
    );
}
