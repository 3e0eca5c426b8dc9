import type { TFunction } from 'i18next';
import type { UpdateWorkOrderBody, WorkOrder } from '../../../../contract/work-orders.ts';
import type { Priority, WorkOrderType } from '../../../../contract/work-orders.values.ts';
import type { PhoneValue } from './new-work-order-form.ts';

/**
 * Redigera: the client's own fields on a draft or a new order, as typed. Only what changed is sent,
 * so the log names exactly that; the order keeps its register snapshot otherwise.
 */
export type ClientEditValues = {
  type: WorkOrderType;
  priority: Priority;
  description: string;
  phrase: string;
  externalRef: string;
  billable: boolean;
  accessToApartment: string;
  keyInfo: string;
  entryWithoutTenant: boolean;
  preferredTime: string;
  reporter: { name: string; phones: PhoneValue[]; email: string };
  clientContact: { name: string; email: string; phone: string };
};

export function clientEditValues(order: WorkOrder): ClientEditValues {
  return {
    type: order.type,
    priority: order.priority,
    description: order.description,
    phrase: order.phrase ?? '',
    externalRef: order.externalRef ?? '',
    billable: order.billable,
    accessToApartment: order.accessToApartment ?? '',
    keyInfo: order.keyInfo ?? '',
    entryWithoutTenant: order.entryWithoutTenant ?? false,
    preferredTime: order.preferredTime ?? '',
    reporter: {
      name: order.reporter.name,
      phones: order.reporter.phones.length
        ? order.reporter.phones.map((p, i) => ({ key: `${i}`, ...p }))
        : [{ key: '0', kind: 'home', number: '', preferred: true }],
      email: order.reporter.email ?? '',
    },
    clientContact: {
      name: order.clientContact?.name ?? '',
      email: order.clientContact?.email ?? '',
      phone: order.clientContact?.phone ?? '',
    },
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);
const orUndefined = (value: string) => (value.trim() ? value.trim() : undefined);

function reporterBody(
  values: ClientEditValues,
  order: WorkOrder,
): NonNullable<UpdateWorkOrderBody['reporter']> {
  return {
    name: values.reporter.name.trim(),
    phones: values.reporter.phones
      .filter((p) => p.number.trim())
      .map((p) => ({ kind: p.kind, number: p.number.trim(), preferred: p.preferred })),
    email: orUndefined(values.reporter.email),
    moveInOn: order.reporter.moveInOn ?? undefined,
  };
}

function contactBody(values: ClientEditValues): UpdateWorkOrderBody['clientContact'] {
  const c = values.clientContact;
  if (!c.name.trim() && !c.email.trim() && !c.phone.trim()) return null;
  return { name: c.name.trim(), email: orUndefined(c.email), phone: orUndefined(c.phone) };
}

/** The changed fields among those the order still lets the client change. */
export function clientChanges(
  order: WorkOrder,
  values: ClientEditValues,
  editable: string[],
): UpdateWorkOrderBody {
  const before = clientEditValues(order);
  const open = new Set(editable);
  const body: UpdateWorkOrderBody = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (open.has('type') && values.type !== before.type) body.type = values.type;
  if (open.has('priority') && values.priority !== before.priority) body.priority = values.priority;
  if (open.has('description') && values.description.trim() !== before.description) {
    body.description = values.description.trim();
  }
  if (open.has('billable') && values.billable !== before.billable) body.billable = values.billable;
  if (open.has('entryWithoutTenant') && values.entryWithoutTenant !== before.entryWithoutTenant) {
    body.entryWithoutTenant = values.entryWithoutTenant;
  }
  for (const field of ['phrase', 'externalRef', 'accessToApartment', 'keyInfo', 'preferredTime'] as const) {
    if (open.has(field) && values[field].trim() !== before[field]) body[field] = orNull(values[field]);
  }
  if (open.has('reporter') && !same(reporterBody(values, order), reporterBody(before, order))) {
    body.reporter = reporterBody(values, order);
  }
  if (open.has('clientContact') && !same(contactBody(values), contactBody(before))) {
    body.clientContact = contactBody(values);
  }
  return body;
}

const PHONE = /^\+?[0-9 ()-]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the server would refuse, on the field it belongs to. */
export function validateClientEdit(values: ClientEditValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.description.trim()) errors.description = t('validation.required');
  if (!values.reporter.name.trim()) errors['reporter.name'] = t('validation.required');
  const phones = values.reporter.phones;
  if (!phones.some((p) => p.number.trim())) errors['reporter.phones.0.number'] = t('validation.required');
  phones.forEach((p, i) => {
    if (p.number.trim() && !PHONE.test(p.number.trim()))
      errors[`reporter.phones.${i}.number`] = t('validation.phone');
  });
  if (values.reporter.email.trim() && !EMAIL.test(values.reporter.email.trim())) {
    errors['reporter.email'] = t('validation.email');
  }
  const c = values.clientContact;
  if ((c.email.trim() || c.phone.trim()) && !c.name.trim())
    errors['clientContact.name'] = t('validation.required');
  if (c.email.trim() && !EMAIL.test(c.email.trim())) errors['clientContact.email'] = t('validation.email');
  return errors;
}
