/**
 * Swedish words for generated data: names, places, companies and the faults orders are about.
 * Phone numbers are from the ranges PTS keeps for fiction, so no generated number rings anyone.
 */
import type { WorkOrderType } from '../../contract/work-orders.values.ts';
import type { Random } from './random.ts';

export const firstNames = [
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
  'Emma',
  'Anders',
  'Kristina',
  'Mikael',
  'Hanna',
  'Jonas',
  'Sofia',
  'Björn',
  'Leila',
  'Omar',
  'Astrid',
  'Hugo',
  'Maja',
  'Viktor',
  'Ebba',
  'Yusuf',
  'Sanna',
  'Mats',
  'Ida',
  'Goran',
] as const;

export const lastNames = [
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
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Gustafsson',
  'Pettersson',
  'Jönsson',
  'Mohamed',
  'Åberg',
  'Lindqvist',
  'Sandberg',
  'Forsberg',
  'Hedlund',
  'Engström',
  'Sundberg',
  'Axelsson',
  'Hosseini',
] as const;

/** City, postal-code prefix and district names used for properties. */
export const cities = [
  {
    city: 'Stockholm',
    postal: 112,
    districts: ['Kungsholmen', 'Södermalm', 'Vasastan', 'Hägersten', 'Farsta', 'Skärholmen', 'Rinkeby'],
  },
  {
    city: 'Göteborg',
    postal: 414,
    districts: ['Majorna', 'Hisingen', 'Angered', 'Frölunda', 'Biskopsgården'],
  },
  { city: 'Malmö', postal: 214, districts: ['Rosengård', 'Limhamn', 'Möllevången', 'Husie'] },
  { city: 'Uppsala', postal: 753, districts: ['Gottsunda', 'Sävja', 'Luthagen', 'Eriksberg'] },
  { city: 'Västerås', postal: 722, districts: ['Bäckby', 'Råby', 'Vallby'] },
  { city: 'Örebro', postal: 703, districts: ['Vivalla', 'Baronbackarna', 'Brickebacken'] },
  { city: 'Linköping', postal: 582, districts: ['Skäggetorp', 'Ryd', 'Berga'] },
  { city: 'Solna', postal: 169, districts: ['Rosenborg', 'Huvudsta', 'Hagalund'] },
  { city: 'Enskede', postal: 122, districts: ['Tallkrogen', 'Gubbängen', 'Bandhagen'] },
  { city: 'Sundsvall', postal: 852, districts: ['Nacksta', 'Skönsberg'] },
] as const;

export const streetStems = [
  'Rosenborgs',
  'Torö',
  'Vågens',
  'Björk',
  'Ek',
  'Lind',
  'Sjö',
  'Kyrk',
  'Skol',
  'Park',
  'Mölle',
  'Berg',
  'Stor',
  'Drottning',
  'Kungs',
  'Tall',
  'Gran',
  'Hamn',
  'Ängs',
  'Tegel',
  'Smed',
  'Bruks',
] as const;
export const streetSuffixes = ['gatan', 'vägen', 'backen', 'stigen', 'gränd', 'allén'] as const;

export const blockNames = [
  'Rosenborg',
  'Vågen',
  'Tallkrogen',
  'Eken',
  'Bävern',
  'Lärkan',
  'Hägern',
  'Måsen',
  'Svanen',
  'Oxen',
  'Hjorten',
  'Räven',
  'Ugglan',
  'Falken',
  'Tranan',
  'Gäddan',
  'Abborren',
  'Linden',
] as const;

export const objectTypes = [
  '1 rum och kök',
  '1 rum och kokvrå',
  '2 rum och kök',
  '2 rum och kokvrå',
  '3 rum och kök',
  '4 rum och kök',
  '5 rum och kök',
  'Lokal',
] as const;

export const companyWords = {
  client: ['bostäder', 'fastigheter', 'hem', 'bo', 'hus'],
  clientPrefixes: [
    'Familje',
    'Stads',
    'Hyres',
    'Läns',
    'Kommun',
    'Norr',
    'Söder',
    'Väster',
    'Öster',
    'Ny',
    'Sjö',
    'Berg',
    'Dal',
    'Ängs',
  ],
  contractorTrades: [
    'Rör',
    'El',
    'VVS',
    'Bygg',
    'Lås',
    'Måleri',
    'Ventilation',
    'Vitvaruservice',
    'Golv',
    'Glas',
    'Fönster',
    'Fastighetsservice',
    'Hiss',
    'Tak',
  ],
  contractorNames: [
    'Exempel',
    'Snabbfix',
    'Norrlands',
    'Mälardalens',
    'Svea',
    'Trygg',
    'Akut',
    'Kvalitets',
    'Stads',
    'Läns',
    'Bergs',
    'Sjöbergs',
    'Lindqvists',
    'Anderssons',
    'Nilssons',
    'Holms',
    'Öbergs',
  ],
} as const;

type Fault = {
  room: string;
  unit: string;
  unitType: string;
  appliance: boolean;
  phrase: string;
  description: string;
  action: string;
};

/** What breaks in an apartment, with the guides' kind of phrases and actions. */
export const faults: readonly Fault[] = [
  {
    room: 'Kök',
    unit: 'Diskbänk',
    unitType: 'Sanitet',
    appliance: false,
    phrase: 'Blandare dåligt tryck',
    description: 'Kommer inget vatten i köksblandaren',
    action: 'Rensat strålsamlare och bytt packning i blandaren',
  },
  {
    room: 'Kök',
    unit: 'Diskbänk',
    unitType: 'Sanitet',
    appliance: false,
    phrase: 'Blandare läcker',
    description: 'Blandaren droppar hela tiden',
    action: 'Bytt köksblandare',
  },
  {
    room: 'Kök',
    unit: 'Kylskåp',
    unitType: 'Vitvara',
    appliance: true,
    phrase: 'Kylskåp kyler inte',
    description: 'Kylskåpet är varmt och maten blir dålig',
    action: 'Bytt termostat i kylskåpet',
  },
  {
    room: 'Kök',
    unit: 'Spis',
    unitType: 'Vitvara',
    appliance: true,
    phrase: 'Spisplatta fungerar inte',
    description: 'Den främre vänstra plattan blir inte varm',
    action: 'Bytt kokplatta',
  },
  {
    room: 'Kök',
    unit: 'Diskmaskin',
    unitType: 'Vitvara',
    appliance: true,
    phrase: 'Diskmaskin läcker',
    description: 'Vatten på golvet efter disk',
    action: 'Bytt dörrpackning på diskmaskinen',
  },
  {
    room: 'Kök',
    unit: 'Köksfläkt',
    unitType: 'Ventilation',
    appliance: false,
    phrase: 'Fläkt låter',
    description: 'Köksfläkten väsnas och drar dåligt',
    action: 'Rengjort fläkt och bytt filter',
  },
  {
    room: 'Våtrum',
    unit: 'WC-stol',
    unitType: 'Sanitet',
    appliance: false,
    phrase: 'Stopp i toalett',
    description: 'Toaletten är stopp och svämmar över',
    action: 'Rensat stopp i WC-stol',
  },
  {
    room: 'Våtrum',
    unit: 'WC-stol',
    unitType: 'Sanitet',
    appliance: false,
    phrase: 'Toalett rinner',
    description: 'Det rinner hela tiden i toaletten',
    action: 'Bytt flottörventil',
  },
  {
    room: 'Våtrum',
    unit: 'Golvbrunn',
    unitType: 'Avlopp',
    appliance: false,
    phrase: 'Stopp i golvbrunn',
    description: 'Vattnet rinner inte undan i duschen',
    action: 'Rensat golvbrunn',
  },
  {
    room: 'Våtrum',
    unit: 'Tvättställ',
    unitType: 'Sanitet',
    appliance: false,
    phrase: 'Läckage under tvättställ',
    description: 'Det droppar från vattenlåset',
    action: 'Tätat vattenlås',
  },
  {
    room: 'Våtrum',
    unit: 'Tvättmaskin',
    unitType: 'Vitvara',
    appliance: true,
    phrase: 'Tvättmaskin startar inte',
    description: 'Tvättmaskinen går inte att starta',
    action: 'Bytt lucklås på tvättmaskinen',
  },
  {
    room: 'Vardagsrum',
    unit: 'Element',
    unitType: 'Värme',
    appliance: false,
    phrase: 'Element kallt',
    description: 'Elementet i vardagsrummet är kallt',
    action: 'Luftat element och justerat termostat',
  },
  {
    room: 'Vardagsrum',
    unit: 'Fönster',
    unitType: 'Fönster',
    appliance: false,
    phrase: 'Fönster går inte att stänga',
    description: 'Fönsterkarmen har svällt och fönstret går inte att stänga',
    action: 'Justerat fönsterbeslag och hyvlat karm',
  },
  {
    room: 'Sovrum',
    unit: 'Fönster',
    unitType: 'Fönster',
    appliance: false,
    phrase: 'Drag från fönster',
    description: 'Det drar kallt från fönstret',
    action: 'Bytt tätningslist',
  },
  {
    room: 'Hall',
    unit: 'Ytterdörr',
    unitType: 'Dörr',
    appliance: false,
    phrase: 'Lås kärvar',
    description: 'Låset i ytterdörren kärvar',
    action: 'Smort och justerat låscylinder',
  },
  {
    room: 'Hall',
    unit: 'Belysning',
    unitType: 'El',
    appliance: false,
    phrase: 'Lampa fungerar inte',
    description: 'Taklampan i hallen lyser inte',
    action: 'Bytt armatur',
  },
  {
    room: 'Hall',
    unit: 'Elcentral',
    unitType: 'El',
    appliance: false,
    phrase: 'Säkring löser ut',
    description: 'Jordfelsbrytaren löser ut flera gånger om dagen',
    action: 'Felsökt och bytt trasigt uttag',
  },
];

/** Rooms of an apartment, with their units, from the faults above (so orders can point at them). */
export const roomLayout: { name: string; units: { name: string; unitType: string; appliance: boolean }[] }[] =
  (() => {
    const rooms = new Map<string, Map<string, { name: string; unitType: string; appliance: boolean }>>();
    for (const f of faults) {
      const units = rooms.get(f.room) ?? new Map();
      units.set(f.unit, { name: f.unit, unitType: f.unitType, appliance: f.appliance });
      rooms.set(f.room, units);
    }
    return [...rooms].map(([name, units]) => ({ name, units: [...units.values()] }));
  })();

const typeTexts: Record<Exclude<WorkOrderType, 'fault'>, { description: string; action: string }[]> = {
  warranty: [
    {
      description: 'Garantiärende: spricka i klinker i badrummet',
      action: 'Bytt klinkerplattor enligt garantiåtagande',
    },
    {
      description: 'Reklamation: ytterdörren sluter inte tätt',
      action: 'Justerat dörrblad och bytt tätningslist',
    },
  ],
  hlu: [
    { description: 'HLU: målning av kök och hall', action: 'Målat kök och hall' },
    { description: 'HLU: byte av golv i sovrum', action: 'Lagt nytt laminatgolv i sovrum' },
  ],
  authority: [
    { description: 'OVK-anmärkning: justera frånluftsdon', action: 'Injusterat frånluft enligt protokoll' },
  ],
  inspection: [
    { description: 'Rondering: trasig belysning i trapphus', action: 'Bytt ljuskälla i trapphus' },
    { description: 'Rondering: klotter på entrédörr', action: 'Sanerat klotter' },
  ],
  addon: [{ description: 'Tillval: extra eluttag i vardagsrum', action: 'Monterat dubbeluttag' }],
  maintenance: [
    { description: 'Underhåll: rensning av stamledning', action: 'Spolat stamledning' },
    { description: 'Underhåll: filterbyte ventilation', action: 'Bytt filter i FTX-aggregat' },
  ],
};

export function orderTexts(random: Random, type: WorkOrderType, fault: Fault) {
  if (type === 'fault') return { description: fault.description, phrase: fault.phrase, action: fault.action };
  const text = random.pick(typeTexts[type]);
  return { description: text.description, phrase: null, action: text.action };
}

export const accessOptions = [
  'Huvudnyckel',
  'Hyresgästen hemma',
  'Nyckel i nyckelskåp',
  'Ring innan besök',
] as const;
export const preferredTimes = ['Förmiddag', 'Eftermiddag', 'Efter kl. 16', 'Hela dagen'] as const;
export const questions = [
  { q: 'Ska blandaren bytas eller lagas?', a: 'Byt blandaren' },
  { q: 'Finns det reservnyckel på kontoret?', a: 'Ja, hämta den i receptionen' },
  { q: 'Får vi gå in utan hyresgästen?', a: 'Ja, hyresgästen har godkänt det' },
] as const;
export const messages = [
  'Vi kommer på tisdag förmiddag.',
  'Materialet är beställt och väntas på torsdag.',
  'Hyresgästen svarar inte i telefon, vi har lämnat lapp.',
  'Tack, det går bra.',
] as const;

/** A fictional phone number (PTS: 070-174 06 05–99, 08-465 004 00–99), from a running index. */
export function fictionalPhone(i: number): string {
  return i % 2 === 0
    ? `070-174 06 ${String(5 + (i % 95)).padStart(2, '0')}`
    : `08-465 004 ${String(i % 100).padStart(2, '0')}`;
}

/** A valid Swedish organisationsnummer (Luhn check digit) from a running index. */
export function orgNumber(i: number): string {
  const body = `55${String(6000 + (i % 4000)).padStart(4, '0')}${String(Math.floor(i / 4000) % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let k = 0; k < 9; k++) {
    let d = Number(body[k]) * (k % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}
