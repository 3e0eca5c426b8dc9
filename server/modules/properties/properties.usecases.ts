import type { z } from 'zod';
import type {
  ObjectInput,
  objectSchema,
  Property,
  PropertyInput,
  Register,
  roomInputSchema,
  tenantInputSchema,
  unitInputSchema,
} from '../../../contract/properties.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { can } from '../organizations/roles.policy.ts';
import { writeRegisterCsv } from './properties.csv.ts';
import {
  deleteRoom,
  deleteTenant,
  deleteUnit,
  exportRows,
  findObject,
  findProperty,
  findRoom,
  findTenant,
  findUnit,
  insertObject,
  insertProperty,
  insertRoom,
  insertTenant,
  insertUnit,
  listObjects,
  listProperties,
  listTenants,
  listUnits,
  lockObject,
  lockProperty,
  updateObject,
  updateProperty,
  updateRoom,
  updateTenant,
  updateUnit,
} from './properties.repository.ts';
import type { tenants, units } from './properties.table.ts';

export type RegisterDeps = { db: Database; clock: Clock };

/** The register is the client's: its people read it (to make orders), its administrators keep it. */
export function canReadRegister(actor: Pick<Actor, 'orgKind' | 'role'>) {
  return can(actor, 'register.read');
}
export function canEditRegister(actor: Pick<Actor, 'orgKind' | 'role'>) {
  return can(actor, 'register.write');
}

function mayRead(actor: Actor) {
  if (!canReadRegister(actor)) throw problems.forbidden();
}
function mayEdit(actor: Actor) {
  if (!canEditRegister(actor)) throw problems.forbidden();
}

export const alreadyInRegister = defineProblem({
  status: 409,
  code: 'register.duplicate',
  title: { sv: 'Det finns redan i registret', en: 'It is already in the register' },
});

/** Unique keys (designation, object number, room, unit, tenant name) clash as 409, not 500. */
async function uniquely<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const code =
      (err as { code?: string; cause?: { code?: string } }).code ??
      (err as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') {
      throw alreadyInRegister({
        errors: [{ field, code: 'duplicate', message: { sv: 'Finns redan', en: 'Already exists' } }],
      });
    }
    throw err;
  }
}

type PropertyRow = NonNullable<Awaited<ReturnType<typeof findProperty>>>;

function toProperty(row: PropertyRow): Property {
  const p = row.property;
  return {
    id: p.id,
    designation: p.designation,
    ownerName: p.ownerName,
    adminArea: p.adminArea,
    district: p.district,
    street: p.street,
    postalCode: p.postalCode,
    city: p.city,
    objectCount: Number(row.objectCount),
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function listPropertiesFor(
  deps: RegisterDeps,
  args: { actor: Actor; q?: string | undefined; limit: number; offset: number },
) {
  mayRead(args.actor);
  const { rows, total } = await listProperties(deps.db, args.actor.orgId, args);
  return { items: rows.map(toProperty), total };
}

export async function getProperty(deps: RegisterDeps, args: { actor: Actor; id: string }) {
  mayRead(args.actor);
  const row = await findProperty(deps.db, args.actor.orgId, args.id);
  if (!row) throw problems.notFound();
  return toProperty(row);
}

const clean = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === '' || v === undefined ? null : v]));

export async function createProperty(deps: RegisterDeps, args: { actor: Actor; input: PropertyInput }) {
  mayEdit(args.actor);
  const now = deps.clock.now();
  const row = await uniquely('designation', () =>
    insertProperty(deps.db, {
      ...(clean(args.input) as PropertyInput),
      designation: args.input.designation,
      clientOrgId: args.actor.orgId,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return getProperty(deps, { actor: args.actor, id: row.id });
}

export async function replaceProperty(
  deps: RegisterDeps,
  args: { actor: Actor; id: string; input: PropertyInput; ifMatch: number | undefined },
) {
  mayEdit(args.actor);
  if (args.ifMatch === undefined) throw problems.preconditionRequired();
  await deps.db.transaction(async (tx) => {
    const current = await lockProperty(tx, args.actor.orgId, args.id);
    if (!current) throw problems.notFound();
    if (current.version !== args.ifMatch) throw problems.preconditionFailed();
    await uniquely('designation', () =>
      updateProperty(tx, args.id, { ...(clean(args.input) as PropertyInput), updatedAt: deps.clock.now() }),
    );
  });
  return getProperty(deps, { actor: args.actor, id: args.id });
}

export async function listObjectsFor(
  deps: RegisterDeps,
  args: {
    actor: Actor;
    q?: string | undefined;
    propertyId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  mayRead(args.actor);
  const { rows, total } = await listObjects(deps.db, args.actor.orgId, args);
  return { items: rows, total };
}

type ObjectView = z.infer<typeof objectSchema>;

export async function getObject(deps: RegisterDeps, args: { actor: Actor; id: string }): Promise<ObjectView> {
  mayRead(args.actor);
  const found = await findObject(deps.db, args.actor.orgId, args.id);
  if (!found) throw problems.notFound();
  const o = found.object;
  return {
    id: o.id,
    propertyId: o.propertyId,
    propertyDesignation: o.propertyDesignation,
    ownerName: o.ownerName,
    number: o.number,
    type: o.type,
    floor: o.floor,
    street: o.street,
    postalCode: o.postalCode,
    city: o.city,
    tenantName: o.tenantName,
    accessToApartment: o.object.accessToApartment,
    keyInfo: o.object.keyInfo,
    entryWithoutTenant: o.object.entryWithoutTenant,
    version: o.object.version,
    rooms: found.rooms.map((r) => ({
      id: r.id,
      name: r.name,
      code: r.code,
      units: found.units.filter((u) => u.roomId === r.id).map(unitView),
    })),
    tenants: found.tenants.map(tenantView),
  };
}

type UnitRow = typeof units.$inferSelect;
type TenantRow = typeof tenants.$inferSelect;

function unitView(u: UnitRow) {
  return {
    id: u.id,
    name: u.name,
    unitType: u.unitType,
    isAppliance: u.isAppliance,
    model: u.model,
    serialNumber: u.serialNumber,
    installedOn: u.installedOn,
    lastMaintenanceOn: u.lastMaintenanceOn,
  };
}

function tenantView(t: TenantRow) {
  return {
    id: t.id,
    name: t.name,
    phoneHome: t.phoneHome,
    phoneWork: t.phoneWork,
    phoneOther: t.phoneOther,
    preferredPhone: t.preferredPhone,
    email: t.email,
    moveInOn: t.moveInOn,
  };
}

type PartQuery = {
  actor: Actor;
  q?: string | undefined;
  objectId?: string | undefined;
  propertyId?: string | undefined;
  limit: number;
  offset: number;
};

/** The register's units, wherever they are, with their room, object and property. */
export async function listUnitsFor(deps: RegisterDeps, args: PartQuery) {
  mayRead(args.actor);
  const { rows, total } = await listUnits(deps.db, args.actor.orgId, args);
  return {
    items: rows.map(({ unit, ...where }) => ({ ...unitView(unit), roomId: unit.roomId, ...where })),
    total,
  };
}

/** The register's tenants, with the object they live in. */
export async function listTenantsFor(deps: RegisterDeps, args: PartQuery) {
  mayRead(args.actor);
  const { rows, total } = await listTenants(deps.db, args.actor.orgId, args);
  return { items: rows.map(({ tenant, ...where }) => ({ ...tenantView(tenant), ...where })), total };
}

async function ownProperty(deps: RegisterDeps, actor: Actor, propertyId: string) {
  if (!(await findProperty(deps.db, actor.orgId, propertyId))) {
    throw problems.validation({
      errors: [
        {
          field: 'propertyId',
          code: 'unknown_property',
          message: { sv: 'Okänd fastighet', en: 'Unknown property' },
        },
      ],
    });
  }
}

export async function createObject(deps: RegisterDeps, args: { actor: Actor; input: ObjectInput }) {
  mayEdit(args.actor);
  await ownProperty(deps, args.actor, args.input.propertyId);
  const now = deps.clock.now();
  const row = await uniquely('number', () =>
    insertObject(deps.db, {
      ...(clean(args.input) as ObjectInput),
      clientOrgId: args.actor.orgId,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return getObject(deps, { actor: args.actor, id: row.id });
}

export async function replaceObject(
  deps: RegisterDeps,
  args: { actor: Actor; id: string; input: ObjectInput; ifMatch: number | undefined },
) {
  mayEdit(args.actor);
  if (args.ifMatch === undefined) throw problems.preconditionRequired();
  await ownProperty(deps, args.actor, args.input.propertyId);
  await deps.db.transaction(async (tx) => {
    const current = await lockObject(tx, args.actor.orgId, args.id);
    if (!current) throw problems.notFound();
    if (current.version !== args.ifMatch) throw problems.preconditionFailed();
    await uniquely('number', () =>
      updateObject(tx, args.id, { ...(clean(args.input) as ObjectInput), updatedAt: deps.clock.now() }),
    );
  });
  return getObject(deps, { actor: args.actor, id: args.id });
}

type RoomInput = z.output<typeof roomInputSchema>;
type UnitInput = z.output<typeof unitInputSchema>;
type TenantInput = z.output<typeof tenantInputSchema>;

/** Rooms, units and tenants change with their object; each answer is the whole object again. */
export async function addRoom(
  deps: RegisterDeps,
  args: { actor: Actor; objectId: string; input: RoomInput },
) {
  mayEdit(args.actor);
  if (!(await findObject(deps.db, args.actor.orgId, args.objectId))) throw problems.notFound();
  await uniquely('name', () =>
    insertRoom(deps.db, { objectId: args.objectId, name: args.input.name, code: args.input.code ?? null }),
  );
  return getObject(deps, { actor: args.actor, id: args.objectId });
}

export async function changeRoom(
  deps: RegisterDeps,
  args: { actor: Actor; id: string; input: RoomInput | null },
) {
  mayEdit(args.actor);
  const found = await findRoom(deps.db, args.actor.orgId, args.id);
  if (!found) throw problems.notFound();
  if (args.input) {
    const input = args.input;
    await uniquely('name', () =>
      updateRoom(deps.db, args.id, { name: input.name, code: input.code ?? null }),
    );
  } else await deleteRoom(deps.db, args.id);
  return getObject(deps, { actor: args.actor, id: found.objectId });
}

export async function addUnit(deps: RegisterDeps, args: { actor: Actor; roomId: string; input: UnitInput }) {
  mayEdit(args.actor);
  const room = await findRoom(deps.db, args.actor.orgId, args.roomId);
  if (!room) throw problems.notFound();
  await uniquely('name', () =>
    insertUnit(deps.db, { ...(clean(args.input) as UnitInput), roomId: args.roomId }),
  );
  return getObject(deps, { actor: args.actor, id: room.objectId });
}

export async function changeUnit(
  deps: RegisterDeps,
  args: { actor: Actor; id: string; input: UnitInput | null },
) {
  mayEdit(args.actor);
  const found = await findUnit(deps.db, args.actor.orgId, args.id);
  if (!found) throw problems.notFound();
  if (args.input) {
    const input = args.input;
    await uniquely('name', () => updateUnit(deps.db, args.id, clean(input) as UnitInput));
  } else await deleteUnit(deps.db, args.id);
  return getObject(deps, { actor: args.actor, id: found.objectId });
}

export async function addTenant(
  deps: RegisterDeps,
  args: { actor: Actor; objectId: string; input: TenantInput },
) {
  mayEdit(args.actor);
  if (!(await findObject(deps.db, args.actor.orgId, args.objectId))) throw problems.notFound();
  await uniquely('name', () =>
    insertTenant(deps.db, { ...(clean(args.input) as TenantInput), objectId: args.objectId }),
  );
  return getObject(deps, { actor: args.actor, id: args.objectId });
}

export async function changeTenant(
  deps: RegisterDeps,
  args: { actor: Actor; id: string; input: TenantInput | null },
) {
  mayEdit(args.actor);
  const found = await findTenant(deps.db, args.actor.orgId, args.id);
  if (!found) throw problems.notFound();
  if (args.input) {
    const input = args.input;
    await uniquely('name', () => updateTenant(deps.db, args.id, clean(input) as TenantInput));
  } else await deleteTenant(deps.db, args.id);
  return getObject(deps, { actor: args.actor, id: found.objectId });
}

/** One register as CSV, in the same columns the import reads. */
export async function exportRegister(deps: RegisterDeps, args: { actor: Actor; register: Register }) {
  mayRead(args.actor);
  const all = await exportRows(deps.db, args.actor.orgId);
  const objectNumber = new Map(all.objects.map((o) => [o.object.id, o.object.number]));
  const roomById = new Map(all.rooms.map((r) => [r.id, r]));
  const rows: Record<Register, Record<string, unknown>[]> = {
    properties: all.properties,
    objects: all.objects.map((o) => ({ ...o.object, property: o.designation })),
    rooms: all.rooms.map((r) => ({ ...r, object: objectNumber.get(r.objectId) })),
    units: all.units.map((u) => {
      const room = roomById.get(u.roomId)!;
      return { ...u, object: objectNumber.get(room.objectId), room: room.name, roomCode: room.code };
    }),
    tenants: all.tenants.map((t) => ({ ...t, object: objectNumber.get(t.objectId) })),
  };
  return writeRegisterCsv(args.register, rows[args.register]);
}
