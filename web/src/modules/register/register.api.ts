import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ObjectInput,
  objectListSchema,
  Property,
  PropertyInput,
  propertyListSchema,
  Register,
  RegisterObject,
  roomInputSchema,
  tenantInputSchema,
  unitInputSchema,
} from '../../../../contract/properties.ts';
import { getJson, request } from '../../app/api.ts';

export type PropertyList = z.infer<typeof propertyListSchema>;
export type ObjectList = z.infer<typeof objectListSchema>;
export type ObjectSummary = ObjectList['items'][number];
export type RoomInput = z.input<typeof roomInputSchema>;
export type UnitInput = z.input<typeof unitInputSchema>;
export type TenantInput = z.input<typeof tenantInputSchema>;
export type Room = RegisterObject['rooms'][number];
export type Unit = Room['units'][number];
export type Tenant = RegisterObject['tenants'][number];
export type ImportResult = { register: Register; created: number; updated: number };

export const PAGE_SIZE = 50;

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const id = encodeURIComponent;

export const registerKeys = {
  all: (orgId: string) => ['register', orgId] as const,
  properties: (orgId: string, q: string, page: number, limit = PAGE_SIZE) =>
    ['register', orgId, 'properties', q, page, limit] as const,
  property: (orgId: string, propertyId: string) => ['register', orgId, 'property', propertyId] as const,
  objects: (orgId: string, args: ObjectSearch) => ['register', orgId, 'objects', args] as const,
  object: (orgId: string, objectId: string) => ['register', orgId, 'object', objectId] as const,
};

export type ObjectSearch = { q: string; propertyId?: string | null; page?: number; limit?: number };

export function propertiesQuery(orgId: string, q: string, page: number, limit = PAGE_SIZE) {
  const params = new URLSearchParams({ limit: String(limit), offset: String((page - 1) * limit) });
  if (q) params.set('q', q);
  return queryOptions({
    queryKey: registerKeys.properties(orgId, q, page, limit),
    queryFn: ({ signal }) => getJson<PropertyList>(`${base(orgId)}/properties?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function propertyQuery(orgId: string, propertyId: string) {
  return queryOptions({
    queryKey: registerKeys.property(orgId, propertyId),
    queryFn: ({ signal }) => getJson<Property>(`${base(orgId)}/properties/${id(propertyId)}`, { signal }),
  });
}

export function objectsQuery(orgId: string, search: ObjectSearch) {
  const limit = search.limit ?? PAGE_SIZE;
  const params = new URLSearchParams({
    limit: String(limit),
    offset: String(((search.page ?? 1) - 1) * limit),
  });
  if (search.q) params.set('q', search.q);
  if (search.propertyId) params.set('propertyId', search.propertyId);
  return queryOptions({
    queryKey: registerKeys.objects(orgId, search),
    queryFn: ({ signal }) => getJson<ObjectList>(`${base(orgId)}/objects?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function objectQuery(orgId: string, objectId: string) {
  return queryOptions({
    queryKey: registerKeys.object(orgId, objectId),
    queryFn: ({ signal }) => getJson<RegisterObject>(`${base(orgId)}/objects/${id(objectId)}`, { signal }),
  });
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Adds a property, or changes one naming the version read (412 when someone changed it meanwhile). */
export async function saveProperty(args: {
  orgId: string;
  current?: { id: string; version: number } | undefined;
  body: PropertyInput;
}) {
  const { orgId, current, body } = args;
  const response = current
    ? await request<Property>(`${base(orgId)}/properties/${id(current.id)}`, {
        method: 'PUT',
        body,
        headers: ifMatch(current.version),
      })
    : await request<Property>(`${base(orgId)}/properties`, { method: 'POST', body });
  return response.data;
}

export async function saveObject(args: {
  orgId: string;
  current?: { id: string; version: number } | undefined;
  body: ObjectInput;
}) {
  const { orgId, current, body } = args;
  const response = current
    ? await request<RegisterObject>(`${base(orgId)}/objects/${id(current.id)}`, {
        method: 'PUT',
        body,
        headers: ifMatch(current.version),
      })
    : await request<RegisterObject>(`${base(orgId)}/objects`, { method: 'POST', body });
  return response.data;
}

/** A room, unit or tenant: added under its parent, changed or removed by its id; each answers the object. */
export type PartKind = 'rooms' | 'units' | 'tenants';

export async function savePart(args: {
  orgId: string;
  kind: PartKind;
  /** The object (rooms, tenants) or the room (units) a new one is added to. */
  parentId: string;
  partId?: string | undefined;
  body: RoomInput | UnitInput | TenantInput;
}) {
  const { orgId, kind, parentId, partId, body } = args;
  const parent = kind === 'units' ? 'rooms' : 'objects';
  const response = partId
    ? await request<RegisterObject>(`${base(orgId)}/${kind}/${id(partId)}`, { method: 'PUT', body })
    : await request<RegisterObject>(`${base(orgId)}/${parent}/${id(parentId)}/${kind}`, {
        method: 'POST',
        body,
      });
  return response.data;
}

export async function deletePart(args: { orgId: string; kind: PartKind; partId: string }) {
  const response = await request<RegisterObject>(`${base(args.orgId)}/${args.kind}/${id(args.partId)}`, {
    method: 'DELETE',
  });
  return response.data;
}

/** Sends a register's CSV file as it is: the server reads UTF-8 or Windows-1252, `;` or `,`. */
export async function importRegister(args: { orgId: string; register: Register; file: Blob }) {
  const response = await request<ImportResult>(`${base(args.orgId)}/${args.register}/import`, {
    method: 'POST',
    body: args.file,
    headers: { 'content-type': 'text/csv' },
  });
  return response.data;
}

export function exportUrl(orgId: string, register: Register): string {
  return `${base(orgId)}/${register}/export.csv`;
}
