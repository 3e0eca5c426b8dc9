import { stringify } from 'csv-stringify/sync';
import { priorityLabels, statusLabels, typeLabels } from '../../../contract/labels.ts';
import type { Locale } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { listWorkOrders } from './work-orders.repository.ts';
import {
  type ListQuery,
  listFilterOf,
  notPermitted,
  scopeOf,
  type WorkOrderDeps,
} from './work-orders.usecases.ts';
import { seesInvoicing, toListItem } from './work-orders.view.ts';

/** The most rows one export holds; the invoicing run works on a month or so at a time. */
export const EXPORT_LIMIT = 10_000;

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

const headings: Record<Locale, string[]> = {
  sv: [
    'AO-nr',
    'Referensnummer',
    'Status',
    'Typ av uppdrag',
    'Prioritet',
    'Beställare',
    'Entreprenör',
    'Fastighet',
    'Gatuadress',
    'Ort',
    'Objekt',
    'Uppdragsbeskrivning',
    'Beställning skickad',
    'Utförd',
    'Entreprenörkontakt',
  ],
  en: [
    'WO no.',
    'Invoice reference',
    'Status',
    'Type',
    'Priority',
    'Client',
    'Contractor',
    'Property',
    'Street address',
    'City',
    'Object',
    'Description',
    'Ordered',
    'Done',
    'Contractor contact',
  ],
};

/**
 * The inbox as CSV for the invoicing run: the same filters as the list, with each order's invoice
 * reference. Semicolons, CRLF and a byte-order mark, so Excel with Swedish settings opens it right.
 */
export async function exportWorkOrdersCsv(
  deps: Pick<WorkOrderDeps, 'db' | 'clock'>,
  args: { actor: Actor; query: ListQuery; locale: Locale },
): Promise<string> {
  const { actor, query, locale } = args;
  if (!seesInvoicing(actor)) throw notPermitted();
  const filter = listFilterOf(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 });
  const rows = filter ? (await listWorkOrders(deps.db, scopeOf(actor, deps.clock), filter)).rows : [];
  const when = (iso: string | null) => (iso ? stockholm.format(new Date(iso)) : '');
  const records = rows.map((row) => {
    const item = toListItem(row, actor);
    return [
      item.number,
      item.invoiceReference ?? '',
      statusLabels[locale][item.status],
      typeLabels[locale][item.type],
      priorityLabels[locale][item.priority],
      item.client.name,
      item.contractor?.name ?? '',
      item.propertyName,
      item.street,
      item.city ?? '',
      item.objectNumber ?? '',
      item.description,
      when(item.orderedAt),
      when(item.completedAt),
      item.contractorContact?.name ?? '',
    ];
  });
  return stringify([headings[locale], ...records], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
    // A cell that starts like a formula is shown as text, so a description cannot run in Excel.
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
  });
}
