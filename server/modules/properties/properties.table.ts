import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';

/**
 * The client's property register. Orders copy what they need from it when they are made (a
 * snapshot) and keep references for follow-up (repeat faults, quality per property).
 */
export const properties = pgTable(
  'properties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientOrgId: uuid('client_org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    designation: text('designation').notNull(),
    ownerName: text('owner_name'),
    adminArea: text('admin_area'),
    district: text('district'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('properties_client_designation_idx').on(t.clientOrgId, sql`lower(${t.designation})`)],
);

/** An apartment or premises (Objekt). */
export const registerObjects = pgTable(
  'register_objects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientOrgId: uuid('client_org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    type: text('type'),
    floor: text('floor'),
    street: text('street').notNull(),
    postalCode: text('postal_code'),
    city: text('city'),
    accessToApartment: text('access_to_apartment'),
    keyInfo: text('key_info'),
    entryWithoutTenant: boolean('entry_without_tenant'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('register_objects_client_number_idx').on(t.clientOrgId, t.number),
    index('register_objects_property_idx').on(t.propertyId),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectId: uuid('object_id')
      .notNull()
      .references(() => registerObjects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    code: text('code'),
  },
  (t) => [uniqueIndex('rooms_object_name_code_idx').on(t.objectId, t.name, sql`coalesce(${t.code}, '')`)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unitType: text('unit_type'),
    isAppliance: boolean('is_appliance').notNull().default(false),
    model: text('model'),
    serialNumber: text('serial_number'),
    installedOn: date('installed_on'),
    lastMaintenanceOn: date('last_maintenance_on'),
  },
  (t) => [uniqueIndex('units_room_name_idx').on(t.roomId, t.name)],
);

export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectId: uuid('object_id')
      .notNull()
      .references(() => registerObjects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phoneHome: text('phone_home'),
    phoneWork: text('phone_work'),
    phoneOther: text('phone_other'),
    preferredPhone: text('preferred_phone', { enum: ['home', 'work', 'other'] }),
    email: text('email'),
    moveInOn: date('move_in_on'),
  },
  (t) => [uniqueIndex('tenants_object_name_idx').on(t.objectId, t.name)],
);
