import type { TFunction } from 'i18next';
import { noteEvents } from '../../../../contract/communication.values.ts';
import type { WorkOrderEvent } from '../../../../contract/work-orders.ts';
import { EMPTY, formatDate, formatDateTime } from '../../ui/format.ts';

type Change = { from: string | null; to: string | null };

const fieldLabels = {
  contractorContactId: 'order.fields.contractorContact',
  bookedAt: 'order.fields.bookedAt',
  plannedAt: 'order.fields.plannedAt',
  model: 'order.fields.model',
  serialNumber: 'order.fields.serialNumber',
} as const;

function isChange(value: unknown): value is Change {
  return typeof value === 'object' && value !== null && 'to' in value;
}

/**
 * What an edit changed, one line a field, in the words of the order page: "Entreprenörkontakt: — →
 * Tove Lindqvist", "Bokat tid med anmälare: — → 2024-10-30 13:53". People are named where known.
 */
export function describeChanges(
  data: WorkOrderEvent['data'],
  t: TFunction,
  nameOf: (userId: string) => string | undefined,
): string[] {
  const changes = data?.changes;
  if (!changes || typeof changes !== 'object') return [];
  const lines: string[] = [];
  for (const [field, change] of Object.entries(changes as Record<string, unknown>)) {
    if (!isChange(change)) continue;
    const show = (value: string | null): string => {
      if (value === null || value === '') return EMPTY;
      if (field === 'contractorContactId') return nameOf(value) ?? t('order.events.unknownPerson');
      if (field === 'bookedAt') return formatDateTime(value);
      if (field === 'plannedAt') return formatDate(value);
      return value;
    };
    const label = field in fieldLabels ? t(fieldLabels[field as keyof typeof fieldLabels]) : field;
    lines.push(`${label}: ${show(change.from)} → ${show(change.to)}`);
  }
  return lines;
}

/** What a completion recorded: the action taken, then the fault type and root cause chosen. */
export function describeCompletion(data: WorkOrderEvent['data'], t: TFunction): string[] {
  if (!data) return [];
  const text = (key: string) => (typeof data[key] === 'string' && data[key] ? (data[key] as string) : null);
  const lines: string[] = [];
  const action = text('actionDescription');
  if (action) lines.push(action);
  const fault = text('faultType');
  const cause = text('rootCause');
  if (fault) lines.push(`${t('order.fields.faultType')}: ${fault}`);
  if (cause) lines.push(`${t('order.fields.rootCause')}: ${cause}`);
  return lines;
}

const text = (data: WorkOrderEvent['data'], key: string): string | null =>
  typeof data?.[key] === 'string' && data[key] ? (data[key] as string) : null;

const list = (data: WorkOrderEvent['data'], key: string): string[] =>
  Array.isArray(data?.[key])
    ? (data[key] as unknown[]).filter((v): v is string => typeof v === 'string')
    : [];

/**
 * The Typ column of the log: what happened, in the guides' words ("Status: Ny → Accepterad",
 * "Notering: Tid bokad", "Beställningsfråga", "E-post kunde inte levereras").
 */
export function eventTitle(
  event: WorkOrderEvent,
  t: TFunction,
  statusLabel: (status: NonNullable<WorkOrderEvent['toStatus']>) => string,
): string {
  const { data } = event;
  switch (event.type) {
    case 'created':
      if (data?.registeredByContractor === true) return t('order.events.createdByContractor');
      return event.toStatus === 'draft' ? t('order.events.createdDraft') : t('order.events.createdNew');
    case 'dispatched':
      return t('talk.log.dispatched');
    case 'updated':
      return t('order.events.updated');
    case 'status_changed':
      return t('order.events.statusChanged', {
        from: event.fromStatus ? statusLabel(event.fromStatus) : EMPTY,
        to: event.toStatus ? statusLabel(event.toStatus) : EMPTY,
      });
    case 'note': {
      const kind = text(data, 'event');
      const known = (noteEvents as readonly string[]).includes(kind ?? '');
      return known
        ? t('talk.log.noteOf', { event: t(`talk.events.${kind as (typeof noteEvents)[number]}`) })
        : t('talk.log.note');
    }
    case 'question':
      return t('talk.events.question');
    case 'answer':
      return t('talk.questions.answer');
    case 'message':
      return data?.byMail === true ? t('talk.log.messageByMail') : t('talk.log.message');
    case 'attachment': {
      const kind = text(data, 'kind');
      return kind === 'image'
        ? t('talk.log.image')
        : kind === 'video'
          ? t('talk.log.video')
          : t('talk.log.file');
    }
    case 'mail_sent':
      return t('talk.log.mailSent');
    case 'mail_failed':
      return t('order.events.mailFailed');
    case 'tenant_proposal':
      return t('talk.log.tenantProposal');
    default:
      return `${t('order.events.other')}: ${event.type}`;
  }
}

/**
 * The Text column of the log: the phrase and text of a note, the question and its answer, a message
 * and whom it was mailed to, the address a mail could not be delivered to, the times a reporter
 * proposed, what an edit changed, what a completion recorded, a reason given.
 */
export function eventDetails(
  event: WorkOrderEvent,
  t: TFunction,
  nameOf: (userId: string) => string | undefined,
): string[] {
  const { data } = event;
  const lines: string[] = [];
  switch (event.type) {
    case 'updated':
      lines.push(...describeChanges(data, t, nameOf));
      break;
    case 'status_changed':
      if (event.toStatus === 'done') lines.push(...describeCompletion(data, t));
      break;
    case 'note':
      for (const key of ['phrase', 'text']) {
        const value = text(data, key);
        if (value) lines.push(value);
      }
      break;
    case 'question':
      lines.push(text(data, 'text') ?? '');
      break;
    case 'answer': {
      lines.push(text(data, 'text') ?? '');
      const question = text(data, 'question');
      if (question) lines.push(t('talk.log.answerTo', { question }));
      break;
    }
    case 'message': {
      lines.push(text(data, 'text') ?? '');
      const sentTo = list(data, 'sentTo');
      const from = text(data, 'fromEmail');
      if (from) lines.push(t('talk.log.from', { from }));
      if (sentTo.length) lines.push(t('talk.messages.sentTo', { to: sentTo.join(', ') }));
      const dropped = list(data, 'droppedFiles');
      if (dropped.length) lines.push(t('talk.log.droppedFiles', { files: dropped.join(', ') }));
      break;
    }
    case 'attachment':
      lines.push(text(data, 'fileName') ?? '');
      break;
    case 'mail_sent':
      if (event.reason) lines.push(t('talk.log.mailTo', { to: event.reason }));
      if (text(data, 'subject')) lines.push(text(data, 'subject') as string);
      return lines.filter(Boolean);
    case 'mail_failed':
      lines.push(t('talk.log.undeliverable', { to: event.reason ?? EMPTY }));
      if (text(data, 'subject')) lines.push(text(data, 'subject') as string);
      return lines.filter(Boolean);
    case 'tenant_proposal': {
      const times = list(data, 'times');
      if (times.length) lines.push(t('talk.log.proposedTimes', { times: times.join(', ') }));
      const note = text(data, 'text');
      if (note) lines.push(note);
      break;
    }
  }
  if (event.reason) lines.push(event.reason);
  return lines.filter(Boolean);
}
