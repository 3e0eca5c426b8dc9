/**
 * Making an order from the client's register: the object (by id, or by the object number a
 * contractor reads off the door), its room and unit, and its tenant fill whatever the request did not
 * give. The order keeps these as a snapshot, plus references for follow-up.
 */
import type { z } from 'zod';
import type { createWorkOrderBodySchema } from '../../../contract/work-orders.ts';
import type { Executor } from '../../platform/db.ts';
import { type FieldErrorInput, problems } from '../../platform/errors.ts';
import { findObject, findObjectsByNumber, findProperty } from '../properties/properties.repository.ts';

type CreateInput = z.output<typeof createWorkOrderBodySchema>;
type Reporter = NonNullable<CreateInput['reporter']>;

/** The input with place and reporter settled, and where in the register it points. */
export type SettledInput = CreateInput & {
  propertyName: string;
  street: string;
  reporter: Reporter;
  refs: { propertyId: string | null; objectId: string | null; unitId: string | null };
};

const unknown = (field: string, sv: string, en: string): FieldErrorInput => ({
  field,
  code: 'unknown_reference',
  message: { sv, en },
});

/**
 * `private: false` (a contractor registering an order) fills only the place — property, owner,
 * address, object type and floor — by object number, so the number alone will do for an object
 * the client has registered: access, keys and the tenant are the client's to share.
 */
export async function settleFromRegister(
  db: Executor,
  clientOrgId: string,
  input: CreateInput,
  options: { private: boolean } = { private: true },
): Promise<SettledInput> {
  if (!options.private) {
    const named = (['propertyId', 'objectId', 'roomId', 'unitId', 'tenantId'] as const).filter(
      (f) => input[f] !== undefined,
    );
    if (named.length) {
      throw problems.validation({
        errors: named.map((f) => ({
          field: f,
          code: 'not_allowed',
          message: { sv: 'Får inte anges', en: 'May not be set' },
        })),
      });
    }
  }
  let objectId = input.objectId ?? null;
  if (!objectId && input.objectNumber) {
    const [byNumber] = await findObjectsByNumber(db, clientOrgId, [input.objectNumber]);
    objectId = byNumber?.id ?? null;
  }
  const found = objectId ? await findObject(db, clientOrgId, objectId) : null;
  // A property alone is an order on its common areas (JM step 19: "ett allmänt utrymme").
  const property = input.propertyId ? await findProperty(db, clientOrgId, input.propertyId) : null;
  const errors: FieldErrorInput[] = [];
  if (input.propertyId && !property)
    errors.push(unknown('propertyId', 'Okänd fastighet', 'Unknown property'));
  if (property && found && found.object.propertyId !== property.property.id) {
    errors.push(
      unknown('objectId', 'Objektet hör inte till fastigheten', 'The object is not on that property'),
    );
  }
  if (input.objectId && !found) errors.push(unknown('objectId', 'Okänt objekt', 'Unknown object'));
  // A contractor may give only the number on the door; the register must know it then.
  if (!found && input.objectNumber && (!input.propertyName || !input.street)) {
    errors.push(
      unknown(
        'objectNumber',
        'Beställaren har inget objekt med det numret. Ange fastighet och gatuadress.',
        'The client has no object with that number. Give the property and street address.',
      ),
    );
  }
  if (!found && (input.roomId || input.unitId || input.tenantId)) {
    errors.push(unknown('objectId', 'Välj objektet först', 'Choose the object first'));
  }
  const room = found && input.roomId ? found.rooms.find((r) => r.id === input.roomId) : undefined;
  if (found && input.roomId && !room)
    errors.push(unknown('roomId', 'Utrymmet finns inte på objektet', 'No such room on the object'));
  const unit = found && input.unitId ? found.units.find((u) => u.id === input.unitId) : undefined;
  if (found && input.unitId && (!unit || (room && unit.roomId !== room.id))) {
    errors.push(unknown('unitId', 'Enheten finns inte i utrymmet', 'No such unit in the room'));
  }
  const unitRoom = unit ? found?.rooms.find((r) => r.id === unit.roomId) : undefined;
  const tenant =
    found && options.private
      ? input.tenantId
        ? found.tenants.find((t) => t.id === input.tenantId)
        : [...found.tenants].sort((a, b) => (b.moveInOn ?? '').localeCompare(a.moveInOn ?? ''))[0]
      : undefined;
  if (found && input.tenantId && !tenant)
    errors.push(unknown('tenantId', 'Hyresgästen bor inte på objektet', 'No such tenant on the object'));
  if (errors.length) throw problems.validation({ errors });

  const o = found?.object;
  // Without an object, the property's own address is the place.
  const p = o ? undefined : property?.property;
  const theRoom = room ?? unitRoom;
  const reporter: Reporter | undefined =
    input.reporter ??
    (tenant
      ? {
          name: tenant.name,
          phones: (
            [
              ['home', tenant.phoneHome],
              ['work', tenant.phoneWork],
              ['other', tenant.phoneOther],
            ] as const
          )
            .filter(([, n]) => Boolean(n))
            .map(([kind, number]) => ({ kind, number: number!, preferred: tenant.preferredPhone === kind })),
          email: tenant.email ?? undefined,
          moveInOn: tenant.moveInOn ?? undefined,
        }
      : undefined);
  const settled = {
    ...input,
    propertyName: input.propertyName ?? o?.propertyDesignation ?? p?.designation,
    ownerName: input.ownerName ?? o?.ownerName ?? p?.ownerName ?? undefined,
    street: input.street ?? o?.street ?? p?.street ?? undefined,
    postalCode: input.postalCode ?? o?.postalCode ?? p?.postalCode ?? undefined,
    city: input.city ?? o?.city ?? p?.city ?? undefined,
    objectNumber: input.objectNumber ?? o?.number,
    objectType: input.objectType ?? o?.type ?? undefined,
    floor: input.floor ?? o?.floor ?? undefined,
    ...(options.private
      ? {
          accessToApartment: input.accessToApartment ?? o?.object.accessToApartment ?? undefined,
          keyInfo: input.keyInfo ?? o?.object.keyInfo ?? undefined,
          entryWithoutTenant: input.entryWithoutTenant ?? o?.object.entryWithoutTenant ?? undefined,
        }
      : {}),
    room:
      input.room ??
      (theRoom ? (theRoom.code ? `${theRoom.name} (${theRoom.code})` : theRoom.name) : undefined),
    unit: input.unit ?? unit?.name,
    unitType: input.unitType ?? unit?.unitType ?? undefined,
    unitIsAppliance: input.unitIsAppliance ?? unit?.isAppliance,
    unitInstalledOn: input.unitInstalledOn ?? unit?.installedOn ?? undefined,
    unitLastMaintenanceOn: input.unitLastMaintenanceOn ?? unit?.lastMaintenanceOn ?? undefined,
    model: input.model ?? unit?.model ?? undefined,
    serialNumber: input.serialNumber ?? unit?.serialNumber ?? undefined,
    reporter,
    refs: {
      propertyId: o?.propertyId ?? p?.id ?? null,
      objectId: o?.id ?? null,
      unitId: unit?.id ?? null,
    },
  };
  const missing: FieldErrorInput[] = [];
  if (!settled.propertyName)
    missing.push({
      field: 'propertyName',
      code: 'required',
      message: { sv: 'Välj objekt eller ange fastighet', en: 'Choose an object or give the property' },
    });
  if (!settled.street)
    missing.push({
      field: 'street',
      code: 'required',
      message: { sv: 'Obligatoriskt fält', en: 'Required' },
    });
  if (!settled.reporter)
    missing.push({
      field: 'reporter',
      code: 'required',
      message: { sv: 'Ange anmälare', en: 'Give the reporter' },
    });
  if (missing.length) throw problems.validation({ errors: missing });
  return settled as SettledInput;
}
