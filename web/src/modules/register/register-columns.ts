import type { Register } from '../../../../contract/properties.ts';

/** The five registers, in the order they are imported: each refers to the one before it. */
export const registerNames = [
  'properties',
  'objects',
  'rooms',
  'units',
  'tenants',
] as const satisfies readonly Register[];

export function isRegister(value: string | undefined): value is Register {
  return (registerNames as readonly string[]).includes(value ?? '');
}

/** How a column's cells are written; the page explains each in the user's language. */
export type CsvFormat = 'text' | 'yesNo' | 'date' | 'postalCode' | 'phone' | 'email' | 'preferred';

export type CsvColumn = { name: string; required?: true; format?: CsvFormat };

/**
 * The columns each register's file may have, by the Swedish headers the guides use (the server also
 * takes a few other spellings). The export writes exactly these, so an export imports back unchanged.
 */
export const csvColumns: Record<Register, CsvColumn[]> = {
  properties: [
    { name: 'Fastighet', required: true },
    { name: 'Företag' },
    { name: 'Adminområde' },
    { name: 'Distrikt' },
    { name: 'Gatuadress' },
    { name: 'Postnr', format: 'postalCode' },
    { name: 'Ort' },
  ],
  objects: [
    { name: 'Objektnummer', required: true },
    { name: 'Fastighet', required: true },
    { name: 'Objekttyp' },
    { name: 'Våning' },
    { name: 'Gatuadress', required: true },
    { name: 'Postnr', format: 'postalCode' },
    { name: 'Ort' },
    { name: 'Tillgång till lägenhet' },
    { name: 'Nyckelinformation' },
    { name: 'Inpassering till objektet', format: 'yesNo' },
  ],
  rooms: [{ name: 'Objektnummer', required: true }, { name: 'Utrymme', required: true }, { name: 'Kod' }],
  units: [
    { name: 'Objektnummer', required: true },
    { name: 'Utrymme', required: true },
    { name: 'Kod' },
    { name: 'Enhet', required: true },
    { name: 'Anläggningstyp' },
    { name: 'Vitvara', format: 'yesNo' },
    { name: 'Egenskaper' },
    { name: 'Serienummer' },
    { name: 'Installerad', format: 'date' },
    { name: 'Utfört underhåll', format: 'date' },
  ],
  tenants: [
    { name: 'Objektnummer', required: true },
    { name: 'Namn', required: true },
    { name: 'Telefon bostad', format: 'phone' },
    { name: 'Telefon arbete', format: 'phone' },
    { name: 'Telefon övrig/SMS', format: 'phone' },
    { name: 'Föredragen telefon', format: 'preferred' },
    { name: 'E-post', format: 'email' },
    { name: 'Inflyttning', format: 'date' },
  ],
};
