/**
 * Importing a register file: every row is checked first — fields, references to objects and
 * properties, duplicates — and either all rows are written, in one transaction, or none is and each
 * bad row and field is reported.
 */
import type { Register } from '../../../contract/properties.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { defineProblem } from '../../platform/errors.ts';
import { type CsvError, type ParsedRow, parseRegisterCsv } from './properties.csv.ts';
import {
  findObjectsByNumber,
  findPropertiesByDesignation,
  insertObject,
  insertProperty,
  insertRoom,
  insertTenant,
  insertUnit,
  roomsOfObjects,
  tenantsOfObjects,
  unitsOfRooms,
  updateObject,
  updateProperty,
  updateRoom,
  updateTenant,
  updateUnit,
} from './properties.repository.ts';

export const importInvalid = defineProblem({
  status: 422,
  code: 'register.import_invalid',
  title: {
    sv: 'Filen har fel och har inte lästs in. Rätta raderna nedan och försök igen.',
    en: 'The file has errors and was not imported. Correct the rows below and try again.',
  },
});

export const MAX_IMPORT_ROWS = 20_000;

type Result = { register: Register; created: number; updated: number };

const s = (v: string | boolean | null | undefined) => (typeof v === 'string' ? v : null);
const b = (v: string | boolean | null | undefined) => (typeof v === 'boolean' ? v : null);
type Values = ParsedRow['values'];
/**
 * A column the file does not have is left as the register has it (undefined is not written); a
 * column it has but leaves empty clears the field.
 */
const os = (v: Values, k: string) => (k in v ? s(v[k]) : undefined);
const ob = (v: Values, k: string) => (k in v ? b(v[k]) : undefined);
const key = (...parts: (string | null | undefined)[]) =>
  parts.map((p) => (p ?? '').toLowerCase()).join('\u0000');

function refError(line: number, label: string, sv: string, en: string): CsvError {
  return { field: `rows.${line}.${label}`, code: 'unknown_reference', message: { sv, en } };
}

function duplicates(rows: ParsedRow[], keyOf: (r: ParsedRow) => string, label: string): CsvError[] {
  const seen = new Map<string, number>();
  const errors: CsvError[] = [];
  for (const row of rows) {
    const k = keyOf(row);
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push({
        field: `rows.${row.line}.${label}`,
        code: 'duplicate',
        message: { sv: `Samma som rad ${first}`, en: `Same as line ${first}` },
      });
    } else seen.set(k, row.line);
  }
  return errors;
}

export async function importRegister(args: {
  db: Database;
  clock: Clock;
  clientOrgId: string;
  register: Register;
  file: Buffer;
}): Promise<Result> {
  const { db, clock, clientOrgId, register, file } = args;
  const parsed = parseRegisterCsv(register, file);
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw importInvalid({
      errors: [
        {
          field: 'file',
          code: 'too_many_rows',
          message: {
            sv: `Högst ${MAX_IMPORT_ROWS} rader per fil`,
            en: `At most ${MAX_IMPORT_ROWS} rows per file`,
          },
        },
      ],
    });
  }
  if (parsed.errors.length) throw importInvalid({ errors: parsed.errors });
  const now = clock.now();
  return db.transaction(async (tx) => {
    const result = await apply({ tx, clientOrgId, register, rows: parsed.rows, now });
    return { register, ...result };
  });
}

type ApplyArgs = { tx: Tx; clientOrgId: string; register: Register; rows: ParsedRow[]; now: Date };

async function apply(args: ApplyArgs): Promise<{ created: number; updated: number }> {
  switch (args.register) {
    case 'properties':
      return applyProperties(args);
    case 'objects':
      return applyObjects(args);
    case 'rooms':
      return applyRooms(args);
    case 'units':
      return applyUnits(args);
    case 'tenants':
      return applyTenants(args);
  }
}

function fail(errors: CsvError[]) {
  if (errors.length) throw importInvalid({ errors });
}

async function applyProperties({ tx, clientOrgId, rows, now }: ApplyArgs) {
  fail(duplicates(rows, (r) => key(s(r.values.designation)), 'Fastighet'));
  const existing = new Map(
    (
      await findPropertiesByDesignation(
        tx,
        clientOrgId,
        rows.map((r) => s(r.values.designation)!),
      )
    ).map((p) => [p.designation.toLowerCase(), p]),
  );
  let created = 0;
  let updated = 0;
  for (const { values: v } of rows) {
    const values = {
      designation: s(v.designation)!,
      ownerName: os(v, 'ownerName'),
      adminArea: os(v, 'adminArea'),
      district: os(v, 'district'),
      street: os(v, 'street'),
      postalCode: os(v, 'postalCode'),
      city: os(v, 'city'),
      updatedAt: now,
    };
    const found = existing.get(values.designation.toLowerCase());
    if (found) {
      await updateProperty(tx, found.id, values);
      updated++;
    } else {
      await insertProperty(tx, { ...values, clientOrgId, createdAt: now });
      created++;
    }
  }
  return { created, updated };
}

async function applyObjects({ tx, clientOrgId, rows, now }: ApplyArgs) {
  const errors = duplicates(rows, (r) => key(s(r.values.number)), 'Objektnummer');
  const props = new Map(
    (
      await findPropertiesByDesignation(
        tx,
        clientOrgId,
        rows.map((r) => s(r.values.property)!),
      )
    ).map((p) => [p.designation.toLowerCase(), p]),
  );
  for (const row of rows) {
    if (!props.has(s(row.values.property)!.toLowerCase())) {
      errors.push(
        refError(
          row.line,
          'Fastighet',
          'Fastigheten finns inte i registret',
          'The property is not in the register',
        ),
      );
    }
  }
  fail(errors);
  const existing = new Map(
    (
      await findObjectsByNumber(
        tx,
        clientOrgId,
        rows.map((r) => s(r.values.number)!),
      )
    ).map((o) => [o.number, o]),
  );
  let created = 0;
  let updated = 0;
  for (const { values: v } of rows) {
    const values = {
      propertyId: props.get(s(v.property)!.toLowerCase())!.id,
      number: s(v.number)!,
      type: os(v, 'type'),
      floor: os(v, 'floor'),
      street: s(v.street)!,
      postalCode: os(v, 'postalCode'),
      city: os(v, 'city'),
      accessToApartment: os(v, 'accessToApartment'),
      keyInfo: os(v, 'keyInfo'),
      entryWithoutTenant: ob(v, 'entryWithoutTenant'),
      updatedAt: now,
    };
    const found = existing.get(values.number);
    if (found) {
      await updateObject(tx, found.id, values);
      updated++;
    } else {
      await insertObject(tx, { ...values, clientOrgId, createdAt: now });
      created++;
    }
  }
  return { created, updated };
}

/** The objects the rows name, and an error for each row naming one that is not in the register. */
async function objectsFor(tx: Tx, clientOrgId: string, rows: ParsedRow[]) {
  const objects = new Map(
    (await findObjectsByNumber(tx, clientOrgId, [...new Set(rows.map((r) => s(r.values.object)!))])).map(
      (o) => [o.number, o],
    ),
  );
  const errors = rows
    .filter((r) => !objects.has(s(r.values.object)!))
    .map((r) =>
      refError(
        r.line,
        'Objektnummer',
        'Objektet finns inte i registret',
        'The object is not in the register',
      ),
    );
  return { objects, errors };
}

async function applyRooms({ tx, clientOrgId, rows }: ApplyArgs) {
  const { objects, errors } = await objectsFor(tx, clientOrgId, rows);
  errors.push(
    ...duplicates(rows, (r) => key(s(r.values.object), s(r.values.name), s(r.values.code)), 'Utrymme'),
  );
  fail(errors);
  const existing = new Map(
    (
      await roomsOfObjects(
        tx,
        [...objects.values()].map((o) => o.id),
      )
    ).map((r) => [key(r.objectId, r.name, r.code), r]),
  );
  let created = 0;
  let updated = 0;
  for (const { values: v } of rows) {
    const objectId = objects.get(s(v.object)!)!.id;
    const found = existing.get(key(objectId, s(v.name), s(v.code)));
    if (found) {
      await updateRoom(tx, found.id, { name: s(v.name)!, code: s(v.code) });
      updated++;
    } else {
      await insertRoom(tx, { objectId, name: s(v.name)!, code: s(v.code) });
      created++;
    }
  }
  return { created, updated };
}

async function applyUnits({ tx, clientOrgId, rows }: ApplyArgs) {
  const { objects, errors } = await objectsFor(tx, clientOrgId, rows);
  errors.push(
    ...duplicates(
      rows,
      (r) => key(s(r.values.object), s(r.values.room), s(r.values.roomCode), s(r.values.name)),
      'Enhet',
    ),
  );
  fail(errors);
  const roomList = await roomsOfObjects(
    tx,
    [...objects.values()].map((o) => o.id),
  );
  const roomsByKey = new Map(roomList.map((r) => [key(r.objectId, r.name, r.code), r]));
  const unitsByKey = new Map(
    (
      await unitsOfRooms(
        tx,
        roomList.map((r) => r.id),
      )
    ).map((u) => [key(u.roomId, u.name), u]),
  );
  let created = 0;
  let updated = 0;
  for (const { values: v } of rows) {
    const objectId = objects.get(s(v.object)!)!.id;
    const roomKey = key(objectId, s(v.room), s(v.roomCode));
    // A unit may name a room the register does not have yet: the room comes with it.
    let room = roomsByKey.get(roomKey);
    if (!room) {
      room = await insertRoom(tx, { objectId, name: s(v.room)!, code: s(v.roomCode) });
      roomsByKey.set(roomKey, room);
    }
    const values = {
      name: s(v.name)!,
      unitType: os(v, 'unitType'),
      isAppliance: 'isAppliance' in v ? (b(v.isAppliance) ?? false) : undefined,
      model: os(v, 'model'),
      serialNumber: os(v, 'serialNumber'),
      installedOn: os(v, 'installedOn'),
      lastMaintenanceOn: os(v, 'lastMaintenanceOn'),
    };
    const found = unitsByKey.get(key(room.id, values.name));
    if (found) {
      await updateUnit(tx, found.id, values);
      updated++;
    } else {
      await insertUnit(tx, { ...values, roomId: room.id });
      created++;
    }
  }
  return { created, updated };
}

async function applyTenants({ tx, clientOrgId, rows }: ApplyArgs) {
  const { objects, errors } = await objectsFor(tx, clientOrgId, rows);
  errors.push(...duplicates(rows, (r) => key(s(r.values.object), s(r.values.name)), 'Namn'));
  const phoneOf = { home: 'phoneHome', work: 'phoneWork', other: 'phoneOther' } as const;
  for (const row of rows) {
    const preferred = s(row.values.preferredPhone) as keyof typeof phoneOf | null;
    if (preferred && !s(row.values[phoneOf[preferred]])) {
      errors.push({
        field: `rows.${row.line}.Föredragen telefon`,
        code: 'invalid',
        message: { sv: 'Det numret saknas på raden', en: 'That number is missing on the row' },
      });
    }
  }
  fail(errors);
  const existing = new Map(
    (
      await tenantsOfObjects(
        tx,
        [...objects.values()].map((o) => o.id),
      )
    ).map((t) => [key(t.objectId, t.name), t]),
  );
  let created = 0;
  let updated = 0;
  for (const { values: v } of rows) {
    const objectId = objects.get(s(v.object)!)!.id;
    const values = {
      name: s(v.name)!,
      phoneHome: os(v, 'phoneHome'),
      phoneWork: os(v, 'phoneWork'),
      phoneOther: os(v, 'phoneOther'),
      preferredPhone: os(v, 'preferredPhone') as 'home' | 'work' | 'other' | null | undefined,
      email: os(v, 'email'),
      moveInOn: os(v, 'moveInOn'),
    };
    const found = existing.get(key(objectId, values.name));
    if (found) {
      await updateTenant(tx, found.id, values);
      updated++;
    } else {
      await insertTenant(tx, { ...values, objectId });
      created++;
    }
  }
  return { created, updated };
}
