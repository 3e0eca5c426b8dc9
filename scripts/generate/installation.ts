/**
 * The companies, people, agreements and property registers of a generated installation. Sizes follow
 * the number of orders: a few big clients and a long tail of small ones, many small contractors and
 * a few that work for almost everyone, so the biggest contractor's inbox spans many clients.
 */
import {
  defaultFaultTypes,
  defaultRootCauses,
  defaultSlaRules,
  type SlaRules,
} from '../../contract/agreements.values.ts';
import { type Random, seededRandom, stableUuid, weightedPicker, zipfWeights } from './random.ts';
import {
  blockNames,
  cities,
  companyWords,
  fictionalPhone,
  firstNames,
  lastNames,
  objectTypes,
  orgNumber,
  roomLayout,
  streetStems,
  streetSuffixes,
} from './swedish.ts';

export type Options = { orders: number; clients: number; contractors: number; seed: number };

export type Org = {
  id: string;
  index: number;
  kind: 'client' | 'contractor';
  name: string;
  orgNumber: string;
};
export type User = { id: string; username: string; email: string; name: string; orgId: string; role: string };
export type Agreement = {
  clientId: string;
  contractorId: string;
  rules: SlaRules;
  ruleKey: number;
  visibleDays: number;
  requireCloseOut: boolean;
  invoiceTemplate: string;
};
export type RegisterObject = {
  id: string;
  propertyIndex: number;
  number: string;
  type: string;
  floor: string;
  street: string;
  postalCode: string;
  city: string;
  access: string | null;
  keyInfo: string | null;
  entryWithoutTenant: boolean;
  tenantName: string;
  tenantPhone: string;
  tenantOtherPhone: string | null;
  moveInOn: string;
};
export type Property = {
  id: string;
  designation: string;
  ownerName: string | null;
  district: string;
  adminArea: string;
  street: string;
  postalCode: string;
  city: string;
};

export type ClientPlan = {
  org: Org;
  /** Expected share of all orders. */
  share: number;
  agreements: Agreement[];
  pickContractor: (u: number) => number;
  coordinators: User[];
  properties: Property[];
  objects: RegisterObject[];
};
export type ContractorPlan = { org: Org; technicians: User[]; managers: User[] };

export type Installation = {
  clients: ClientPlan[];
  contractors: ContractorPlan[];
  users: User[];
  pickClient: (u: number) => number;
};

/** Two SLA styles from the guides: JM's (working days) and one with calendar days for urgent work. */
const ruleSets: SlaRules[] = [
  defaultSlaRules,
  {
    urgent: { contactBy: { days: 0, unit: 'calendar' }, deliverBy: { days: 2, unit: 'calendar' } },
    high: { contactBy: { days: 1, unit: 'working' }, deliverBy: { days: 3, unit: 'working' } },
    normal: { contactBy: { days: 2, unit: 'working' }, deliverBy: { days: 10, unit: 'working' } },
    low: { contactBy: { days: 5, unit: 'working' }, deliverBy: { days: 30, unit: 'calendar' } },
  },
];

export const benchPassword = 'ordning-bench-2026';

function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

function user(seed: number, org: Org, username: string, role: string, name: string): User {
  return {
    id: stableUuid(seed, 'user', username),
    username,
    email: `${username}@example.com`,
    name,
    orgId: org.id,
    role,
  };
}

export function planInstallation(options: Options): Installation {
  const { seed } = options;
  const random = seededRandom(seed);
  const clientWeights = zipfWeights(options.clients, 1);
  const clientTotal = clientWeights.reduce((a, b) => a + b, 0);
  // A contractor's popularity: how likely a client is to have an agreement with it.
  const popularity = zipfWeights(options.contractors, 0.8);
  const pickPopular = weightedPicker(popularity);

  const contractors: ContractorPlan[] = Array.from({ length: options.contractors }, (_, i) => {
    const trade = companyWords.contractorTrades[i % companyWords.contractorTrades.length]!;
    const stem =
      companyWords.contractorNames[
        Math.floor(i / companyWords.contractorTrades.length) % companyWords.contractorNames.length
      ]!;
    const round = Math.floor(
      i / (companyWords.contractorTrades.length * companyWords.contractorNames.length),
    );
    const org: Org = {
      id: stableUuid(seed, 'org', 'contractor', i),
      index: i + 1,
      kind: 'contractor',
      name: `${stem} ${trade}${round ? ` ${round + 1}` : ''} AB`,
      orgNumber: '',
    };
    return { org, technicians: [], managers: [] };
  });

  const clients: ClientPlan[] = clientWeights.map((weight, i) => {
    const prefix = companyWords.clientPrefixes[i % companyWords.clientPrefixes.length]!;
    const suffix =
      companyWords.client[Math.floor(i / companyWords.clientPrefixes.length) % companyWords.client.length]!;
    const round = Math.floor(i / (companyWords.clientPrefixes.length * companyWords.client.length));
    const org: Org = {
      id: stableUuid(seed, 'org', 'client', i),
      index: i + 1,
      kind: 'client',
      name: `${prefix}${suffix}${round ? ` ${round + 1}` : ''} AB`,
      orgNumber: '',
    };
    const share = weight / clientTotal;
    const wanted = Math.max(2, Math.min(options.contractors, Math.round(options.contractors * share * 2)));
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < wanted && tries < wanted * 50; tries++)
      chosen.add(pickPopular(random.next()));
    for (let c = 0; chosen.size < wanted; c++) chosen.add(c);
    const style = i % 3 === 2 ? 1 : 0;
    // Each client ranks its contractors its own way (shuffled), so its main contractor is not everyone's.
    const ranked = [...chosen].sort((a, b) => a - b);
    for (let k = ranked.length - 1; k > 0; k--) {
      const j = random.int(0, k);
      [ranked[k], ranked[j]] = [ranked[j]!, ranked[k]!];
    }
    const agreements = ranked.map((c) => ({
      clientId: org.id,
      contractorId: contractors[c]!.org.id,
      rules: ruleSets[style]!,
      ruleKey: style,
      // Familjebostäder's 30 days for one client in three, JM's six months for the rest.
      visibleDays: style === 1 ? 30 : 180,
      requireCloseOut: style === 1,
      invoiceTemplate: 'AO{number}',
    }));
    return {
      org,
      share,
      agreements,
      pickContractor: weightedPicker(zipfWeights(agreements.length, 1)),
      coordinators: [],
      properties: [],
      objects: [],
    };
  });

  const orgNumbers = [...clients.map((c) => c.org), ...contractors.map((c) => c.org)];
  orgNumbers.forEach((org, k) => {
    org.orgNumber = orgNumber(k);
  });

  const users: User[] = [];
  for (const client of clients) {
    const expected = options.orders * client.share;
    const n = client.org.index;
    users.push(user(seed, client.org, `k${n}-admin`, 'admin', personName(random)));
    for (let j = 1; j <= 2 + Math.floor(expected / 20_000); j++) {
      const u = user(seed, client.org, `k${n}-samordnare${j}`, 'coordinator', personName(random));
      client.coordinators.push(u);
      users.push(u);
    }
    users.push(user(seed, client.org, `k${n}-lasare`, 'viewer', personName(random)));
    buildRegister(seed, random, client, Math.max(20, Math.round(expected / 4)));
  }

  // Expected volume per contractor decides how many people it has.
  const volume = new Map<string, number>();
  for (const client of clients) {
    const weights = zipfWeights(client.agreements.length, 1);
    const total = weights.reduce((a, b) => a + b, 0);
    client.agreements.forEach((a, k) => {
      volume.set(
        a.contractorId,
        (volume.get(a.contractorId) ?? 0) + (options.orders * client.share * weights[k]!) / total,
      );
    });
  }
  for (const contractor of contractors) {
    const expected = volume.get(contractor.org.id) ?? 0;
    const n = contractor.org.index;
    users.push(user(seed, contractor.org, `e${n}-admin`, 'admin', personName(random)));
    for (let j = 1; j <= 1 + Math.floor(expected / 50_000); j++) {
      const u = user(seed, contractor.org, `e${n}-arbetsledare${j}`, 'manager', personName(random));
      contractor.managers.push(u);
      users.push(u);
    }
    for (let j = 1; j <= Math.min(40, 2 + Math.floor(expected / 5_000)); j++) {
      const u = user(seed, contractor.org, `e${n}-tekniker${j}`, 'technician', personName(random));
      contractor.technicians.push(u);
      users.push(u);
    }
  }

  return { clients, contractors, users, pickClient: weightedPicker(clientWeights) };
}

/** Properties of about thirty apartments each, in one city per client, with a tenant in every apartment. */
function buildRegister(seed: number, random: Random, client: ClientPlan, objectCount: number) {
  const place = cities[(client.org.index - 1) % cities.length]!;
  const propertyCount = Math.max(1, Math.ceil(objectCount / 30));
  for (let p = 0; p < propertyCount; p++) {
    const street = `${random.pick(streetStems)}${random.pick(streetSuffixes)}`;
    const district = random.pick(place.districts);
    client.properties.push({
      id: stableUuid(seed, 'property', client.org.index, p),
      designation: `${place.city} ${random.pick(blockNames)} ${p + 1}`,
      ownerName: random.chance(0.3) ? `Brf ${random.pick(blockNames)}` : null,
      district,
      adminArea: `${(p % 9) + 1} (${district})`,
      street: `${street} ${1 + (p % 60)}`,
      postalCode: `${place.postal}${String(10 + (p % 90)).padStart(2, '0')}`,
      city: place.city,
    });
  }
  for (let o = 0; o < objectCount; o++) {
    const propertyIndex = o % propertyCount;
    const property = client.properties[propertyIndex]!;
    const floors = random.int(2, 8);
    const floor = random.int(0, floors);
    const lift = floors > 3;
    client.objects.push({
      id: stableUuid(seed, 'object', client.org.index, o),
      propertyIndex,
      number: String(client.org.index * 10_000_000 + 4_000_000 + o),
      type: random.pick(objectTypes),
      floor: `${floor} av ${floors}${lift ? '' : ' (ej hiss)'}`,
      street: property.street,
      postalCode: property.postalCode,
      city: property.city,
      access: random.chance(0.5) ? 'Huvudnyckel' : null,
      keyInfo: random.chance(0.3) ? `Nyckel i nyckelskåp ${random.int(1, 40)}` : null,
      entryWithoutTenant: random.chance(0.4),
      tenantName: personName(random),
      tenantPhone: fictionalPhone(o * 2),
      tenantOtherPhone: random.chance(0.3) ? fictionalPhone(o * 2 + 1) : null,
      moveInOn: `${random.int(1995, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    });
  }
}

/** The room code shown after the room's name, as in Familjebostäder's "Kök (076506)". */
export function roomCode(objectIndex: number, room: number): string {
  return String((objectIndex * 7 + room * 111 + 506) % 1_000_000).padStart(6, '0');
}

/** The ids of an object's rooms and units, recomputed on demand rather than kept. */
export function roomId(seed: number, clientIndex: number, objectIndex: number, room: number): string {
  return stableUuid(seed, 'room', clientIndex, objectIndex, room);
}
export function unitId(
  seed: number,
  clientIndex: number,
  objectIndex: number,
  room: number,
  unit: number,
): string {
  return stableUuid(seed, 'unit', clientIndex, objectIndex, room, unit);
}
export const layout = roomLayout;
export const closeOutLists = { faultTypes: defaultFaultTypes, rootCauses: defaultRootCauses };
