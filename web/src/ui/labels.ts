import { useTranslation } from 'react-i18next';
import { priorityLabels, statusLabels, typeLabels } from '../../../contract/labels.ts';
import type { Priority, WorkOrderStatus, WorkOrderType } from '../../../contract/work-orders.ts';

/** The guides' words for statuses, types and priorities, in the language the user reads. */
export function useLabels() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'sv';
  return {
    status: (status: WorkOrderStatus) => statusLabels[locale][status],
    type: (type: WorkOrderType) => typeLabels[locale][type],
    priority: (priority: Priority) => priorityLabels[locale][priority],
  };
}
