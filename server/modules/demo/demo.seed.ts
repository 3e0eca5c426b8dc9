import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { WorkOrderStatus } from '../../../contract/work-orders.ts';
import { type Clock, fixedClock, systemClock } from '../../platform/clock.ts';
import type { Database, DatabaseKind } from '../../platform/db.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { linkContractor } from '../agreements/agreements.repository.ts';
import { createUser } from '../identity/identity.usecases.ts';
import { insertMembership, insertOrganization } from '../organizations/organizations.repository.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { createWorkOrder, transitionWorkOrder } from '../work-orders/work-orders.commands.ts';
import { updateWorkOrderFields } from '../work-orders/work-orders.edit.ts';
import {
  DEMO_PASSWORD,
  demoAgreements,
  demoOrders,
  demoOrgs,
  demoPlaces,
  demoUsers,
  reporterFor,
} from './demo.data.ts';
import { seedDemoRegister } from './demo.register.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The moves that take a freshly sent order to where the demo wants it. */
const paths: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  draft: [],
  new: [],
  accepted: ['accepted'],
  material_ordered: ['accepted', 'material_ordered'],
  reporter_unreachable: ['accepted', 'reporter_unreachable'],
  done: ['accepted', 'done'],
  invoiced: ['accepted', 'done', 'invoiced'],
  declined: ['declined'],
  cancelled: ['cancelled'],
};

const reasons: Partial<Record<WorkOrderStatus, string>> = {
  declined: 'Vi har inte möjlighet att ta uppdraget inom avtalad tid.',
  cancelled: 'Hyresgästen har själv åtgärdat felet.',
};

async function demoPresent(db: Database): Promise<boolean> {
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`${organizations.orgNumber} = ${demoOrgs.client.orgNumber}`);
  return rows.length > 0;
}

async function databaseIsEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length === 0;
}

/** Creates the demo: companies, people, and orders whose history was made by the real use cases. */
export async function seedDemo(args: { db: Database; publicUrl: string; clock?: Clock }) {
  const { db, publicUrl } = args;
  const now = (args.clock ?? systemClock).now();
  const identityDeps = { db, clock: fixedClock(now) };

  const orgs = {
    client: await insertOrganization(db, { kind: 'client', ...demoOrgs.client, createdAt: now }),
    ror: await insertOrganization(db, { kind: 'contractor', ...demoOrgs.ror, createdAt: now }),
    el: await insertOrganization(db, { kind: 'contractor', ...demoOrgs.el, createdAt: now }),
  };
  await linkContractor(db, {
    clientOrgId: orgs.client.id,
    contractorOrgId: orgs.ror.id,
    createdAt: now,
    ...demoAgreements.ror,
  });
  await linkContractor(db, {
    clientOrgId: orgs.client.id,
    contractorOrgId: orgs.el.id,
    createdAt: now,
    ...demoAgreements.el,
  });

  const objectIds = await seedDemoRegister(db, { clientOrgId: orgs.client.id, now });

  const actors = {} as Record<(typeof demoUsers)[number]['username'], Actor>;
  for (const u of demoUsers) {
    const user = await createUser(identityDeps, {
      username: u.username,
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
    });
    const org = orgs[u.org];
    await insertMembership(db, { userId: user.id, orgId: org.id, role: u.role, createdAt: now });
    actors[u.username] = { userId: user.id, orgId: org.id, orgKind: org.kind, role: u.role };
  }

  for (const [i, spec] of demoOrders.entries()) {
    const place = demoPlaces[spec.at?.place ?? i % demoPlaces.length]!;
    const object = place.objects[spec.at?.object ?? i % place.objects.length]!;
    const reporter = reporterFor(i);
    const contractor = spec.contractor === 'ror' ? orgs.ror : orgs.el;
    const contractorActor = spec.contractor === 'ror' ? actors.entreprenor : actors.elektriker;
    const minutesAgo = spec.minutesAgo ?? ((i % 7) + 1) * 37;
    const createdAt = new Date(now.getTime() - spec.daysAgo * DAY - minutesAgo * 60 * 1000);
    const deps = { db, publicUrl, clock: fixedClock(createdAt) };

    const { workOrder } = await createWorkOrder(deps, {
      actor: actors.bestallare,
      input: {
        type: spec.type,
        priority: spec.priority,
        description: spec.description,
        phrase: spec.phrase,
        externalRef: spec.externalRef,
        objectId: objectIds.get(object.number),
        propertyName: place.propertyName,
        ownerName: place.ownerName,
        street: place.street,
        postalCode: place.postalCode,
        city: place.city,
        objectNumber: object.number,
        objectType: object.type,
        floor: object.floor,
        room: spec.room,
        unit: spec.unit,
        unitType: spec.unitType,
        unitIsAppliance: Boolean(spec.appliance),
        unitInstalledOn: spec.appliance?.installedOn,
        accessToApartment: i % 3 === 0 ? 'Huvudnyckel' : 'Hyresgästen är hemma',
        keyInfo: i % 3 === 0 ? 'Nyckel finns i fastighetsboxen' : undefined,
        entryWithoutTenant: i % 3 === 0,
        preferredTime: i % 4 === 0 ? 'Vardagar efter kl. 15' : undefined,
        reporter: {
          name: reporter.name,
          phones: [
            { kind: 'home', number: reporter.phone, preferred: true },
            ...(reporter.work ? [{ kind: 'work' as const, number: reporter.work, preferred: false }] : []),
          ],
          moveInOn: reporter.moveInOn,
        },
        clientContact: {
          name: 'Elsa Österberg',
          email: 'bestallare@exempelbostader.example',
          phone: '08-465 004 10',
        },
        contractorOrgId: contractor.id,
        dispatch: spec.status !== 'draft',
      },
    });

    const manager = { ...deps, clock: fixedClock(new Date(createdAt.getTime() + HOUR)) };
    if (spec.assignToTechnician) {
      const assigned = await updateWorkOrderFields(manager, {
        actor: contractorActor,
        id: workOrder.id,
        input: { contractorContactId: actors.tekniker.userId },
        ifMatch: workOrder.version,
      });
      workOrder.version = assigned.version;
    }
    if (spec.bookedAfterDays !== undefined) {
      const booked = new Date(createdAt.getTime() + spec.bookedAfterDays * DAY);
      booked.setUTCHours(7, 0, 0, 0); // 08:00 or 09:00 in Stockholm
      await updateWorkOrderFields(manager, {
        actor: contractorActor,
        id: workOrder.id,
        input: { bookedAt: booked.toISOString() },
        ifMatch: workOrder.version,
      });
    }

    const steps = paths[spec.status];
    const span = now.getTime() - createdAt.getTime();
    for (const [k, to] of steps.entries()) {
      const at = new Date(createdAt.getTime() + (span * (k + 1)) / (steps.length + 1));
      const clientMove = to === 'cancelled' || to === 'invoiced';
      await transitionWorkOrder(
        { ...deps, clock: fixedClock(at) },
        {
          actor: clientMove ? actors.bestallare : contractorActor,
          id: workOrder.id,
          input: {
            to,
            reason: reasons[to],
            ...(to === 'done'
              ? {
                  actionDescription: spec.action,
                  faultType: spec.faultType ?? 'Slitage',
                  rootCause: spec.rootCause ?? 'Ålder/slitage',
                }
              : {}),
          },
        },
      );
    }
  }

  // The demo's history should not send its old mail; only orders still waiting keep their notice.
  await db.execute(sql`
    delete from jobs
    where kind = 'mail.send'
      and (payload->'context'->>'workOrderId')::uuid not in (select id from work_orders where status = 'new')`);
}

export function demoBanner(publicUrl: string): string {
  const lines = [
    'DEMO LOGINS — for trying Ordning out only. Anyone who knows these can log in:',
    '',
    ...demoUsers.map((u) => `  ${u.username.padEnd(12)} ${u.what}`),
    '',
    `  Password for all: ${DEMO_PASSWORD}`,
    `  Open ${publicUrl} and log in.`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = `+${'-'.repeat(width)}+`;
  return [bar, ...lines.map((l) => `| ${l.padEnd(width - 1)}|`), bar].join('\n');
}

/**
 * Seeds the demo when asked: always with `true`; with 'auto' only on an empty embedded database (never
 * on a server database unless asked). Prints the logins whenever the demo is there.
 */
export async function seedDemoIfWanted(args: {
  db: Database;
  kind: DatabaseKind;
  wanted: boolean | 'auto';
  publicUrl: string;
  log: FastifyBaseLogger;
}): Promise<'seeded' | 'present' | 'absent'> {
  const { db, kind, wanted, publicUrl, log } = args;
  let state: 'seeded' | 'present' | 'absent' = (await demoPresent(db)) ? 'present' : 'absent';
  const auto = wanted === 'auto' && kind === 'embedded';
  if (state === 'absent' && (wanted === true || auto) && (await databaseIsEmpty(db))) {
    log.info('empty database: creating the demo data');
    await seedDemo({ db, publicUrl });
    state = 'seeded';
  } else if (state === 'absent' && wanted === true) {
    log.warn('demo data asked for, but the database already holds other data; not adding the demo');
  }
  if (state !== 'absent') {
    log.warn({ demo: true }, 'this installation has the demo companies and their publicly known logins');
    process.stdout.write(`\n${demoBanner(publicUrl)}\n\n`);
  }
  return state;
}
