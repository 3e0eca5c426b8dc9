/**
 * The demo's property register: the five properties of demo.data.ts with some three hundred
 * apartments, their rooms and units, and a tenant in each. Deterministic: the same every time.
 */
import type { Database } from '../../platform/db.ts';
import { properties, registerObjects, rooms, tenants, units } from '../properties/properties.table.ts';
import { demoPlaces } from './demo.data.ts';

const firstNames = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Sara',
  'Mohammed',
  'Fatima',
  'Ahmed',
  'Eva',
  'Per',
  'Lina',
  'Oskar',
  'Elin',
  'Ali',
  'Ingrid',
  'Nils',
  'Amira',
  'Gustav',
];
const lastNames = [
  'Lindberg',
  'Andersson',
  'Sjöberg',
  'Ekström',
  'Hassan',
  'Nyström',
  'Björk',
  'Yusuf',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Svensson',
  'Berg',
  'Holm',
  'Ali',
  'Lund',
  'Wallin',
  'Öberg',
];
const objectTypes = ['1 rum och kök', '2 rum och kök', '2 rum och kokvrå', '3 rum och kök', '4 rum och kök'];

/** Fictional numbers only: PTS reserves 070-174 06 05–99 and 08-465 004 00–99 for fiction. */
function phone(i: number): string {
  return i % 2 === 0
    ? `070-174 06 ${String(5 + (i % 95)).padStart(2, '0')}`
    : `08-465 004 ${String(i % 100).padStart(2, '0')}`;
}

type RoomSpec = { name: string; units: { name: string; unitType: string; isAppliance?: boolean }[] };
const roomSpecs: RoomSpec[] = [
  {
    name: 'Kök',
    units: [
      { name: 'Diskbänk', unitType: 'Sanitet' },
      { name: 'Spis', unitType: 'Vitvara', isAppliance: true },
      { name: 'Kylskåp', unitType: 'Vitvara', isAppliance: true },
      { name: 'Diskmaskin', unitType: 'Vitvara', isAppliance: true },
      { name: 'Köksfläkt', unitType: 'Ventilation' },
    ],
  },
  {
    name: 'Våtrum',
    units: [
      { name: 'WC-stol', unitType: 'Sanitet' },
      { name: 'Tvättställ', unitType: 'Sanitet' },
      { name: 'Duschblandare', unitType: 'Sanitet' },
      { name: 'Golvbrunn', unitType: 'Avlopp' },
    ],
  },
  {
    name: 'Sovrum',
    units: [
      { name: 'Radiator', unitType: 'Värme' },
      { name: 'Eluttag', unitType: 'El' },
    ],
  },
  {
    name: 'Hall',
    units: [
      { name: 'Elcentral', unitType: 'El' },
      { name: 'Porttelefon', unitType: 'El' },
    ],
  },
];

export const OBJECTS_PER_PROPERTY = 60;

/** Writes the register and returns each object's id by number. */
export async function seedDemoRegister(db: Database, args: { clientOrgId: string; now: Date }) {
  const { clientOrgId, now } = args;
  const objectIds = new Map<string, string>();
  let serial = 0;
  for (const [p, place] of demoPlaces.entries()) {
    const [property] = await db
      .insert(properties)
      .values({
        clientOrgId,
        designation: place.propertyName,
        ownerName: place.ownerName,
        adminArea: String(p + 1),
        district: place.city,
        street: place.street,
        postalCode: place.postalCode,
        city: place.city,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    // The objects the demo orders name come first, then numbered neighbours in the same building.
    const named = place.objects;
    const base = Number(named[0]!.number);
    const numbers = [...named.map((o) => o.number)];
    for (let k = 1; numbers.length < OBJECTS_PER_PROPERTY; k++) {
      const candidate = String(base + k);
      if (!numbers.includes(candidate)) numbers.push(candidate);
    }
    const streetBase = place.street.replace(/\s\d+$/, '');
    const houseNumber = Number(place.street.match(/(\d+)$/)?.[1] ?? 1);
    const objectRows = numbers.map((number, i) => {
      const known = named.find((o) => o.number === number);
      const stair = Math.floor(i / 20);
      const floorNo = Math.floor((i % 20) / 4);
      return {
        clientOrgId,
        propertyId: property!.id,
        number,
        type: known?.type ?? objectTypes[(i * 7) % objectTypes.length]!,
        floor: known?.floor ?? `${floorNo} av 4 (${stair % 2 === 0 ? 'hiss' : 'ej hiss'})`,
        street: stair === 0 ? place.street : `${streetBase} ${houseNumber + stair * 2}`,
        postalCode: place.postalCode,
        city: place.city,
        accessToApartment: i % 3 === 0 ? 'Huvudnyckel' : null,
        keyInfo: i % 3 === 0 ? 'Nyckel finns i fastighetsboxen' : null,
        entryWithoutTenant: i % 3 === 0,
        createdAt: now,
        updatedAt: now,
      };
    });
    const inserted = await db
      .insert(registerObjects)
      .values(objectRows)
      .returning({ id: registerObjects.id, number: registerObjects.number });
    for (const o of inserted) objectIds.set(o.number, o.id);

    const roomRows = inserted.flatMap((o, i) =>
      roomSpecs.map((r) => ({
        objectId: o.id,
        name: r.name,
        code: r.name === 'Kök' ? String(76500 + i).padStart(6, '0') : null,
      })),
    );
    const insertedRooms = await db
      .insert(rooms)
      .values(roomRows)
      .returning({ id: rooms.id, name: rooms.name });
    const unitRows = insertedRooms.flatMap((room) =>
      roomSpecs
        .find((r) => r.name === room.name)!
        .units.map((u) => {
          serial++;
          return {
            roomId: room.id,
            name: u.name,
            unitType: u.unitType,
            isAppliance: u.isAppliance ?? false,
            model: u.isAppliance ? ['Electrolux', 'Bosch', 'Siemens', 'Cylinda'][serial % 4]! : null,
            serialNumber: u.isAppliance ? `SN${String(100000 + serial)}` : null,
            installedOn: `${2008 + (serial % 15)}-0${1 + (serial % 9)}-1${serial % 10}`,
            lastMaintenanceOn: serial % 4 === 0 ? `${2020 + (serial % 5)}-0${1 + (serial % 9)}-15` : null,
          };
        }),
    );
    for (let start = 0; start < unitRows.length; start += 500) {
      await db.insert(units).values(unitRows.slice(start, start + 500));
    }
    await db.insert(tenants).values(
      inserted.map((o, i) => {
        const n = p * OBJECTS_PER_PROPERTY + i;
        const first = firstNames[(n * 7) % firstNames.length]!;
        const last = lastNames[(n * 11) % lastNames.length]!;
        return {
          objectId: o.id,
          name: `${first} ${last}`,
          phoneHome: phone(n),
          phoneWork: n % 4 === 0 ? phone(n + 1) : null,
          phoneOther: null,
          preferredPhone: 'home' as const,
          email:
            n % 2 === 0
              ? `${`${first}.${last}`.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o')}@example.se`
              : null,
          moveInOn: `${1995 + (n % 30)}-${String(1 + (n % 12)).padStart(2, '0')}-01`,
        };
      }),
    );
  }
  return objectIds;
}
