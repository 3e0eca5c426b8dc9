import type { TFunction } from 'i18next';
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
