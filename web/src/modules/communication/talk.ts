/**
 * The rules of talking on an order as the page needs them, pure: who may write, what a note may be
 * marked, which group of the log an event belongs to, the questions and answers read from the log,
 * and which Händelse a ready phrase means.
 */
import type { NoteEvent, Visibility } from '../../../../contract/communication.ts';
import type { Membership } from '../../../../contract/organizations.ts';
import type { WorkOrderEvent } from '../../../../contract/work-orders.ts';

/** Who may write on an order (as the server's canWrite): the people doing or ordering the work. */
export function canWriteOn(membership: Pick<Membership, 'orgKind' | 'role'>): boolean {
  if (membership.orgKind === 'contractor')
    return ['admin', 'manager', 'technician'].includes(membership.role);
  if (membership.orgKind === 'client')
    return membership.role === 'admin' || membership.role === 'coordinator';
  return false;
}

/** What a note may be marked: internal notes are the contractor's own. */
export function noteVisibilities(orgKind: Membership['orgKind']): Visibility[] {
  return orgKind === 'contractor' ? ['internal', 'shared', 'tenant'] : ['shared', 'tenant'];
}

/** The groups the log can be narrowed to (Visa). */
export const eventCategories = [
  'status',
  'notes',
  'questions',
  'messages',
  'mail',
  'files',
  'edits',
] as const;
export type EventCategory = (typeof eventCategories)[number];

const categoryByType: Record<string, EventCategory> = {
  created: 'status',
  dispatched: 'status',
  status_changed: 'status',
  note: 'notes',
  tenant_proposal: 'notes',
  question: 'questions',
  answer: 'questions',
  message: 'messages',
  mail_sent: 'mail',
  mail_failed: 'mail',
  attachment: 'files',
  updated: 'edits',
};

export function categoryOf(type: string): EventCategory {
  return categoryByType[type] ?? 'status';
}

/** The events of the chosen groups; none chosen shows everything. Newest first. */
export function filterEvents(events: WorkOrderEvent[], chosen: readonly EventCategory[]): WorkOrderEvent[] {
  const wanted = new Set(chosen);
  return events
    .filter((e) => wanted.size === 0 || wanted.has(categoryOf(e.type)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** How many events each group has, for the filter's labels. */
export function countByCategory(events: WorkOrderEvent[]): Record<EventCategory, number> {
  const counts = Object.fromEntries(eventCategories.map((c) => [c, 0])) as Record<EventCategory, number>;
  for (const e of events) counts[categoryOf(e.type)] += 1;
  return counts;
}

export type OrderQuestion = {
  id: string;
  text: string;
  askedAt: string;
  askedBy: string | null;
  askedByOrg: string | null;
  answer: { text: string; at: string; by: string | null } | null;
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Beställningsfrågor and their Beställningssvar, read from the log: the open ones first, each group
 * newest first.
 */
export function questionsOf(events: WorkOrderEvent[]): OrderQuestion[] {
  const answers = new Map<string, OrderQuestion['answer']>();
  for (const e of events) {
    const id = str(e.data?.questionId);
    if (e.type === 'answer' && id) {
      answers.set(id, { text: str(e.data?.text) ?? '', at: e.createdAt, by: e.actor?.name ?? null });
    }
  }
  const questions: OrderQuestion[] = [];
  for (const e of events) {
    const id = str(e.data?.questionId);
    if (e.type !== 'question' || !id) continue;
    questions.push({
      id,
      text: str(e.data?.text) ?? '',
      askedAt: e.createdAt,
      askedBy: e.actor?.name ?? null,
      askedByOrg: e.actorOrg?.name ?? null,
      answer: answers.get(id) ?? null,
    });
  }
  return questions.sort(
    (a, b) => Number(Boolean(a.answer)) - Number(Boolean(b.answer)) || b.askedAt.localeCompare(a.askedAt),
  );
}

/**
 * The Händelse a ready phrase belongs to, so one tap on a phrase makes a complete note: "Hyresgäst är
 * kontaktad" is a contact, "Tid är bokad med kund" a booked time, a locked door or a loose dog an
 * obstacle. Phrases of the client's own list that match nothing are information.
 */
export function eventForPhrase(phrase: string): NoteEvent {
  const p = phrase.toLocaleLowerCase('sv');
  if (/\btid\b.*\bbokad|bokad.*\btid\b/.test(p)) return 'time_booked';
  if (/material|reservdel/.test(p)) return 'material';
  if (/kunde inte|går inte in|ej öppet|stämmer (inte|ej)|inget svar|svarar inte|husdjur|hinder/.test(p))
    return 'obstacle';
  if (/besök|på plats/.test(p)) return 'visit';
  if (/kontaktad|meddelande|ringt|\bsökt\b/.test(p)) return 'tenant_contacted';
  return 'information';
}
