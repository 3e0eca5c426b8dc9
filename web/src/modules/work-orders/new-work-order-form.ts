import type { TFunction } from 'i18next';
import {
  type CreateWorkOrderBody,
  createWorkOrderBodySchema,
  type Priority,
  type phoneKinds,
  type WorkOrderType,
} from '../../../../contract/work-orders.ts';

/** `key` only identifies the row on screen; it is not sent. */
export type PhoneValue = {
  key: string;
  kind: (typeof phoneKinds)[number];
  number: string;
  preferred: boolean;
};

/** The form's values: text fields are strings ('' = not given), shaped like the API body for field errors. */
export type NewWorkOrderValues = {
  type: WorkOrderType;
  priority: Priority;
  description: string;
  phrase: string;
  propertyName: string;
  ownerName: string;
  street: string;
  postalCode: string;
  city: string;
  objectNumber: string;
  room: string;
  unit: string;
  accessToApartment: string;
  keyInfo: string;
  entryWithoutTenant: boolean;
  preferredTime: string;
  reporter: { name: string; phones: PhoneValue[]; email: string };
  contractorOrgId: string | null;
  /** A contractor registering an order names the client it is for. */
  clientOrgId: string | null;
};

/** Who registers: a client sends the order to a contractor; a contractor registers it for a client. */
export type Registrar = 'client' | 'contractor';

export const emptyNewWorkOrder: NewWorkOrderValues = {
  type: 'fault',
  priority: 'normal',
  description: '',
  phrase: '',
  propertyName: '',
  ownerName: '',
  street: '',
  postalCode: '',
  city: '',
  objectNumber: '',
  room: '',
  unit: '',
  accessToApartment: '',
  keyInfo: '',
  entryWithoutTenant: false,
  preferredTime: '',
  reporter: { name: '', phones: [{ key: 'first', kind: 'home', number: '', preferred: true }], email: '' },
  contractorOrgId: null,
  clientOrgId: null,
};

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export function toCreateBody(
  values: NewWorkOrderValues,
  dispatch: boolean,
  registrar: Registrar = 'client',
): CreateWorkOrderBody {
  const parties =
    registrar === 'contractor'
      ? { clientOrgId: values.clientOrgId ?? undefined }
      : { contractorOrgId: values.contractorOrgId ?? undefined, dispatch };
  return {
    type: values.type,
    priority: values.priority,
    description: values.description.trim(),
    phrase: optional(values.phrase),
    propertyName: values.propertyName.trim(),
    ownerName: optional(values.ownerName),
    street: values.street.trim(),
    postalCode: optional(values.postalCode),
    city: optional(values.city),
    objectNumber: optional(values.objectNumber),
    room: optional(values.room),
    unit: optional(values.unit),
    accessToApartment: optional(values.accessToApartment),
    keyInfo: optional(values.keyInfo),
    entryWithoutTenant: values.entryWithoutTenant,
    preferredTime: optional(values.preferredTime),
    reporter: {
      name: values.reporter.name.trim(),
      phones: values.reporter.phones.map((p) => ({
        kind: p.kind,
        number: p.number.trim(),
        preferred: p.preferred,
      })),
      email: optional(values.reporter.email),
    },
    ...parties,
  };
}

/**
 * Checks the form with the API's own schema, so the browser refuses exactly what the server would,
 * and words each problem for the field it belongs to. Returns field path → message.
 */
export function validateNewWorkOrder(
  values: NewWorkOrderValues,
  dispatch: boolean,
  t: TFunction,
  registrar: Registrar = 'client',
): Record<string, string> {
  const errors: Record<string, string> = {};
  const body = toCreateBody(values, dispatch, registrar);
  const parsed = createWorkOrderBodySchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      if (errors[field]) continue;
      const blank = valueAt(body, issue.path) === '';
      errors[field] = blank ? t('validation.required') : messageFor(issue, field, t);
    }
  }
  if (registrar === 'contractor') {
    if (!values.clientOrgId) errors.clientOrgId = t('validation.chooseClient');
  } else if (dispatch && !values.contractorOrgId) {
    errors.contractorOrgId = t('validation.chooseContractor');
  }
  return errors;
}

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type Issue = { code: string; minimum?: unknown; maximum?: unknown };

function messageFor(issue: Issue, field: string, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('validation.required')
        : t('validation.tooShort', { min: issue.minimum });
    case 'too_big':
      return t('validation.tooLong', { max: issue.maximum });
    case 'invalid_format':
      if (field.endsWith('email')) return t('validation.email');
      if (field.endsWith('postalCode')) return t('validation.postalCode');
      if (field.endsWith('number')) return t('validation.phone');
      return t('validation.invalid');
    case 'custom':
      return field === 'reporter.phones' ? t('validation.onePreferred') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}
