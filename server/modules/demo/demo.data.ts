/**
 * The demo's content: one housing company, two contractors, four people, and some thirty orders on
 * real-looking Swedish addresses. Phone numbers are from the ranges PTS reserves for fiction
 * (070-174 06 05–99, 08-465 004 00–99), so nobody real gets called.
 */
import { defaultSlaRules, type SlaRules } from '../../../contract/agreements.values.ts';
import type { Priority, WorkOrderStatus, WorkOrderType } from '../../../contract/work-orders.ts';

export const DEMO_PASSWORD = 'ordning-demo-2026';

export const demoOrgs = {
  client: { name: 'Exempelbostäder AB', orgNumber: '556123-4005' },
  ror: { name: 'Exempel Rör AB', orgNumber: '556234-5008' },
  el: { name: 'Snabbfix El AB', orgNumber: '556345-6002' },
} as const;

/**
 * The two agreements show both guides' habits: Exempel Rör AB works like JM (fault type and root cause
 * required, invoice marking and project number, completed orders visible 180 days); Snabbfix El AB
 * like Familjebostäder (completed orders visible 30 days, invoices to a postal address).
 */
export const demoAgreements: Record<
  'ror' | 'el',
  {
    slaRules: SlaRules;
    requireFaultType: boolean;
    requireRootCause: boolean;
    completedVisibleDays: number;
    invoiceMarking: string | null;
    projectNumber: string | null;
    invoiceAddress: string;
  }
> = {
  ror: {
    slaRules: defaultSlaRules,
    requireFaultType: true,
    requireRootCause: true,
    completedVisibleDays: 180,
    invoiceMarking: 'P.123456.1.2',
    projectNumber: 'P.123456',
    invoiceAddress: 'https://exempelbostader.example/fakturering',
  },
  el: {
    slaRules: {
      urgent: { contactBy: { days: 0, unit: 'calendar' }, deliverBy: { days: 1, unit: 'calendar' } },
      high: { contactBy: { days: 1, unit: 'working' }, deliverBy: { days: 3, unit: 'working' } },
      normal: { contactBy: { days: 2, unit: 'working' }, deliverBy: { days: 10, unit: 'working' } },
      low: { contactBy: { days: 5, unit: 'working' }, deliverBy: { days: 20, unit: 'working' } },
    },
    requireFaultType: false,
    requireRootCause: false,
    completedVisibleDays: 30,
    invoiceMarking: null,
    projectNumber: null,
    invoiceAddress: 'Exempelbostäder AB, Box 92100, 120 07 Stockholm',
  },
};

export const demoUsers = [
  {
    username: 'bestallare',
    name: 'Elsa Österberg',
    email: 'bestallare@exempelbostader.example',
    org: 'client',
    role: 'coordinator',
    what: 'beställare (koordinator) på Exempelbostäder AB',
  },
  {
    username: 'entreprenor',
    name: 'Emil Rörström',
    email: 'entreprenor@exempelror.example',
    org: 'ror',
    role: 'admin',
    what: 'administratör på Exempel Rör AB',
  },
  {
    username: 'tekniker',
    name: 'Tove Lindqvist',
    email: 'tekniker@exempelror.example',
    org: 'ror',
    role: 'technician',
    what: 'tekniker på Exempel Rör AB',
  },
  {
    username: 'elektriker',
    name: 'Elin Ström',
    email: 'elektriker@snabbfixel.example',
    org: 'el',
    role: 'admin',
    what: 'administratör på Snabbfix El AB',
  },
] as const;

type Place = {
  propertyName: string;
  ownerName: string;
  street: string;
  postalCode: string;
  city: string;
  objects: { number: string; type: string; floor: string }[];
};

export const demoPlaces: Place[] = [
  {
    propertyName: 'Stockholm Tallkrogen 3',
    ownerName: 'Exempelbostäder AB',
    street: 'Torögatan 51',
    postalCode: '122 65',
    city: 'Enskede',
    objects: [
      { number: '64010765', type: '3 rum och kök', floor: '0 av 2 (ej hiss)' },
      { number: '64010766', type: '2 rum och kök', floor: '2 av 2 (ej hiss)' },
    ],
  },
  {
    propertyName: 'Solna Rosenborg 3',
    ownerName: 'Brf Vågen',
    street: 'Rosenborgsgatan 12',
    postalCode: '169 74',
    city: 'Solna',
    objects: [{ number: '52003411', type: '1 rum och kök', floor: '4 av 6 (hiss)' }],
  },
  {
    propertyName: 'Stockholm Hammarbyhöjden 1:7',
    ownerName: 'Exempelbostäder AB',
    street: 'Finn Malmgrens väg 9',
    postalCode: '121 47',
    city: 'Johanneshov',
    objects: [
      { number: '71002203', type: '4 rum och kök', floor: '3 av 8 (hiss)' },
      { number: '71002210', type: '2 rum och kokvrå', floor: '1 av 8 (hiss)' },
    ],
  },
  {
    propertyName: 'Stockholm Fagersjö 2',
    ownerName: 'Exempelbostäder AB',
    street: 'Fagersjövägen 44',
    postalCode: '123 52',
    city: 'Farsta',
    objects: [{ number: '73110045', type: '3 rum och kök', floor: '1 av 3 (ej hiss)' }],
  },
  {
    propertyName: 'Uppsala Kvarngärdet 12:4',
    ownerName: 'Brf Kvarnen',
    street: 'Kvarngärdesgatan 18',
    postalCode: '754 24',
    city: 'Uppsala',
    objects: [{ number: '80450012', type: '3 rum och kök', floor: '2 av 4 (hiss)' }],
  },
];

const reporters = [
  { name: 'Anna Lindberg', phone: '070-174 06 05', work: '08-465 004 05', moveInOn: '2009-08-27' },
  { name: 'Mohammed Ali', phone: '070-174 06 12', moveInOn: '2017-03-01' },
  { name: 'Karin Sjöberg', phone: '070-174 06 18', moveInOn: '2021-10-01' },
  { name: 'Johan Ekström', phone: '070-174 06 23', work: '08-465 004 23', moveInOn: '2012-06-15' },
  { name: 'Fatima Hassan', phone: '070-174 06 31', moveInOn: '2019-01-01' },
  { name: 'Lars Nyström', phone: '070-174 06 44', moveInOn: '1998-04-01' },
  { name: 'Sara Björk', phone: '070-174 06 57', moveInOn: '2023-09-01' },
  { name: 'Ahmed Yusuf', phone: '070-174 06 69', moveInOn: '2015-12-01' },
];

export type DemoOrder = {
  contractor: 'ror' | 'el';
  type: WorkOrderType;
  priority: Priority;
  phrase: string;
  description: string;
  room: string;
  unit?: string;
  /** Where the order ends up in the demo. */
  status: WorkOrderStatus;
  daysAgo: number;
  assignToTechnician?: boolean;
  action?: string;
  /** Put the order on this place and object instead of spreading it round-robin (to make a bundle). */
  at?: { place: number; object: number };
  /** Sent this many minutes before now (instead of a spread-out time), to keep a bundle on one day. */
  minutesAgo?: number;
  unitType?: string;
  appliance?: { installedOn: string };
  /** A time booked with the reporter, this many days after the order was sent. */
  bookedAfterDays?: number;
  faultType?: string;
  rootCause?: string;
  /** The client's own number for the order (JM's Beställningsnr). */
  externalRef?: string;
};

export const demoOrders: DemoOrder[] = [
  // Exempel Rör AB
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'Blandare dåligt tryck',
    description: 'Kommer nästan inget vatten ur köksblandaren, varken varmt eller kallt.',
    room: 'Kök (076506)',
    unit: 'Diskbänk',
    status: 'new',
    daysAgo: 0,
    minutesAgo: 40,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'high',
    phrase: 'Läckage under diskbänk',
    description: 'Det droppar från vattenlåset under diskbänken, hinken fylls på en dag.',
    room: 'Kök (076506)',
    unit: 'Diskbänk',
    status: 'new',
    daysAgo: 0,
    at: { place: 0, object: 0 },
    minutesAgo: 40,
  },
  {
    contractor: 'ror',
    type: 'warranty',
    priority: 'normal',
    phrase: 'Nymonterad blandare läcker',
    description: 'Test med filmklipp: den nya duschblandaren som monterades i våras läcker vid infästningen.',
    externalRef: '241129-146105-15',
    room: 'Våtrum',
    unit: 'Duschblandare',
    status: 'new',
    daysAgo: 2,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'urgent',
    phrase: 'Stopp i avlopp',
    description: 'Golvbrunnen i badrummet svämmar över när grannen ovanför duschar.',
    room: 'Våtrum',
    unit: 'Golvbrunn',
    status: 'new',
    daysAgo: 0,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'WC rinner',
    description: 'Toaletten står och rinner hela tiden efter spolning.',
    room: 'Våtrum',
    unit: 'WC-stol',
    status: 'accepted',
    daysAgo: 3,
    assignToTechnician: true,
    unitType: 'Sanitet',
    bookedAfterDays: 2,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'low',
    phrase: 'Droppande dusch',
    description: 'Duschen droppar även när den är avstängd.',
    room: 'Våtrum',
    unit: 'Duschblandare',
    status: 'accepted',
    daysAgo: 4,
  },
  {
    contractor: 'ror',
    type: 'maintenance',
    priority: 'normal',
    phrase: 'Byte av packningar',
    description: 'Byte av packningar i samtliga blandare i trapphus B enligt underhållsplan.',
    room: 'Kök',
    status: 'accepted',
    daysAgo: 6,
    assignToTechnician: true,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'Element kallt',
    description: 'Elementet i sovrummet är kallt, de andra är varma.',
    room: 'Sovrum',
    unit: 'Radiator',
    status: 'material_ordered',
    daysAgo: 8,
    assignToTechnician: true,
    unitType: 'Värme',
    bookedAfterDays: 9,
  },
  {
    contractor: 'ror',
    type: 'hlu',
    priority: 'low',
    phrase: 'Byte av köksblandare',
    description: 'HLU-beställning: byte till ny köksblandare med diskmaskinsavstängning.',
    room: 'Kök (076506)',
    unit: 'Diskbänk',
    status: 'material_ordered',
    daysAgo: 10,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'Sökt kund men telefonnummer stämmer ej',
    description: 'Avloppet i tvättstället luktar illa.',
    room: 'Våtrum',
    unit: 'Tvättställ',
    status: 'reporter_unreachable',
    daysAgo: 9,
    assignToTechnician: true,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'Blandare läcker',
    description: 'Köksblandaren läcker vid pipen.',
    room: 'Kök',
    unit: 'Diskbänk',
    status: 'done',
    daysAgo: 20,
    assignToTechnician: true,
    action: 'Bytt o-ringar och packning i köksblandaren. Provtryckt, tätt.',
    faultType: 'Slitage',
    rootCause: 'Ålder/slitage',
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'high',
    phrase: 'Vattenläcka i källare',
    description: 'Vatten på golvet i källarförrådet vid stamledningen.',
    room: 'Källare',
    unit: 'Stamledning',
    status: 'done',
    daysAgo: 35,
    action: 'Tätat skarv på stamledning, torkat upp och satt avfuktare.',
    faultType: 'Materialfel',
    rootCause: 'Materialfel',
  },
  {
    contractor: 'ror',
    type: 'inspection',
    priority: 'normal',
    phrase: 'Fuktfläck i tak',
    description: 'Upptäckt vid rondering: fuktfläck i taket i trapphuset, plan 2.',
    room: 'Trapphus',
    status: 'done',
    daysAgo: 50,
    action: 'Läckande ventil i lägenheten ovanför bytt. Fläcken torr.',
    faultType: 'Slitage',
    rootCause: 'Ålder/slitage',
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'Stopp i avlopp',
    description: 'Köksavloppet rinner sakta.',
    room: 'Kök',
    unit: 'Diskbänk',
    status: 'invoiced',
    daysAgo: 70,
    action: 'Rensat avlopp med maskin.',
    faultType: 'Handhavandefel',
    rootCause: 'Brukarfel',
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'low',
    phrase: 'Tappvattenkran trög',
    description: 'Utekranen på gaveln går knappt att vrida.',
    room: 'Utemiljö',
    unit: 'Utekran',
    status: 'invoiced',
    daysAgo: 90,
    action: 'Bytt spindel i utekranen.',
    faultType: 'Slitage',
    rootCause: 'Ålder/slitage',
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'Felet stämmer inte med vad som står på AO',
    description: 'Varmvattnet tar lång tid att komma.',
    room: 'Kök',
    status: 'declined',
    daysAgo: 15,
  },
  {
    contractor: 'ror',
    type: 'fault',
    priority: 'normal',
    phrase: 'Blandare dåligt tryck',
    description: 'Dåligt tryck i duschen.',
    room: 'Våtrum',
    unit: 'Duschblandare',
    status: 'cancelled',
    daysAgo: 12,
  },
  {
    contractor: 'ror',
    type: 'addon',
    priority: 'low',
    phrase: 'Tillval diskmaskin',
    description: 'Tillvalsbeställning: installation av diskmaskin med anslutning till vatten och avlopp.',
    room: 'Kök',
    unit: 'Diskmaskin',
    status: 'draft',
    daysAgo: 1,
    unitType: 'Vitvara',
  },
  // Snabbfix El AB
  {
    contractor: 'el',
    type: 'fault',
    priority: 'high',
    phrase: 'Jordfelsbrytare löser ut',
    description: 'Jordfelsbrytaren löser ut så fort tvättmaskinen startar.',
    room: 'Våtrum',
    unit: 'Elcentral',
    status: 'new',
    daysAgo: 0,
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'normal',
    phrase: 'Trasigt eluttag',
    description: 'Eluttaget vid sängen sitter löst och gnistrar.',
    room: 'Sovrum',
    unit: 'Eluttag',
    status: 'new',
    daysAgo: 1,
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'urgent',
    phrase: 'Trapphusbelysning ur funktion',
    description: 'Hela trapphuset är mörkt, gäller uppgång A.',
    room: 'Trapphus',
    unit: 'Belysning',
    status: 'accepted',
    daysAgo: 1,
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'normal',
    phrase: 'Spisen fungerar inte',
    description: 'Två av plattorna på spisen blir inte varma.',
    room: 'Kök',
    unit: 'Spis',
    status: 'accepted',
    daysAgo: 5,
    unitType: 'Vitvara',
    appliance: { installedOn: '2014-05-12' },
    bookedAfterDays: 1,
  },
  {
    contractor: 'el',
    type: 'maintenance',
    priority: 'low',
    phrase: 'Byte av armaturer',
    description: 'Byte till LED-armaturer i källargången enligt underhållsplan.',
    room: 'Källare',
    unit: 'Belysning',
    status: 'material_ordered',
    daysAgo: 14,
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'normal',
    phrase: 'Har lämnat meddelande men inget svar',
    description: 'Ventilationsfläkten i köket låter mycket.',
    room: 'Kök',
    unit: 'Köksfläkt',
    status: 'reporter_unreachable',
    daysAgo: 7,
  },
  {
    contractor: 'el',
    type: 'authority',
    priority: 'normal',
    phrase: 'Elrevision',
    description: 'Åtgärda anmärkningar från elrevisionen i tvättstugan.',
    room: 'Tvättstuga',
    unit: 'Elcentral',
    status: 'done',
    daysAgo: 25,
    action: 'Bytt skadat uttag och märkt upp gruppförteckningen.',
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'normal',
    phrase: 'Lampa i badrum trasig',
    description: 'Taklampan i badrummet fungerar inte trots nytt ljuskälla.',
    room: 'Våtrum',
    unit: 'Belysning',
    status: 'done',
    daysAgo: 40,
    action: 'Bytt armatur, fukt i den gamla.',
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'normal',
    phrase: 'Säkring går',
    description: 'Säkringen för köket går flera gånger i veckan.',
    room: 'Kök',
    unit: 'Elcentral',
    status: 'invoiced',
    daysAgo: 60,
    action: 'Omfördelat last mellan grupper, bytt automatsäkring.',
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'low',
    phrase: 'Porttelefon',
    description: 'Porttelefonen hörs inte i lägenheten.',
    room: 'Hall',
    unit: 'Porttelefon',
    status: 'declined',
    daysAgo: 18,
  },
  {
    contractor: 'el',
    type: 'fault',
    priority: 'normal',
    phrase: 'Eluttag utan ström',
    description: 'Uttaget i hallen har ingen ström.',
    room: 'Hall',
    unit: 'Eluttag',
    status: 'cancelled',
    daysAgo: 22,
  },
  {
    contractor: 'el',
    type: 'warranty',
    priority: 'normal',
    phrase: 'Reklamation belysning',
    description: 'Nyinstallerad belysning i tvättstugan blinkar.',
    room: 'Tvättstuga',
    unit: 'Belysning',
    status: 'done',
    daysAgo: 30,
    action: 'Bytt defekt driver under garanti.',
  },
];

export function reporterFor(index: number) {
  return reporters[index % reporters.length]!;
}
