/**
 * Reading and writing the register as CSV. Files come from housing companies' own systems and from
 * Excel: UTF-8 (with or without a byte-order mark) or Windows-1252, separated by `;` (Excel with
 * Swedish settings) or `,`. Headers are matched loosely (case, spaces, diacritics) against the
 * Swedish labels of the guides and the API's English field names. Pure: no database.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isoDate } from '../../../contract/common.ts';
import type { Register } from '../../../contract/properties.ts';

export type Column = {
  key: string;
  /** The header written on export, and the first name accepted on import. */
  label: string;
  aliases?: string[];
  required?: boolean;
  kind?: 'text' | 'boolean' | 'date' | 'postalCode' | 'phone' | 'email' | 'preferred';
  max?: number;
};

export const columns: Record<Register, Column[]> = {
  properties: [
    { key: 'designation', label: 'Fastighet', aliases: ['Fastighetsbeteckning'], required: true, max: 200 },
    { key: 'ownerName', label: 'Företag', aliases: ['Förening', 'Ägare'], max: 200 },
    { key: 'adminArea', label: 'Adminområde', max: 100 },
    { key: 'district', label: 'Distrikt', max: 100 },
    { key: 'street', label: 'Gatuadress', aliases: ['Adress'], max: 200 },
    { key: 'postalCode', label: 'Postnr', aliases: ['Postnummer'], kind: 'postalCode' },
    { key: 'city', label: 'Ort', max: 100 },
  ],
  objects: [
    { key: 'number', label: 'Objektnummer', aliases: ['Objekt', 'Objnr'], required: true, max: 50 },
    { key: 'property', label: 'Fastighet', aliases: ['Fastighetsbeteckning'], required: true, max: 200 },
    { key: 'type', label: 'Objekttyp', max: 100 },
    { key: 'floor', label: 'Våning', max: 100 },
    { key: 'street', label: 'Gatuadress', aliases: ['Adress'], required: true, max: 200 },
    { key: 'postalCode', label: 'Postnr', aliases: ['Postnummer'], kind: 'postalCode' },
    { key: 'city', label: 'Ort', max: 100 },
    { key: 'accessToApartment', label: 'Tillgång till lägenhet', max: 500 },
    { key: 'keyInfo', label: 'Nyckelinformation', max: 500 },
    {
      key: 'entryWithoutTenant',
      label: 'Inpassering till objektet',
      aliases: ['Inpassering'],
      kind: 'boolean',
    },
  ],
  rooms: [
    { key: 'object', label: 'Objektnummer', aliases: ['Objekt'], required: true, max: 50 },
    { key: 'name', label: 'Utrymme', aliases: ['Rum'], required: true, max: 100 },
    { key: 'code', label: 'Kod', aliases: ['Utrymmeskod'], max: 30 },
  ],
  units: [
    { key: 'object', label: 'Objektnummer', aliases: ['Objekt'], required: true, max: 50 },
    { key: 'room', label: 'Utrymme', aliases: ['Rum'], required: true, max: 100 },
    { key: 'roomCode', label: 'Kod', aliases: ['Utrymmeskod'], max: 30 },
    { key: 'name', label: 'Enhet', aliases: ['Anläggning'], required: true, max: 100 },
    { key: 'unitType', label: 'Anläggningstyp', max: 100 },
    { key: 'isAppliance', label: 'Vitvara', kind: 'boolean' },
    { key: 'model', label: 'Egenskaper', aliases: ['Modell'], max: 200 },
    { key: 'serialNumber', label: 'Serienummer', max: 100 },
    { key: 'installedOn', label: 'Installerad', kind: 'date' },
    { key: 'lastMaintenanceOn', label: 'Utfört underhåll', kind: 'date' },
  ],
  tenants: [
    { key: 'object', label: 'Objektnummer', aliases: ['Objekt'], required: true, max: 50 },
    { key: 'name', label: 'Namn', aliases: ['Hyresgäst'], required: true, max: 200 },
    { key: 'phoneHome', label: 'Telefon bostad', kind: 'phone' },
    { key: 'phoneWork', label: 'Telefon arbete', kind: 'phone' },
    { key: 'phoneOther', label: 'Telefon övrig/SMS', aliases: ['Telefon övrig', 'SMS'], kind: 'phone' },
    { key: 'preferredPhone', label: 'Föredragen telefon', kind: 'preferred' },
    { key: 'email', label: 'E-post', aliases: ['Epost', 'Mejl'], kind: 'email' },
    { key: 'moveInOn', label: 'Inflyttning', kind: 'date' },
  ],
};

export type ParsedRow = { line: number; values: Record<string, string | boolean | null> };
export type CsvError = { field: string; code: string; message: { sv: string; en: string } };

/** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (what Excel writes on Swedish Windows). */
export function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ';';
}

const normalize = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const BOOLEAN: Record<string, boolean> = {
  ja: true,
  j: true,
  yes: true,
  y: true,
  x: true,
  '1': true,
  true: true,
  sant: true,
  nej: false,
  n: false,
  no: false,
  '0': false,
  false: false,
  falskt: false,
};
const PREFERRED: Record<string, 'home' | 'work' | 'other'> = {
  bostad: 'home',
  hem: 'home',
  home: 'home',
  arbete: 'work',
  work: 'work',
  ovrig: 'other',
  ovrigsms: 'other',
  sms: 'other',
  other: 'other',
};

function convert(
  column: Column,
  raw: string,
): { value: string | boolean | null } | { error: { sv: string; en: string } } {
  // Our own export guards formula-like cells with a leading apostrophe; take it off again.
  const value = raw.trim().replace(/^'(?=[=+\-@])/, '');
  if (value === '') {
    return column.required
      ? { error: { sv: 'Obligatoriskt fält', en: 'Required' } }
      : { value: column.kind === 'boolean' ? null : null };
  }
  switch (column.kind) {
    case 'boolean': {
      const b = BOOLEAN[normalize(value)];
      return b === undefined ? { error: { sv: 'Ange ja eller nej', en: 'Use yes or no' } } : { value: b };
    }
    case 'date':
      // A real calendar day: 2024-02-30 is refused here, not by the database halfway through.
      return isoDate.safeParse(value).success
        ? { value }
        : { error: { sv: 'Datum skrivs ÅÅÅÅ-MM-DD', en: 'Dates are written YYYY-MM-DD' } };
    case 'postalCode':
      return /^\d{3} ?\d{2}$/.test(value)
        ? { value: `${value.replace(' ', '').slice(0, 3)} ${value.replace(' ', '').slice(3)}` }
        : { error: { sv: 'Fem siffror, t.ex. 123 45', en: 'Five digits, e.g. 123 45' } };
    case 'phone':
      return /^\+?[0-9 ()-]{5,30}$/.test(value)
        ? { value }
        : { error: { sv: 'Telefonnummer med siffror', en: 'A phone number in digits' } };
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254
        ? { value: value.toLowerCase() }
        : { error: { sv: 'Ogiltig e-postadress', en: 'Invalid e-mail address' } };
    case 'preferred': {
      const p = PREFERRED[normalize(value)];
      return p
        ? { value: p }
        : { error: { sv: 'Ange bostad, arbete eller övrig', en: 'Use bostad, arbete or övrig' } };
    }
    default:
      return value.length > (column.max ?? 500)
        ? { error: { sv: `Högst ${column.max} tecken`, en: `At most ${column.max} characters` } }
        : { value };
  }
}

/**
 * Parses one register's file. Returns every row, or every error with the file line and the column
 * (`rows.<line>.<Column>`) — never a partial result.
 */
export function parseRegisterCsv(
  register: Register,
  bytes: Buffer,
): { rows: ParsedRow[]; errors: CsvError[] } {
  const text = decode(bytes);
  // A spreadsheet saved as .xlsx (a zip) or any other binary file: say so rather than read noise.
  if (text.includes('\u0000')) {
    return {
      rows: [],
      errors: [
        {
          field: 'file',
          code: 'not_csv',
          message: {
            sv: 'Filen är inte en CSV-fil. Spara den i Excel som "CSV (semikolonavgränsad)" och försök igen.',
            en: 'The file is not a CSV file. Save it from Excel as "CSV (semicolon delimited)" and try again.',
          },
        },
      ],
    };
  }
  const defs = columns[register];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return {
      rows: [],
      errors: [
        {
          field: `rows.${line}`,
          code: 'malformed',
          message: { sv: 'Filen går inte att läsa som CSV här', en: 'The file cannot be read as CSV here' },
        },
      ],
    };
  }
  const [header, ...body] = records;
  if (!header) {
    return {
      rows: [],
      errors: [{ field: 'file', code: 'empty', message: { sv: 'Filen är tom', en: 'The file is empty' } }],
    };
  }
  const byName = new Map<string, Column>();
  for (const def of defs)
    for (const name of [def.label, def.key, ...(def.aliases ?? [])]) byName.set(normalize(name), def);
  const positions = new Map<string, number>();
  header.record.forEach((h, i) => {
    const def = byName.get(normalize(h));
    if (def && !positions.has(def.key)) positions.set(def.key, i);
  });
  const missing = defs.filter((d) => d.required && !positions.has(d.key));
  if (missing.length) {
    return {
      rows: [],
      errors: missing.map((d) => ({
        field: `header.${d.label}`,
        code: 'missing_column',
        message: { sv: `Kolumnen "${d.label}" saknas`, en: `The column "${d.label}" is missing` },
      })),
    };
  }
  const rows: ParsedRow[] = [];
  const errors: CsvError[] = [];
  for (const { record, info } of body) {
    const values: ParsedRow['values'] = {};
    for (const def of defs) {
      const at = positions.get(def.key);
      // A column the file does not have is not part of the row: the import leaves that field alone.
      if (at === undefined) continue;
      const result = convert(def, record[at] ?? '');
      if ('error' in result)
        errors.push({ field: `rows.${info.lines}.${def.label}`, code: 'invalid', message: result.error });
      else values[def.key] = result.value;
    }
    rows.push({ line: info.lines, values });
  }
  return { rows, errors };
}

/** Writes rows under the register's Swedish headers: `;`, CRLF and a byte-order mark, for Excel. */
export function writeRegisterCsv(register: Register, rows: Record<string, unknown>[]): string {
  const defs = columns[register];
  const cell = (def: Column, value: unknown) => {
    if (value === null || value === undefined) return '';
    if (def.kind === 'boolean') return value ? 'ja' : 'nej';
    if (def.kind === 'preferred')
      return { home: 'bostad', work: 'arbete', other: 'övrig' }[value as string] ?? '';
    return String(value);
  };
  return stringify([defs.map((d) => d.label), ...rows.map((row) => defs.map((d) => cell(d, row[d.key])))], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
  });
}
