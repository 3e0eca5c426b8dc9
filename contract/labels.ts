/**
 * The guides' words for codes that both the web and e-mails show. One source, so a status reads the
 * same on the screen and in the mail.
 */
import type { Priority, WorkOrderStatus, WorkOrderType } from './work-orders.values.ts';

type Labels<K extends string> = Record<'sv' | 'en', Record<K, string>>;

export const statusLabels: Labels<WorkOrderStatus> = {
  sv: {
    draft: 'Utkast',
    new: 'Ny',
    accepted: 'Accepterad',
    material_ordered: 'Material beställt',
    reporter_unreachable: 'Anmälare svarar inte',
    done: 'Utförd',
    declined: 'Avböjd',
    invoiced: 'Fakturerad',
    cancelled: 'Makulerad',
  },
  en: {
    draft: 'Draft',
    new: 'New',
    accepted: 'Accepted',
    material_ordered: 'Material ordered',
    reporter_unreachable: 'Reporter not answering',
    done: 'Done',
    declined: 'Declined',
    invoiced: 'Invoiced',
    cancelled: 'Cancelled',
  },
};

export const typeLabels: Labels<WorkOrderType> = {
  sv: {
    fault: 'Fel',
    warranty: 'Garanti/Reklamation',
    hlu: 'HLU',
    authority: 'Myndighet',
    inspection: 'Rondering',
    addon: 'Tillval',
    maintenance: 'Underhåll',
  },
  en: {
    fault: 'Fault',
    warranty: 'Warranty/Complaint',
    hlu: 'Tenant maintenance (HLU)',
    authority: 'Authority',
    inspection: 'Inspection round',
    addon: 'Add-on',
    maintenance: 'Maintenance',
  },
};

export const priorityLabels: Labels<Priority> = {
  sv: { urgent: 'Akut', high: 'Hög', normal: 'Normal', low: 'Låg' },
  en: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
};
