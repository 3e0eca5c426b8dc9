import type { UpdateWorkOrderBody, WorkOrder } from '../../../../contract/work-orders.ts';
import { fromStockholm, toStockholm } from '../../ui/stockholm-time.ts';

/** The planning form's values: Stockholm date and time apart, as they are typed. */
export type EditValues = {
  contractorContactId: string | null;
  bookedDate: string | null;
  bookedTime: string;
  plannedAt: string | null;
  model: string;
  serialNumber: string;
};

export function valuesOf(order: WorkOrder): EditValues {
  const booked = order.bookedAt ? toStockholm(order.bookedAt) : null;
  return {
    contractorContactId: order.contractorContact?.id ?? null,
    bookedDate: booked?.date ?? null,
    bookedTime: booked?.time ?? '',
    plannedAt: order.plannedAt,
    model: order.model ?? '',
    serialNumber: order.serialNumber ?? '',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates are typed as the app shows them, YYYY-MM-DD; the calendar is there for those who prefer it. */
export function parseDate(value: string): string | null {
  const text = value.trim();
  return DATE.test(text) && fromStockholm(text, '12:00') ? text : null;
}

/** Only what was changed is sent, so the log names exactly that. */
export function changesOf(order: WorkOrder, values: EditValues, fields: Set<keyof UpdateWorkOrderBody>) {
  const before = valuesOf(order);
  const body: UpdateWorkOrderBody = {};
  if (fields.has('contractorContactId') && values.contractorContactId !== before.contractorContactId) {
    body.contractorContactId = values.contractorContactId;
  }
  if (values.bookedDate !== before.bookedDate || values.bookedTime !== before.bookedTime) {
    body.bookedAt = values.bookedDate ? fromStockholm(values.bookedDate, values.bookedTime) : null;
  }
  if (values.plannedAt !== before.plannedAt) body.plannedAt = values.plannedAt;
  if (fields.has('model') && values.model.trim() !== before.model) body.model = values.model.trim() || null;
  if (fields.has('serialNumber') && values.serialNumber.trim() !== before.serialNumber) {
    body.serialNumber = values.serialNumber.trim() || null;
  }
  return body;
}
