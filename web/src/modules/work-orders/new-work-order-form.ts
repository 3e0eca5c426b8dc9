import type { TFunction } from 'i18next';
import type { Property, RegisterObject } from '../../../../contract/properties.ts';
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

/**
 * Where the order is: an object picked from the client's register (whose address, access, tenant and
 * unit fill the form, to be corrected where needed), or an address typed freely (Fri adress).
 */
export type PlaceSource = 'register' | 'free';

/** The form's values: text fields are strings ('' = not given), shaped like the API body for field errors. */
export type NewWorkOrderValues = {
  placeSource: PlaceSource;
  /** Narrows the object search to one property; sent only for an order on its common areas. */
  propertyId: string | null;
  /** Allmänt utrymme: the order is on the property's common areas (stairwell, laundry), no object. */
  commonArea: boolean;
  objectId: string | null;
  roomId: string | null;
  unitId: string | null;
  tenantId: string | null;
  objectType: string;
  floor: string;
  unitType: string;
  unitIsAppliance: boolean;
  model: string;
  serialNumber: string;
  unitInstalledOn: string;
  unitLastMaintenanceOn: string;
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
  placeSource: 'free',
  propertyId: null,
  commonArea: false,
  objectId: null,
  roomId: null,
  unitId: null,
  tenantId: null,
  objectType: '',
  floor: '',
  unitType: '',
  unitIsAppliance: false,
  model: '',
  serialNumber: '',
  unitInstalledOn: '',
  unitLastMaintenanceOn: '',
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
  // From the register: its references, and what the form shows of it (the order keeps it as a snapshot).
  const fromRegister = values.placeSource === 'register' && registrar === 'client';
  const register =
    fromRegister && values.commonArea
      ? { propertyId: values.propertyId ?? undefined }
      : fromRegister
        ? {
            objectId: values.objectId ?? undefined,
            roomId: values.roomId ?? undefined,
            unitId: values.unitId ?? undefined,
            tenantId: values.tenantId ?? undefined,
            objectType: optional(values.objectType),
            floor: optional(values.floor),
            ...(values.unitId
              ? {
                  unitType: optional(values.unitType),
                  unitIsAppliance: values.unitIsAppliance,
                  model: optional(values.model),
                  serialNumber: optional(values.serialNumber),
                  unitInstalledOn: optional(values.unitInstalledOn),
                  unitLastMaintenanceOn: optional(values.unitLastMaintenanceOn),
                }
              : {}),
          }
        : {};
  // A contractor may give only the object number of an object in the client's register.
  const byNumber = registrar === 'contractor' && values.objectNumber.trim() !== '';
  return {
    type: values.type,
    priority: values.priority,
    description: values.description.trim(),
    phrase: optional(values.phrase),
    propertyName: byNumber ? optional(values.propertyName) : values.propertyName.trim(),
    ownerName: optional(values.ownerName),
    street: byNumber ? optional(values.street) : values.street.trim(),
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
    ...register,
    ...parties,
  };
}

type Tenant = RegisterObject['tenants'][number];
type Room = RegisterObject['rooms'][number];
type Unit = Room['units'][number];

/** The tenant an order on the object is for unless another is chosen: the one who moved in last. */
export function currentTenant(object: RegisterObject): Tenant | undefined {
  return [...object.tenants].sort((a, b) => (b.moveInOn ?? '').localeCompare(a.moveInOn ?? ''))[0];
}

export function reporterOf(tenant: Tenant | undefined): NewWorkOrderValues['reporter'] {
  if (!tenant) return { ...emptyNewWorkOrder.reporter };
  const phones = (
    [
      ['home', tenant.phoneHome],
      ['work', tenant.phoneWork],
      ['other', tenant.phoneOther],
    ] as const
  )
    .filter(([, number]) => Boolean(number))
    .map(([kind, number]) => ({
      key: kind,
      kind,
      number: number!,
      preferred: tenant.preferredPhone === kind,
    }));
  if (phones.length && !phones.some((p) => p.preferred)) phones[0] = { ...phones[0]!, preferred: true };
  return {
    name: tenant.name,
    phones: phones.length ? phones : [...emptyNewWorkOrder.reporter.phones],
    email: tenant.email ?? '',
  };
}

export const roomLabel = (room: Pick<Room, 'name' | 'code'>) =>
  room.code ? `${room.name} (${room.code})` : room.name;

/** The form filled from an object of the register: place, access, and its current tenant as reporter. */
export function fillFromObject(values: NewWorkOrderValues, object: RegisterObject): NewWorkOrderValues {
  const tenant = currentTenant(object);
  return {
    ...values,
    ...fillFromUnit(values, undefined),
    commonArea: false,
    propertyId: object.propertyId,
    objectId: object.id,
    roomId: null,
    room: '',
    tenantId: tenant?.id ?? null,
    propertyName: object.propertyDesignation,
    ownerName: object.ownerName ?? '',
    street: object.street,
    postalCode: object.postalCode ?? '',
    city: object.city ?? '',
    objectNumber: object.number,
    objectType: object.type ?? '',
    floor: object.floor ?? '',
    accessToApartment: object.accessToApartment ?? '',
    keyInfo: object.keyInfo ?? '',
    entryWithoutTenant: object.entryWithoutTenant ?? false,
    reporter: reporterOf(tenant),
  };
}

/**
 * The form for an order on a property's common areas: its name, owner and address from the
 * register, no object, room and unit typed, and the reporter given by hand (no tenant lives there).
 */
export function fillFromProperty(values: NewWorkOrderValues, property: Property): NewWorkOrderValues {
  return {
    ...values,
    ...fillFromUnit({ ...values, placeSource: 'free' }, undefined),
    unit: '',
    commonArea: true,
    propertyId: property.id,
    objectId: null,
    roomId: null,
    room: '',
    tenantId: null,
    propertyName: property.designation,
    ownerName: property.ownerName ?? '',
    street: property.street ?? '',
    postalCode: property.postalCode ?? '',
    city: property.city ?? '',
    objectNumber: '',
    objectType: '',
    floor: '',
    accessToApartment: '',
    keyInfo: '',
    entryWithoutTenant: false,
    reporter: { ...emptyNewWorkOrder.reporter },
  };
}

/** A unit's model, serial number and dates, or none of them when no unit is chosen. */
export function fillFromUnit(
  values: NewWorkOrderValues,
  unit: Unit | undefined,
): Pick<
  NewWorkOrderValues,
  | 'unitId'
  | 'unit'
  | 'unitType'
  | 'unitIsAppliance'
  | 'model'
  | 'serialNumber'
  | 'unitInstalledOn'
  | 'unitLastMaintenanceOn'
> {
  return {
    unitId: unit?.id ?? null,
    unit: unit?.name ?? (values.placeSource === 'register' ? '' : values.unit),
    unitType: unit?.unitType ?? '',
    unitIsAppliance: unit?.isAppliance ?? false,
    model: unit?.model ?? '',
    serialNumber: unit?.serialNumber ?? '',
    unitInstalledOn: unit?.installedOn ?? '',
    unitLastMaintenanceOn: unit?.lastMaintenanceOn ?? '',
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
  if (registrar === 'client' && values.placeSource === 'register' && values.commonArea) {
    if (!values.propertyId) errors.propertyId = t('validation.chooseProperty');
  } else if (registrar === 'client' && values.placeSource === 'register' && !values.objectId) {
    // Until an object is picked there is no place to check either.
    delete errors.propertyName;
    delete errors.street;
    errors.objectId = t('validation.chooseObject');
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
