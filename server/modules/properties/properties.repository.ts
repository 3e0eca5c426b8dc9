import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db.ts';
import { properties, registerObjects, rooms, tenants, units } from './properties.table.ts';

/*
 * Subqueries name their outer table literally ("properties"."id"): drizzle leaves columns in the
 * select list of one-table queries unqualified, and an unqualified column would bind inside the
 * subquery.
 */

/**
 * Every register query is scoped to one client here: the ids of rooms, units and tenants are only
 * reachable through an object of that client.
 */
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listProperties(
  db: Executor,
  clientOrgId: string,
  args: { q?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    eq(properties.clientOrgId, clientOrgId),
    args.q
      ? or(
          ilike(properties.designation, like(args.q)),
          ilike(properties.ownerName, like(args.q)),
          ilike(properties.street, like(args.q)),
        )
      : undefined,
  );
  const objectCount = sql<number>`(select count(*)::int from register_objects o where o.property_id = "properties"."id")`;
  const [rows, [total]] = await Promise.all([
    db
      .select({ property: properties, objectCount })
      .from(properties)
      .where(where)
      .orderBy(asc(properties.designation))
      .limit(args.limit)
      .offset(args.offset),
    db.select({ n: count() }).from(properties).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findProperty(db: Executor, clientOrgId: string, id: string) {
  const objectCount = sql<number>`(select count(*)::int from register_objects o where o.property_id = "properties"."id")`;
  const [row] = await db
    .select({ property: properties, objectCount })
    .from(properties)
    .where(and(eq(properties.clientOrgId, clientOrgId), eq(properties.id, id)));
  return row ?? null;
}

export async function lockProperty(db: Executor, clientOrgId: string, id: string) {
  const [row] = await db
    .select()
    .from(properties)
    .where(and(eq(properties.clientOrgId, clientOrgId), eq(properties.id, id)))
    .for('update');
  return row ?? null;
}

export async function findPropertiesByDesignation(db: Executor, clientOrgId: string, designations: string[]) {
  if (designations.length === 0) return [];
  return db
    .select()
    .from(properties)
    .where(
      and(
        eq(properties.clientOrgId, clientOrgId),
        inArray(
          sql`lower(${properties.designation})`,
          designations.map((d) => d.toLowerCase()),
        ),
      ),
    );
}

export async function insertProperty(db: Executor, values: typeof properties.$inferInsert) {
  const [row] = await db.insert(properties).values(values).returning();
  return row!;
}

export async function updateProperty(
  db: Executor,
  id: string,
  values: Partial<typeof properties.$inferInsert>,
) {
  await db
    .update(properties)
    .set({ ...values, version: sql`${properties.version} + 1` })
    .where(eq(properties.id, id));
}

const objectSummary = {
  id: registerObjects.id,
  propertyId: registerObjects.propertyId,
  propertyDesignation: properties.designation,
  ownerName: properties.ownerName,
  number: registerObjects.number,
  type: registerObjects.type,
  floor: registerObjects.floor,
  street: registerObjects.street,
  postalCode: registerObjects.postalCode,
  city: registerObjects.city,
  tenantName: sql<
    string | null
  >`(select t.name from tenants t where t.object_id = ${registerObjects.id} order by t.move_in_on desc nulls last, t.name limit 1)`,
};

export async function listObjects(
  db: Executor,
  clientOrgId: string,
  args: { q?: string | undefined; propertyId?: string | undefined; limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [eq(registerObjects.clientOrgId, clientOrgId)];
  if (args.propertyId) conditions.push(eq(registerObjects.propertyId, args.propertyId));
  if (args.q) {
    const q = like(args.q);
    conditions.push(
      or(
        ilike(registerObjects.number, `${args.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        ilike(registerObjects.street, q),
        ilike(properties.designation, q),
        sql`exists (select 1 from tenants t where t.object_id = "register_objects"."id" and t.name ilike ${q})`,
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select(objectSummary)
      .from(registerObjects)
      .innerJoin(properties, eq(properties.id, registerObjects.propertyId))
      .where(where)
      .orderBy(asc(properties.designation), asc(registerObjects.street), asc(registerObjects.number))
      .limit(args.limit)
      .offset(args.offset),
    db
      .select({ n: count() })
      .from(registerObjects)
      .innerJoin(properties, eq(properties.id, registerObjects.propertyId))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

type PartListArgs = {
  q?: string | undefined;
  objectId?: string | undefined;
  propertyId?: string | undefined;
  limit: number;
  offset: number;
};

/** Where a unit or tenant is: its object and property, always of this client. */
function placeConditions(clientOrgId: string, args: PartListArgs): (SQL | undefined)[] {
  return [
    eq(registerObjects.clientOrgId, clientOrgId),
    args.objectId ? eq(registerObjects.id, args.objectId) : undefined,
    args.propertyId ? eq(registerObjects.propertyId, args.propertyId) : undefined,
  ];
}

const place = {
  objectId: registerObjects.id,
  objectNumber: registerObjects.number,
  street: registerObjects.street,
  propertyId: registerObjects.propertyId,
  propertyDesignation: properties.designation,
};

/** Units across the register: by name, unit type, model or serial number (a warranty question). */
export async function listUnits(db: Executor, clientOrgId: string, args: PartListArgs) {
  const conditions = placeConditions(clientOrgId, args);
  if (args.q) {
    const q = like(args.q);
    conditions.push(
      or(
        ilike(units.name, q),
        ilike(units.unitType, q),
        ilike(units.model, q),
        ilike(units.serialNumber, q),
        ilike(rooms.name, q),
      ),
    );
  }
  const where = and(...conditions);
  const from = () =>
    db
      .select({ unit: units, roomName: rooms.name, roomCode: rooms.code, ...place })
      .from(units)
      .innerJoin(rooms, eq(rooms.id, units.roomId))
      .innerJoin(registerObjects, eq(registerObjects.id, rooms.objectId))
      .innerJoin(properties, eq(properties.id, registerObjects.propertyId));
  const [rows, [total]] = await Promise.all([
    from()
      .where(where)
      .orderBy(asc(properties.designation), asc(registerObjects.number), asc(rooms.name), asc(units.name))
      .limit(args.limit)
      .offset(args.offset),
    db
      .select({ n: count() })
      .from(units)
      .innerJoin(rooms, eq(rooms.id, units.roomId))
      .innerJoin(registerObjects, eq(registerObjects.id, rooms.objectId))
      .innerJoin(properties, eq(properties.id, registerObjects.propertyId))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Tenants across the register: by name, e-mail or phone number (digits only are compared). */
export async function listTenants(db: Executor, clientOrgId: string, args: PartListArgs) {
  const conditions = placeConditions(clientOrgId, args);
  if (args.q) {
    const q = like(args.q);
    const digits = args.q.replace(/\D/g, '');
    const phone = (column: AnyPgColumn) =>
      sql`regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}`;
    conditions.push(
      or(
        ilike(tenants.name, q),
        ilike(tenants.email, q),
        ...(digits.length >= 4
          ? [phone(tenants.phoneHome), phone(tenants.phoneWork), phone(tenants.phoneOther)]
          : []),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ tenant: tenants, ...place })
      .from(tenants)
      .innerJoin(registerObjects, eq(registerObjects.id, tenants.objectId))
      .innerJoin(properties, eq(properties.id, registerObjects.propertyId))
      .where(where)
      .orderBy(asc(tenants.name), asc(registerObjects.number))
      .limit(args.limit)
      .offset(args.offset),
    db
      .select({ n: count() })
      .from(tenants)
      .innerJoin(registerObjects, eq(registerObjects.id, tenants.objectId))
      .innerJoin(properties, eq(properties.id, registerObjects.propertyId))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** One object with its property, rooms and units, and tenants. */
export async function findObject(db: Executor, clientOrgId: string, id: string) {
  const [object] = await db
    .select({ ...objectSummary, object: registerObjects })
    .from(registerObjects)
    .innerJoin(properties, eq(properties.id, registerObjects.propertyId))
    .where(and(eq(registerObjects.clientOrgId, clientOrgId), eq(registerObjects.id, id)));
  if (!object) return null;
  const [roomRows, unitRows, tenantRows] = await Promise.all([
    db.select().from(rooms).where(eq(rooms.objectId, id)).orderBy(asc(rooms.name)),
    db
      .select({ unit: units })
      .from(units)
      .innerJoin(rooms, eq(rooms.id, units.roomId))
      .where(eq(rooms.objectId, id))
      .orderBy(asc(units.name)),
    db.select().from(tenants).where(eq(tenants.objectId, id)).orderBy(asc(tenants.name)),
  ]);
  return { object, rooms: roomRows, units: unitRows.map((u) => u.unit), tenants: tenantRows };
}

export async function lockObject(db: Executor, clientOrgId: string, id: string) {
  const [row] = await db
    .select()
    .from(registerObjects)
    .where(and(eq(registerObjects.clientOrgId, clientOrgId), eq(registerObjects.id, id)))
    .for('update');
  return row ?? null;
}

export async function findObjectsByNumber(db: Executor, clientOrgId: string, numbers: string[]) {
  if (numbers.length === 0) return [];
  return db
    .select()
    .from(registerObjects)
    .where(and(eq(registerObjects.clientOrgId, clientOrgId), inArray(registerObjects.number, numbers)));
}

export async function insertObject(db: Executor, values: typeof registerObjects.$inferInsert) {
  const [row] = await db.insert(registerObjects).values(values).returning();
  return row!;
}

export async function updateObject(
  db: Executor,
  id: string,
  values: Partial<typeof registerObjects.$inferInsert>,
) {
  await db
    .update(registerObjects)
    .set({ ...values, version: sql`${registerObjects.version} + 1` })
    .where(eq(registerObjects.id, id));
}

/** A room, unit or tenant of one of the client's objects, with its object's id. */
export async function findRoom(db: Executor, clientOrgId: string, id: string) {
  const [row] = await db
    .select({ room: rooms, objectId: registerObjects.id })
    .from(rooms)
    .innerJoin(registerObjects, eq(registerObjects.id, rooms.objectId))
    .where(and(eq(registerObjects.clientOrgId, clientOrgId), eq(rooms.id, id)));
  return row ?? null;
}

export async function findUnit(db: Executor, clientOrgId: string, id: string) {
  const [row] = await db
    .select({ unit: units, room: rooms, objectId: registerObjects.id })
    .from(units)
    .innerJoin(rooms, eq(rooms.id, units.roomId))
    .innerJoin(registerObjects, eq(registerObjects.id, rooms.objectId))
    .where(and(eq(registerObjects.clientOrgId, clientOrgId), eq(units.id, id)));
  return row ?? null;
}

export async function findTenant(db: Executor, clientOrgId: string, id: string) {
  const [row] = await db
    .select({ tenant: tenants, objectId: registerObjects.id })
    .from(tenants)
    .innerJoin(registerObjects, eq(registerObjects.id, tenants.objectId))
    .where(and(eq(registerObjects.clientOrgId, clientOrgId), eq(tenants.id, id)));
  return row ?? null;
}

export async function roomsOfObjects(db: Executor, objectIds: string[]) {
  if (objectIds.length === 0) return [];
  return db.select().from(rooms).where(inArray(rooms.objectId, objectIds));
}

export async function unitsOfRooms(db: Executor, roomIds: string[]) {
  if (roomIds.length === 0) return [];
  return db.select().from(units).where(inArray(units.roomId, roomIds));
}

export async function tenantsOfObjects(db: Executor, objectIds: string[]) {
  if (objectIds.length === 0) return [];
  return db.select().from(tenants).where(inArray(tenants.objectId, objectIds));
}

export async function insertRoom(db: Executor, values: typeof rooms.$inferInsert) {
  const [row] = await db.insert(rooms).values(values).returning();
  return row!;
}
export async function updateRoom(db: Executor, id: string, values: Partial<typeof rooms.$inferInsert>) {
  await db.update(rooms).set(values).where(eq(rooms.id, id));
}
export async function deleteRoom(db: Executor, id: string) {
  await db.delete(rooms).where(eq(rooms.id, id));
}
export async function insertUnit(db: Executor, values: typeof units.$inferInsert) {
  const [row] = await db.insert(units).values(values).returning();
  return row!;
}
export async function updateUnit(db: Executor, id: string, values: Partial<typeof units.$inferInsert>) {
  await db.update(units).set(values).where(eq(units.id, id));
}
export async function deleteUnit(db: Executor, id: string) {
  await db.delete(units).where(eq(units.id, id));
}
export async function insertTenant(db: Executor, values: typeof tenants.$inferInsert) {
  const [row] = await db.insert(tenants).values(values).returning();
  return row!;
}
export async function updateTenant(db: Executor, id: string, values: Partial<typeof tenants.$inferInsert>) {
  await db.update(tenants).set(values).where(eq(tenants.id, id));
}
export async function deleteTenant(db: Executor, id: string) {
  await db.delete(tenants).where(eq(tenants.id, id));
}

/** Every row of one register of a client, for export. */
export async function exportRows(db: Executor, clientOrgId: string) {
  const objectRows = await db
    .select({ object: registerObjects, designation: properties.designation })
    .from(registerObjects)
    .innerJoin(properties, eq(properties.id, registerObjects.propertyId))
    .where(eq(registerObjects.clientOrgId, clientOrgId))
    .orderBy(asc(registerObjects.number));
  const objectIds = objectRows.map((o) => o.object.id);
  const roomRows = await roomsOfObjects(db, objectIds);
  return {
    properties: await db
      .select()
      .from(properties)
      .where(eq(properties.clientOrgId, clientOrgId))
      .orderBy(asc(properties.designation)),
    objects: objectRows,
    rooms: roomRows,
    units: await unitsOfRooms(
      db,
      roomRows.map((r) => r.id),
    ),
    tenants: await tenantsOfObjects(db, objectIds),
  };
}
