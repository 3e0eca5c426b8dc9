import { Alert, Checkbox, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Property, RegisterObject } from '../../../../contract/properties.ts';
import { objectQuery, objectsQuery, propertiesQuery } from '../register/register.api.ts';
import {
  fillFromUnit,
  type NewWorkOrderValues,
  type PlaceSource,
  reporterOf,
  roomLabel,
} from './new-work-order-form.ts';
import { textField } from './order-fields.tsx';

type Form = UseFormReturnType<NewWorkOrderValues>;

type Summary = Pick<RegisterObject, 'id' | 'number' | 'street' | 'tenantName'>;
const objectLabel = (o: Summary) => [o.number, o.street, o.tenantName].filter(Boolean).join(' · ');

/** Från fastighetsregistret or Fri adress. */
export function PlaceSourceChoice({
  value,
  onChange,
}: {
  value: PlaceSource;
  onChange: (v: PlaceSource) => void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('placePicker.source')}
      value={value}
      onChange={(next) => onChange(next === 'free' ? 'free' : 'register')}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6} maw={520}>
        <Radio value="register" label={t('placePicker.fromRegister')} />
        <Radio value="free" label={t('placePicker.free')} />
      </SimpleGrid>
    </Radio.Group>
  );
}

/**
 * The place from the register: property (to narrow the search), object by number, address or tenant,
 * then room and unit. What the register says fills the form below, where it can be corrected for this
 * order; the order keeps it as it was sent.
 */
export function RegisterPlaceFields({
  orgId,
  form,
  onPick,
  onCommonArea,
}: {
  orgId: string;
  form: Form;
  /** An object was chosen: the page loads it and fills the form. */
  onPick: (objectId: string | null) => void;
  /** Allmänt utrymme was ticked (with the property chosen) or unticked. */
  onCommonArea: (property: Property | null) => void;
}) {
  const { t } = useTranslation();
  const values = form.values;
  const properties = useQuery(propertiesQuery(orgId, '', 1, 200));
  const object = useQuery({
    ...objectQuery(orgId, values.objectId ?? ''),
    enabled: Boolean(values.objectId),
  });
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const chosen = object.data && object.data.id === values.objectId ? object.data : null;
  // Once an object is chosen its label stands in the box; that is not a new search.
  const q = chosen && typed === objectLabel(chosen) ? '' : typed.trim();
  const objects = useQuery(objectsQuery(orgId, { q, propertyId: values.propertyId, limit: 20 }));
  const options = [
    ...(chosen ? [chosen] : []),
    ...(objects.data?.items ?? []).filter((o) => o.id !== chosen?.id),
  ].map((o) => ({ value: o.id, label: objectLabel(o) }));
  const room = chosen?.rooms.find((r) => r.id === values.roomId);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('placePicker.property')}
          placeholder={t('placePicker.allProperties')}
          data={(properties.data?.items ?? []).map((p) => ({ value: p.id, label: p.designation }))}
          value={values.propertyId}
          onChange={(next) => {
            const picked = properties.data?.items.find((p) => p.id === next);
            // On the common areas the property is the place: a new one fills the form anew.
            if (values.commonArea) onCommonArea(picked ?? null);
            else form.setFieldValue('propertyId', next);
          }}
          required={values.commonArea}
          error={form.errors.propertyId}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
        />
        {values.commonArea ? (
          <Text size="sm" c="dimmed" mt={{ sm: 28 }}>
            {t('placePicker.commonAreaHint')}
          </Text>
        ) : (
          <Select
            label={t('placePicker.object')}
            description={t('placePicker.objectHint')}
            placeholder={t('placePicker.objectPlaceholder')}
            required
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            // The server searches number, address and tenant; the list shows what it found as it is.
            filter={({ options: found }) => found}
            data={options}
            value={values.objectId}
            onChange={(next) => onPick(next)}
            nothingFoundMessage={objects.isFetching ? t('common.loading') : t('placePicker.noObjects')}
            error={form.errors.objectId}
            comboboxProps={{ withinPortal: true }}
            maxDropdownHeight={320}
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('placePicker.commonArea')}
        description={t('placePicker.commonAreaDescription')}
        checked={values.commonArea}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          const property = properties.data?.items.find((p) => p.id === values.propertyId);
          if (!on) onCommonArea(null);
          else if (property) onCommonArea(property);
          else {
            form.setFieldValue('commonArea', true);
            form.setFieldError('propertyId', t('validation.chooseProperty'));
          }
        }}
      />

      {values.commonArea && values.propertyId && (
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('placePicker.fromRegisterTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('placePicker.fromRegisterHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {textField(form, 'street', t('newOrder.street'), 200, { required: true })}
            <SimpleGrid cols={2} spacing="sm">
              {textField(form, 'postalCode', t('newOrder.postalCode'), 6, { inputMode: 'numeric' })}
              {textField(form, 'city', t('newOrder.city'), 100)}
            </SimpleGrid>
            {textField(form, 'room', t('placePicker.room'), 100, {
              placeholder: t('placePicker.commonRoomPlaceholder'),
            })}
            {textField(form, 'unit', t('placePicker.unit'), 100)}
          </SimpleGrid>
        </div>
      )}

      {chosen && (
        <>
          <Text size="sm">
            {[
              chosen.propertyDesignation,
              chosen.ownerName,
              t('placePicker.objectNumber', { number: chosen.number }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: chosen.tenants.length > 1 ? 3 : 2 }} spacing="sm">
            <Select
              label={t('placePicker.room')}
              placeholder={t('placePicker.noRoom')}
              data={chosen.rooms.map((r) => ({ value: r.id, label: roomLabel(r) }))}
              value={values.roomId}
              onChange={(next) => {
                const picked = chosen.rooms.find((r) => r.id === next);
                form.setValues({
                  roomId: picked?.id ?? null,
                  room: picked ? roomLabel(picked) : '',
                  ...fillFromUnit(values, undefined),
                });
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('placePicker.unit')}
              placeholder={room ? t('placePicker.noUnit') : t('placePicker.unitNeedsRoom')}
              data={(room?.units ?? []).map((u) => ({
                value: u.id,
                label: u.unitType ? `${u.name} (${u.unitType})` : u.name,
              }))}
              value={values.unitId}
              disabled={!room}
              onChange={(next) =>
                form.setValues(
                  fillFromUnit(
                    values,
                    room?.units.find((u) => u.id === next),
                  ),
                )
              }
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            {chosen.tenants.length > 1 && (
              <Select
                label={t('placePicker.tenant')}
                data={chosen.tenants.map((tenant) => ({ value: tenant.id, label: tenant.name }))}
                value={values.tenantId}
                onChange={(next) => {
                  const tenant = chosen.tenants.find((x) => x.id === next);
                  form.setValues({ tenantId: tenant?.id ?? null, reporter: reporterOf(tenant) });
                }}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </SimpleGrid>
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('placePicker.fromRegisterTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('placePicker.fromRegisterHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {textField(form, 'street', t('newOrder.street'), 200, { required: true })}
              <SimpleGrid cols={2} spacing="sm">
                {textField(form, 'postalCode', t('newOrder.postalCode'), 6, { inputMode: 'numeric' })}
                {textField(form, 'city', t('newOrder.city'), 100)}
              </SimpleGrid>
              {textField(form, 'objectType', t('placePicker.objectType'), 100)}
              {textField(form, 'floor', t('placePicker.floor'), 100)}
              {values.unitId && (
                <>
                  {textField(form, 'model', t('placePicker.model'), 200)}
                  {textField(form, 'serialNumber', t('placePicker.serialNumber'), 100)}
                </>
              )}
            </SimpleGrid>
          </div>
          {values.unitId && values.unitIsAppliance && (
            <Alert color="blue" variant="light">
              {t('placePicker.appliance', { unit: values.unit })}
            </Alert>
          )}
          {chosen.tenants.length === 0 && (
            <Text size="sm" role="status">
              {t('placePicker.noTenant')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
