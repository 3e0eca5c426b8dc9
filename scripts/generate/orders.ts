/**
 * Work orders over three years and what happened on them: most done and invoiced, a few percent
 * still active (the recent ones), some declined or cancelled; the events, notes, messages and
 * questions the product itself would have written. Deterministic: the same seed and day give the
 * same orders, so the rows that point at an order can be produced in a second pass.
 */
import type { Priority, WorkOrderStatus, WorkOrderType } from '../../contract/work-orders.values.ts';
import { slaDates } from '../../server/modules/agreements/agreements.sla.ts';
import { closeOutLists, type Installation, layout, roomCode, type User, unitId } from './installation.ts';
import { seededRandom, stableUuid, weightedPicker } from './random.ts';
import { accessOptions, faults, messages, orderTexts, preferredTimes, questions } from './swedish.ts';

export const YEARS = 3;
const DAY_MS = 86_400_000;

export type GeneratedEvent = {
  type: string;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus | null;
  reason: string | null;
  visibility: 'internal' | 'shared';
  actor: User | null;
  data: unknown;
  at: Date;
};

export type GeneratedOrder = {
  id: string;
  clientIndex: number;
  number: number;
  values: Record<string, string | number | boolean | null>;
  events: GeneratedEvent[];
  messages: {
    id: string;
    direction: 'out' | 'in';
    body: string;
    author: User | null;
    fromEmail: string | null;
    at: Date;
  }[];
  question: {
    id: string;
    text: string;
    askedBy: User;
    at: Date;
    answer: string | null;
    answeredBy: User | null;
    answeredAt: Date | null;
  } | null;
};

const types: WorkOrderType[] = [
  'fault',
  'warranty',
  'hlu',
  'authority',
  'inspection',
  'addon',
  'maintenance',
];
const pickType = weightedPicker([70, 6, 5, 2, 5, 4, 8]);
const prioritiesList: Priority[] = ['urgent', 'high', 'normal', 'low'];
const pickPriority = weightedPicker([5, 15, 65, 15]);

/** What becomes of an order, by how many days ago it was sent. */
type Fate = { maxAge: number; statuses: WorkOrderStatus[]; weights: number[] };
const fates = (
  [
    { maxAge: 1, statuses: ['new', 'accepted'], weights: [70, 30] },
    {
      maxAge: 7,
      statuses: [
        'new',
        'accepted',
        'material_ordered',
        'reporter_unreachable',
        'done',
        'declined',
        'cancelled',
      ],
      weights: [15, 45, 10, 5, 20, 3, 2],
    },
    {
      maxAge: 30,
      statuses: [
        'new',
        'accepted',
        'material_ordered',
        'reporter_unreachable',
        'done',
        'declined',
        'cancelled',
        'invoiced',
      ],
      weights: [3, 25, 8, 3, 50, 4, 4, 3],
    },
    {
      maxAge: 90,
      statuses: ['accepted', 'material_ordered', 'done', 'invoiced', 'declined', 'cancelled'],
      weights: [2, 1, 40, 50, 3, 4],
    },
    {
      maxAge: Number.POSITIVE_INFINITY,
      statuses: ['accepted', 'material_ordered', 'done', 'invoiced', 'declined', 'cancelled'],
      weights: [0.3, 0.2, 15, 78, 3, 3.5],
    },
  ] satisfies Fate[]
).map((f) => ({ ...f, statuses: f.statuses as WorkOrderStatus[], pick: weightedPicker(f.weights) }));

const stockholmParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

const offsetByDay = new Map<string, number>();

/** The UTC instant of hh:mm (07–20) on a Stockholm calendar day; the UTC offset is looked up once a day. */
function stockholmInstant(day: string, minutes: number): Date {
  const midnight = new Date(`${day}T00:00:00Z`).getTime();
  let offset = offsetByDay.get(day);
  if (offset === undefined) {
    // At 12:00 UTC Stockholm shows 13 (winter, UTC+1) or 14 (summer, UTC+2); clocks change at night.
    const parts = stockholmParts.formatToParts(new Date(midnight + 12 * 3_600_000));
    offset = Number(parts.find((p) => p.type === 'hour')!.value) - 12;
    offsetByDay.set(day, offset);
  }
  return new Date(midnight + (minutes - offset * 60) * 60_000);
}

function dayString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** How many orders each day gets: fewer at weekends, slowly growing over the years. */
export function ordersPerDay(total: number, today: string): { day: string; count: number }[] {
  const end = new Date(`${today}T00:00:00Z`).getTime();
  const days = YEARS * 365;
  const weights: number[] = [];
  for (let d = 0; d < days; d++) {
    const weekday = new Date(end - (days - 1 - d) * DAY_MS).getUTCDay();
    const weekend = weekday === 6 ? 0.3 : weekday === 0 ? 0.2 : 1;
    weights.push(weekend * (1 + 0.3 * (d / days)));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const result: { day: string; count: number }[] = [];
  let given = 0;
  let acc = 0;
  for (let d = 0; d < days; d++) {
    acc += (weights[d]! / sum) * total;
    const count = Math.round(acc) - given;
    given += count;
    result.push({ day: dayString(end - (days - 1 - d) * DAY_MS), count });
  }
  return result;
}

export function* generateOrders(
  inst: Installation,
  seed: number,
  total: number,
  now: Date,
): Generator<GeneratedOrder> {
  const random = seededRandom(seed ^ 0x5eed);
  const today = dayString(now.getTime() + 3_600_000);
  const counters = new Map<number, number>();
  const slaCache = new Map<string, { contactBy: string | null; deliverBy: string | null }>();
  const contractorsById = new Map(inst.contractors.map((c) => [c.org.id, c]));
  const nowMs = now.getTime();
  const clamp = (ms: number) => new Date(Math.min(ms, nowMs - 60_000));

  for (const { day, count } of ordersPerDay(total, today)) {
    const age = Math.round(
      (new Date(`${today}T00:00:00Z`).getTime() - new Date(`${day}T00:00:00Z`).getTime()) / DAY_MS,
    );
    const fate = fates.find((f) => age <= f.maxAge)!;
    for (let k = 0; k < count; k++) {
      const clientIndex = inst.pickClient(random.next());
      const client = inst.clients[clientIndex]!;
      const agreement = client.agreements[client.pickContractor(random.next())]!;
      const contractor = contractorsById.get(agreement.contractorId)!;
      const number = (counters.get(clientIndex) ?? 0) + 1;
      counters.set(clientIndex, number);

      const type = types[pickType(random.next())]!;
      const priority = prioritiesList[pickPriority(random.next())]!;
      const objectIndex = random.int(0, client.objects.length - 1);
      const object = client.objects[objectIndex]!;
      const property = client.properties[object.propertyIndex]!;
      const fault = random.pick(faults);
      const roomIndex = layout.findIndex((r) => r.name === fault.room);
      const unitIndex = layout[roomIndex]!.units.findIndex((u) => u.name === fault.unit);
      const texts = orderTexts(random, type, fault);
      const orderer = random.pick(client.coordinators);
      const registeredByContractor = type === 'inspection' && random.chance(0.5);
      let status = fate.statuses[fate.pick(random.next())]!;
      if (registeredByContractor && (status === 'new' || status === 'declined')) status = 'accepted';

      // Sent during the working day; in the last hours of today only up to now.
      let orderedAt = stockholmInstant(day, random.int(7 * 60, 17 * 60));
      if (orderedAt.getTime() > nowMs) orderedAt = new Date(nowMs - random.int(1, 120) * 60_000);
      const t0 = orderedAt.getTime();
      const slaKey = `${agreement.ruleKey}|${priority}|${day}`;
      let sla = slaCache.get(slaKey);
      if (!sla) {
        sla = slaDates(agreement.rules, priority, day);
        slaCache.set(slaKey, sla);
      }

      const technician = random.pick(contractor.technicians);
      const manager = random.pick(contractor.managers);
      const accepted = status !== 'new' && status !== 'declined';
      const assigned = accepted && random.chance(0.85) ? technician : null;
      const acceptedAt = clamp(t0 + random.int(10, 36 * 60) * 60_000);
      const booked =
        accepted && random.chance(0.6)
          ? stockholmInstant(dayString(t0 + random.int(1, 5) * DAY_MS), random.int(8 * 60, 16 * 60))
          : null;
      const doneAt = clamp(
        t0 + random.int(1, Math.max(1, Math.min(25, age))) * DAY_MS + random.int(0, 8 * 60) * 60_000,
      );
      const invoicedAt = clamp(doneAt.getTime() + random.int(5, 30) * DAY_MS);
      const completes = status === 'done' || status === 'invoiced';
      let closedAt: Date | null = null;
      if (completes) closedAt = doneAt;
      else if (status === 'declined') closedAt = acceptedAt;
      else if (status === 'cancelled') closedAt = clamp(t0 + random.int(0, 10) * DAY_MS + 3_600_000);
      const faultType = completes ? random.pick(closeOutLists.faultTypes) : null;
      const rootCause = completes ? random.pick(closeOutLists.rootCauses) : null;
      const serial = fault.appliance ? `SN${random.int(100000, 999999)}` : null;
      const phones = [{ kind: 'home', number: object.tenantPhone, preferred: true }];
      if (object.tenantOtherPhone)
        phones.push({ kind: 'other', number: object.tenantOtherPhone, preferred: false });

      const id = stableOrderId(seed, clientIndex, number);
      const values: GeneratedOrder['values'] = {
        id,
        client_org_id: client.org.id,
        contractor_org_id: contractor.org.id,
        number,
        external_ref: random.chance(0.2)
          ? `${day.slice(2).replaceAll('-', '')}-${String(random.int(100000, 999999))}-${String(random.int(1, 30)).padStart(2, '0')}`
          : null,
        status,
        type,
        priority,
        billable: type !== 'warranty',
        description: texts.description,
        phrase: texts.phrase,
        property_name: property.designation,
        owner_name: property.ownerName,
        street: object.street,
        postal_code: object.postalCode,
        city: object.city,
        property_id: property.id,
        object_id: object.id,
        unit_id: unitId(seed, client.org.index, objectIndex, roomIndex, unitIndex),
        object_number: object.number,
        object_type: object.type,
        floor: object.floor,
        room: `${fault.room} (${roomCode(objectIndex, roomIndex)})`,
        unit: fault.unit,
        unit_type: fault.unitType,
        unit_is_appliance: fault.appliance,
        unit_installed_on: '2012-09-16',
        unit_last_maintenance_on: random.chance(0.5) ? '2022-05-10' : null,
        access_to_apartment: object.access ?? random.pick(accessOptions),
        key_info: object.keyInfo,
        entry_without_tenant: object.entryWithoutTenant,
        preferred_time: random.chance(0.3) ? random.pick(preferredTimes) : null,
        reporter_name: object.tenantName,
        reporter_phones: JSON.stringify(phones),
        reporter_email: null,
        reporter_move_in_on: object.moveInOn,
        client_contact_name: orderer.name,
        client_contact_email: orderer.email,
        client_contact_phone: null,
        bundle_number: `${object.number}-${day.replaceAll('-', '')}`,
        registered_by_org_id: registeredByContractor ? contractor.org.id : null,
        ordered_by_user_id: registeredByContractor ? null : orderer.id,
        contractor_contact_user_id: assigned?.id ?? null,
        ordered_at: orderedAt.toISOString(),
        contact_by: sla.contactBy,
        deliver_by: sla.deliverBy,
        booked_at: booked?.toISOString() ?? null,
        planned_at: accepted && random.chance(0.2) ? dayString(t0 + random.int(1, 10) * DAY_MS) : null,
        completed_at: completes ? doneAt.toISOString() : null,
        closed_at: closedAt?.toISOString() ?? null,
        action_description: completes ? texts.action : null,
        fault_type: faultType,
        root_cause: rootCause,
        model: fault.appliance ? `${fault.unit.slice(0, 3).toUpperCase()}-${random.int(100, 999)}` : null,
        serial_number: serial,
        reply_token: null,
        version: 1,
        created_by_user_id: registeredByContractor ? (assigned ?? technician).id : orderer.id,
        created_at: orderedAt.toISOString(),
        updated_at: (closedAt ?? acceptedAt).toISOString(),
      };

      const events: GeneratedEvent[] = [];
      const ev = (e: Omit<GeneratedEvent, 'reason' | 'data' | 'visibility'> & Partial<GeneratedEvent>) =>
        events.push({ reason: null, data: null, visibility: 'shared', ...e });
      if (registeredByContractor) {
        ev({
          type: 'created',
          fromStatus: null,
          toStatus: 'accepted',
          actor: assigned ?? technician,
          data: { registeredByContractor: true },
          at: orderedAt,
        });
      } else {
        ev({
          type: 'created',
          fromStatus: null,
          toStatus: 'new',
          actor: orderer,
          data: { contractorOrgId: contractor.org.id },
          at: orderedAt,
        });
        if (status === 'declined') {
          ev({
            type: 'status_changed',
            fromStatus: 'new',
            toStatus: 'declined',
            actor: manager,
            reason: 'Vi har inte möjlighet att ta uppdraget just nu',
            at: acceptedAt,
          });
        } else if (status !== 'new' && !(status === 'cancelled' && random.chance(0.5))) {
          ev({
            type: 'status_changed',
            fromStatus: 'new',
            toStatus: 'accepted',
            actor: manager,
            at: acceptedAt,
          });
        }
      }
      let current: WorkOrderStatus = events.at(-1)!.toStatus!;
      const step = (to: WorkOrderStatus, actor: User, at: Date, extra: Partial<GeneratedEvent> = {}) => {
        ev({ type: 'status_changed', fromStatus: current, toStatus: to, actor, at, ...extra });
        current = to;
      };
      if (accepted && random.chance(0.4)) {
        ev({
          type: 'note',
          fromStatus: null,
          toStatus: null,
          actor: assigned ?? manager,
          visibility: random.chance(0.3) ? 'internal' : 'shared',
          data: booked
            ? { event: 'time_booked', phrase: 'Tid är bokad med kund', text: null }
            : { event: 'tenant_contacted', phrase: 'Hyresgäst är kontaktad', text: null },
          at: clamp(acceptedAt.getTime() + 3_600_000),
        });
      }
      const midway = clamp(acceptedAt.getTime() + DAY_MS);
      if (status === 'material_ordered' || (completes && random.chance(0.1)))
        step('material_ordered', assigned ?? manager, midway);
      if (status === 'reporter_unreachable') step('reporter_unreachable', assigned ?? manager, midway);
      if (completes) {
        if (current === 'material_ordered')
          step('accepted', assigned ?? manager, clamp(midway.getTime() + DAY_MS));
        step('done', assigned ?? manager, doneAt, {
          data: { actionDescription: texts.action, faultType, rootCause },
        });
      }
      if (status === 'invoiced') step('invoiced', orderer, invoicedAt);
      if (status === 'cancelled')
        step('cancelled', orderer, closedAt!, { reason: 'Hyresgästen har själv åtgärdat felet' });

      const messagesOut: GeneratedOrder['messages'] = [];
      if (accepted && random.chance(0.1)) {
        const at = clamp(acceptedAt.getTime() + 2 * 3_600_000);
        const body = random.pick(messages);
        const messageId = stableUuid(seed, 'message', id, 1);
        messagesOut.push({
          id: messageId,
          direction: 'out',
          body,
          author: assigned ?? manager,
          fromEmail: null,
          at,
        });
        ev({
          type: 'message',
          fromStatus: null,
          toStatus: null,
          actor: assigned ?? manager,
          data: { messageId, text: body, sentTo: [orderer.email] },
          at,
        });
        if (random.chance(0.5)) {
          const replyAt = clamp(at.getTime() + 5 * 3_600_000);
          const replyId = stableUuid(seed, 'message', id, 2);
          messagesOut.push({
            id: replyId,
            direction: 'in',
            body: 'Tack för informationen.',
            author: orderer,
            fromEmail: orderer.email,
            at: replyAt,
          });
          ev({
            type: 'message',
            fromStatus: null,
            toStatus: null,
            actor: orderer,
            data: {
              messageId: replyId,
              text: 'Tack för informationen.',
              byMail: true,
              fromEmail: orderer.email,
            },
            at: replyAt,
          });
        }
      }
      let question: GeneratedOrder['question'] = null;
      if (accepted && random.chance(0.04)) {
        const q = random.pick(questions);
        const askedBy = assigned ?? manager;
        const at = clamp(acceptedAt.getTime() + 3 * 3_600_000);
        const answered = completes || random.chance(0.7);
        const answeredAt = answered ? clamp(at.getTime() + 4 * 3_600_000) : null;
        const questionId = stableUuid(seed, 'question', id);
        question = {
          id: questionId,
          text: q.q,
          askedBy,
          at,
          answer: answered ? q.a : null,
          answeredBy: answered ? orderer : null,
          answeredAt,
        };
        ev({
          type: 'question',
          fromStatus: null,
          toStatus: null,
          actor: askedBy,
          data: { questionId, text: q.q },
          at,
        });
        if (answeredAt)
          ev({
            type: 'answer',
            fromStatus: null,
            toStatus: null,
            actor: orderer,
            data: { questionId, question: q.q, text: q.a },
            at: answeredAt,
          });
      }
      yield { id, clientIndex, number, values, events, messages: messagesOut, question };
    }
  }
}

/** An order's id, from the client and its AO-nr. */
export function stableOrderId(seed: number, clientIndex: number, number: number): string {
  return stableUuid(seed, 'wo', clientIndex, number);
}
