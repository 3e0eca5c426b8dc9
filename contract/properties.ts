import { z } from 'zod';
import { isoDate, isoDateTime, pageQuery } from './common.ts';

/** The client's property register: properties, their objects, rooms, units and tenants. */

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const phone = z
  .string()
  .trim()
  .min(5)
  .max(30)
  .regex(/^\+?[0-9 ()-]+$/, 'digits, spaces, +, -, ( and ) only');

export const propertyInputSchema = z
  .strictObject({
    designation: requiredText(200).describe('Fastighetsbeteckning, e.g. "Solna Rosenborg 3"'),
    ownerName: optionalText(200).describe('Företag / förening, e.g. "Brf Vågen"'),
    adminArea: optionalText(100).describe('Adminområde'),
    district: optionalText(100).describe('Distrikt'),
    street: optionalText(200).describe("The property's main address, for common areas"),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3} ?\d{2}$/, 'five digits, e.g. 123 45')
      .nullable()
      .optional(),
    city: optionalText(100),
  })
  .meta({ id: 'PropertyFields' });
export type PropertyInput = z.infer<typeof propertyInputSchema>;

export const propertySchema = z
  .object({
    id: z.uuid(),
    designation: z.string(),
    ownerName: z.string().nullable(),
    adminArea: z.string().nullable(),
    district: z.string().nullable(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    objectCount: z.number().int(),
    version: z.number().int(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Property' });
export type Property = z.infer<typeof propertySchema>;

export const objectInputSchema = z
  .strictObject({
    propertyId: z.uuid(),
    number: requiredText(50).describe('Objektnummer, e.g. 64010765'),
    type: optionalText(100).describe('Objekttyp, e.g. "3 rum och kök"'),
    floor: optionalText(100).describe('Våning, e.g. "0 av 2 (ej hiss)"'),
    street: requiredText(200),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3} ?\d{2}$/, 'five digits, e.g. 123 45')
      .nullable()
      .optional(),
    city: optionalText(100),
    accessToApartment: optionalText(500).describe('Tillgång till lägenhet'),
    keyInfo: optionalText(500).describe('Nyckelinformation'),
    entryWithoutTenant: z
      .boolean()
      .nullable()
      .optional()
      .describe('Inpassering till objektet utan hyresgäst'),
  })
  .meta({ id: 'ObjectFields' });
export type ObjectInput = z.infer<typeof objectInputSchema>;

export const roomInputSchema = z
  .strictObject({
    name: requiredText(100).describe('Utrymme, e.g. "Kök"'),
    code: optionalText(30).describe('The room code, e.g. "076506"'),
  })
  .meta({ id: 'RoomFields' });

export const unitInputSchema = z
  .strictObject({
    name: requiredText(100).describe('Enhet / Anläggning, e.g. "Diskbänk"'),
    unitType: optionalText(100).describe('Anläggningstyp'),
    isAppliance: z
      .boolean()
      .default(false)
      .describe('Vitvara: model and serial number required at completion'),
    model: optionalText(200).describe('Egenskaper'),
    serialNumber: optionalText(100),
    installedOn: isoDate.nullable().optional().describe('Installerad'),
    lastMaintenanceOn: isoDate.nullable().optional().describe('Utfört underhåll'),
  })
  .meta({ id: 'UnitFields' });

const phoneFields = { home: 'phoneHome', work: 'phoneWork', other: 'phoneOther' } as const;

export const tenantInputSchema = z
  .strictObject({
    name: requiredText(200),
    phoneHome: phone.nullable().optional().describe('Telefon bostad'),
    phoneWork: phone.nullable().optional().describe('Telefon arbete'),
    phoneOther: phone.nullable().optional().describe('Telefon övrig/SMS'),
    preferredPhone: z.enum(['home', 'work', 'other']).nullable().optional().describe('The number marked *'),
    email: z.email().max(254).nullable().optional(),
    moveInOn: isoDate.nullable().optional().describe('Inflyttning'),
  })
  .refine((t) => !t.preferredPhone || Boolean(t[phoneFields[t.preferredPhone]]), {
    message: 'the preferred phone must have a number',
    path: ['preferredPhone'],
  })
  .meta({ id: 'TenantFields' });

export const unitSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unitType: z.string().nullable(),
    isAppliance: z.boolean(),
    model: z.string().nullable(),
    serialNumber: z.string().nullable(),
    installedOn: isoDate.nullable(),
    lastMaintenanceOn: isoDate.nullable(),
  })
  .meta({ id: 'Unit' });

export const roomSchema = z
  .object({ id: z.uuid(), name: z.string(), code: z.string().nullable(), units: z.array(unitSchema) })
  .meta({ id: 'Room' });

export const tenantSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phoneHome: z.string().nullable(),
    phoneWork: z.string().nullable(),
    phoneOther: z.string().nullable(),
    preferredPhone: z.enum(['home', 'work', 'other']).nullable(),
    email: z.string().nullable(),
    moveInOn: isoDate.nullable(),
  })
  .meta({ id: 'Tenant' });

export const objectSummarySchema = z
  .object({
    id: z.uuid(),
    propertyId: z.uuid(),
    propertyDesignation: z.string(),
    ownerName: z.string().nullable(),
    number: z.string(),
    type: z.string().nullable(),
    floor: z.string().nullable(),
    street: z.string(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    tenantName: z.string().nullable(),
  })
  .meta({ id: 'ObjectSummary' });

export const objectSchema = objectSummarySchema
  .extend({
    accessToApartment: z.string().nullable(),
    keyInfo: z.string().nullable(),
    entryWithoutTenant: z.boolean().nullable(),
    rooms: z.array(roomSchema),
    tenants: z.array(tenantSchema),
    version: z.number().int(),
  })
  .meta({ id: 'RegisterObject' });
export type RegisterObject = z.infer<typeof objectSchema>;

export const registerListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  propertyId: z.uuid().optional(),
  ...pageQuery,
});

export const registerPartListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  objectId: z.uuid().optional(),
  propertyId: z.uuid().optional(),
  ...pageQuery,
});

/** Where a unit or a tenant is in the register. */
const placeOf = {
  objectId: z.uuid(),
  objectNumber: z.string(),
  street: z.string(),
  propertyId: z.uuid(),
  propertyDesignation: z.string(),
};

export const unitListSchema = z
  .object({
    items: z.array(
      unitSchema.extend({
        roomId: z.uuid(),
        roomName: z.string(),
        roomCode: z.string().nullable(),
        ...placeOf,
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'UnitList' });

export const tenantListSchema = z
  .object({ items: z.array(tenantSchema.extend(placeOf)), total: z.number().int() })
  .meta({ id: 'TenantList' });

export const propertyListSchema = z.object({ items: z.array(propertySchema), total: z.number().int() });
export const objectListSchema = z.object({ items: z.array(objectSummarySchema), total: z.number().int() });

export const registers = ['properties', 'objects', 'rooms', 'units', 'tenants'] as const;
export type Register = (typeof registers)[number];

export const importResultSchema = z
  .object({
    register: z.enum(registers),
    created: z.number().int(),
    updated: z.number().int(),
  })
  .meta({ id: 'ImportResult' });
