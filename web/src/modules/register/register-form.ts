import type { TFunction } from 'i18next';
import type {
  ObjectInput,
  Property,
  PropertyInput,
  RegisterObject,
} from '../../../../contract/properties.ts';
import type { Room, RoomInput, Tenant, TenantInput, Unit, UnitInput } from './register.api.ts';

/**
 * The register's forms: text fields are strings ('' = not given) while typed, and become the API's
 * bodies (null for empty) when sent. Checks mirror the server's, so most mistakes show before sending.
 */
const text = (value: string | null | undefined) => value ?? '';
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

const POSTAL_CODE = /^\d{3} ?\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 ()-]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Check = (value: string) => string | null;

export function checks(t: TFunction) {
  const required: Check = (v) => (v.trim() ? null : t('validation.required'));
  const matching =
    (pattern: RegExp, message: string): Check =>
    (v) =>
      v.trim() === '' || pattern.test(v.trim()) ? null : message;
  return {
    required,
    postalCode: matching(POSTAL_CODE, t('validation.postalCode')),
    date: matching(DATE, t('register.validation.date')),
    phone: matching(PHONE, t('validation.phone')),
    email: matching(EMAIL, t('validation.email')),
  };
}

export type PropertyValues = Record<keyof PropertyInput, string>;

export function propertyValues(p?: Property): PropertyValues {
  return {
    designation: text(p?.designation),
    ownerName: text(p?.ownerName),
    adminArea: text(p?.adminArea),
    district: text(p?.district),
    street: text(p?.street),
    postalCode: text(p?.postalCode),
    city: text(p?.city),
  };
}

export function propertyBody(v: PropertyValues): PropertyInput {
  return {
    designation: v.designation.trim(),
    ownerName: orNull(v.ownerName),
    adminArea: orNull(v.adminArea),
    district: orNull(v.district),
    street: orNull(v.street),
    postalCode: orNull(v.postalCode),
    city: orNull(v.city),
  };
}

/** Inpassering till objektet is yes, no or not known. */
export type YesNo = 'unknown' | 'yes' | 'no';

export type ObjectValues = Omit<Record<keyof ObjectInput, string>, 'entryWithoutTenant'> & {
  entryWithoutTenant: YesNo;
};

export function objectValues(propertyId: string, o?: RegisterObject): ObjectValues {
  return {
    propertyId: o?.propertyId ?? propertyId,
    number: text(o?.number),
    type: text(o?.type),
    floor: text(o?.floor),
    street: text(o?.street),
    postalCode: text(o?.postalCode),
    city: text(o?.city),
    accessToApartment: text(o?.accessToApartment),
    keyInfo: text(o?.keyInfo),
    entryWithoutTenant:
      o?.entryWithoutTenant === true ? 'yes' : o?.entryWithoutTenant === false ? 'no' : 'unknown',
  };
}

export function objectBody(v: ObjectValues): ObjectInput {
  return {
    propertyId: v.propertyId,
    number: v.number.trim(),
    type: orNull(v.type),
    floor: orNull(v.floor),
    street: v.street.trim(),
    postalCode: orNull(v.postalCode),
    city: orNull(v.city),
    accessToApartment: orNull(v.accessToApartment),
    keyInfo: orNull(v.keyInfo),
    entryWithoutTenant: v.entryWithoutTenant === 'unknown' ? null : v.entryWithoutTenant === 'yes',
  };
}

export type RoomValues = { name: string; code: string };

export const roomValues = (r?: Room): RoomValues => ({ name: text(r?.name), code: text(r?.code) });
export const roomBody = (v: RoomValues): RoomInput => ({ name: v.name.trim(), code: orNull(v.code) });

export type UnitValues = Omit<Record<keyof UnitInput, string>, 'isAppliance'> & { isAppliance: boolean };

export function unitValues(u?: Unit): UnitValues {
  return {
    name: text(u?.name),
    unitType: text(u?.unitType),
    isAppliance: u?.isAppliance ?? false,
    model: text(u?.model),
    serialNumber: text(u?.serialNumber),
    installedOn: text(u?.installedOn),
    lastMaintenanceOn: text(u?.lastMaintenanceOn),
  };
}

export function unitBody(v: UnitValues): UnitInput {
  return {
    name: v.name.trim(),
    unitType: orNull(v.unitType),
    isAppliance: v.isAppliance,
    model: orNull(v.model),
    serialNumber: orNull(v.serialNumber),
    installedOn: orNull(v.installedOn),
    lastMaintenanceOn: orNull(v.lastMaintenanceOn),
  };
}

export type PhoneKind = 'home' | 'work' | 'other';
export type TenantValues = Omit<Record<keyof TenantInput, string>, 'preferredPhone'> & {
  preferredPhone: '' | PhoneKind;
};

export function tenantValues(tenant?: Tenant): TenantValues {
  return {
    name: text(tenant?.name),
    phoneHome: text(tenant?.phoneHome),
    phoneWork: text(tenant?.phoneWork),
    phoneOther: text(tenant?.phoneOther),
    preferredPhone: tenant?.preferredPhone ?? '',
    email: text(tenant?.email),
    moveInOn: text(tenant?.moveInOn),
  };
}

export const phoneField = { home: 'phoneHome', work: 'phoneWork', other: 'phoneOther' } as const;

export function tenantBody(v: TenantValues): TenantInput {
  return {
    name: v.name.trim(),
    phoneHome: orNull(v.phoneHome),
    phoneWork: orNull(v.phoneWork),
    phoneOther: orNull(v.phoneOther),
    preferredPhone: v.preferredPhone === '' ? null : v.preferredPhone,
    email: orNull(v.email),
    moveInOn: orNull(v.moveInOn),
  };
}

/** The number marked * must be one that is filled in. */
export function preferredPhoneError(v: TenantValues, t: TFunction): string | null {
  if (v.preferredPhone === '') return null;
  return v[phoneField[v.preferredPhone]].trim() ? null : t('register.validation.preferredPhone');
}
