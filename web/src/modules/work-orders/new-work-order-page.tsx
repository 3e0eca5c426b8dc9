import '../../app/i18n/page-texts.ts';
import { Alert, Button, Fieldset, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Property } from '../../../../contract/properties.ts';
import { type ApiError, isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { randomUuid } from '../../ui/uuid.ts';
import { objectQuery } from '../register/register.api.ts';
import { canRegisterOrders } from '../session/session.api.ts';
import { ContractorSelect } from './contractor-select.tsx';
import {
  emptyNewWorkOrder,
  fillFromObject,
  fillFromProperty,
  fillFromUnit,
  type NewWorkOrderValues,
  type PlaceSource,
  type Registrar,
  toCreateBody,
  validateNewWorkOrder,
} from './new-work-order-form.ts';
import { AccessFields, FreePlaceFields, PlaceFieldset, TaskFields } from './order-fields.tsx';
import { PlaceSourceChoice, RegisterPlaceFields } from './register-place-fields.tsx';
import { ReporterFields } from './reporter-fields.tsx';
import { clientsQuery, createWorkOrder, workOrderKeys } from './work-orders.api.ts';

const route = getRouteApi('/app/orgs/$orgId/work-orders/new');

function focusFirstError() {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('main [aria-invalid="true"]')?.focus();
  });
}

/**
 * Registrera arbetsorder: the client describes the job and sends it to a contractor, or keeps a
 * draft; a contractor registers one for a client (Familjebostäder's menu, e.g. a fault found on a
 * round), which starts out accepted.
 */
export function NewWorkOrderPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('newOrder.title')} – Ordning`);
  const allowed = canRegisterOrders(membership);
  const registrar: Registrar = membership.orgKind === 'contractor' ? 'contractor' : 'client';
  // A contractor's clients: those it has an agreement with.
  const clients = useQuery({ ...clientsQuery(orgId), enabled: allowed && registrar === 'contractor' });
  // A client picks the place from its register; a contractor cannot read the register and types it.
  const form = useForm<NewWorkOrderValues>({
    initialValues: { ...emptyNewWorkOrder, placeSource: registrar === 'client' ? 'register' : 'free' },
  });
  const clientOptions = (clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const onlyClient = clientOptions.length === 1 ? clientOptions[0]!.value : null;
  const { setFieldValue } = form;
  const setContractor = useCallback(
    (id: string | null) => setFieldValue('contractorOrgId', id),
    [setFieldValue],
  );
  useEffect(() => {
    if (onlyClient) setFieldValue('clientOrgId', (current) => current ?? onlyClient);
  }, [onlyClient, setFieldValue]);
  const [problem, setProblem] = useState<string | null>(null);
  const { setValues, clearFieldError } = form;

  /** Loads the object chosen and fills the form from it; none chosen: the register's part is emptied. */
  const pickObject = useCallback(
    async (objectId: string | null) => {
      if (!objectId) {
        setValues((prev) => fillFromObjectCleared(prev as NewWorkOrderValues));
        return;
      }
      try {
        const object = await queryClient.fetchQuery(objectQuery(orgId, objectId));
        setValues((prev) => fillFromObject(prev as NewWorkOrderValues, object));
        clearFieldError('objectId');
      } catch (error) {
        setProblem(isApiError(error) ? error.title : t('common.unexpectedError'));
      }
    },
    [orgId, t, queryClient, setValues, clearFieldError],
  );
  // Opened from an object's page: start from that object.
  const startObject = search.objectId;
  const started = useRef(false);
  useEffect(() => {
    if (!startObject || started.current || registrar !== 'client') return;
    started.current = true;
    void pickObject(startObject);
  }, [startObject, registrar, pickObject]);
  // One key per submission; a retry of the same content reuses it, so a lost answer never makes two orders.
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const create = useMutation({
    mutationFn: createWorkOrder,
    onSuccess: async (order) => {
      attempt.current = null;
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.all(orgId) });
      queryClient.setQueryData(workOrderKeys.detail(orgId, order.id), order);
      notify(
        registrar === 'contractor'
          ? t('newOrder.registered', { number: order.number, client: order.client.name })
          : order.status === 'draft'
            ? t('newOrder.saved', { number: order.number })
            : t('newOrder.dispatched', { number: order.number, contractor: order.contractor?.name ?? '' }),
        'success',
      );
      await navigate({ to: '/orgs/$orgId/work-orders/$id', params: { orgId, id: order.id } });
    },
    onError: (error) => {
      const apiError = isApiError(error) ? error : null;
      showServerErrors(apiError);
    },
  });

  const showServerErrors = (error: ApiError | null) => {
    if (!error) {
      setProblem(t('common.unexpectedError'));
      return;
    }
    const known = new Set(
      Object.keys(form.values).concat(['reporter.name', 'reporter.email', 'reporter.phones']),
    );
    // The register's references are all chosen with the object field.
    const fieldErrors = error.fieldErrors.map((e) =>
      ['roomId', 'unitId', 'tenantId'].includes(e.field) ? { ...e, field: 'objectId' } : e,
    );
    const onFields = fieldErrors.filter((e) => known.has(e.field) || e.field.startsWith('reporter.phones.'));
    if (onFields.length) {
      form.setErrors(Object.fromEntries(onFields.map((e) => [e.field, e.message])));
      focusFirstError();
    }
    const elsewhere = fieldErrors.filter((e) => !onFields.includes(e));
    setProblem(
      [
        onFields.length ? t('newOrder.fixErrors') : error.title,
        ...elsewhere.map((e) => `${e.field}: ${e.message}`),
      ].join(' '),
    );
  };

  const submit = (dispatch: boolean) => {
    setProblem(null);
    const errors = validateNewWorkOrder(form.values, dispatch, t, registrar);
    form.setErrors(errors);
    if (Object.keys(errors).length) {
      setProblem(t('newOrder.fixErrors'));
      focusFirstError();
      return;
    }
    const body = toCreateBody(form.values, dispatch, registrar);
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) attempt.current = { key: randomUuid(), body: serialized };
    create.mutate({ orgId, body, idempotencyKey: attempt.current.key });
  };

  if (!allowed) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('newOrder.title')}</Title>
        <Text>{t('newOrder.notAllowed')}</Text>
      </Stack>
    );
  }

  const placeSource = form.values.placeSource;
  const setPlaceSource = (next: PlaceSource) =>
    form.setValues((prev) =>
      next === 'free'
        ? { ...fillFromObjectCleared(prev as NewWorkOrderValues), placeSource: 'free' }
        : { ...(prev as NewWorkOrderValues), placeSource: 'register' },
    );

  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('newOrder.title')}</Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(true);
        }}
      >
        <Stack gap="md">
          <TaskFields form={form} />

          <PlaceFieldset>
            {registrar === 'client' && <PlaceSourceChoice value={placeSource} onChange={setPlaceSource} />}
            {registrar === 'client' && placeSource === 'register' ? (
              <RegisterPlaceFields
                orgId={orgId}
                form={form}
                onPick={(id) => void pickObject(id)}
                onCommonArea={(property: Property | null) => {
                  form.clearFieldError('propertyId');
                  form.clearFieldError('objectId');
                  form.setValues((prev) =>
                    property
                      ? fillFromProperty(prev as NewWorkOrderValues, property)
                      : {
                          ...fillFromObjectCleared(prev as NewWorkOrderValues),
                          propertyId: prev.propertyId ?? null,
                        },
                  );
                }}
              />
            ) : (
              <FreePlaceFields form={form} byNumber={registrar === 'contractor'} />
            )}
          </PlaceFieldset>

          <AccessFields form={form} />

          <Fieldset legend={t('newOrder.sections.reporter')}>
            <ReporterFields form={form} />
          </Fieldset>

          {registrar === 'contractor' ? (
            <Fieldset legend={t('newOrder.sections.client')}>
              <Select
                label={t('newOrder.client')}
                placeholder={t('newOrder.clientPlaceholder')}
                data={clientOptions}
                required
                nothingFoundMessage={t('newOrder.noClients')}
                disabled={clients.isPending}
                {...form.getInputProps('clientOrgId')}
              />
            </Fieldset>
          ) : (
            <Fieldset legend={t('newOrder.sections.contractor')}>
              <ContractorSelect
                orgId={orgId}
                type={form.values.type}
                value={form.values.contractorOrgId}
                onChange={setContractor}
                error={form.errors.contractorOrgId as string | undefined}
              />
            </Fieldset>
          )}

          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}

          {registrar === 'contractor' ? (
            <Group gap="sm">
              <Button type="submit" loading={create.isPending}>
                {t('newOrder.register')}
              </Button>
            </Group>
          ) : (
            <Group gap="sm">
              <Button type="submit" loading={create.isPending && create.variables?.body.dispatch !== false}>
                {t('newOrder.dispatch')}
              </Button>
              <Button
                variant="default"
                onClick={() => submit(false)}
                loading={create.isPending && create.variables?.body.dispatch === false}
              >
                {t('newOrder.saveDraft')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}

/** The form with nothing from the register: a free address starts empty. */
function fillFromObjectCleared(values: NewWorkOrderValues): NewWorkOrderValues {
  return {
    ...values,
    ...fillFromUnit({ ...values, placeSource: 'register' }, undefined),
    commonArea: false,
    objectId: null,
    roomId: null,
    tenantId: null,
    propertyName: '',
    ownerName: '',
    street: '',
    postalCode: '',
    city: '',
    objectNumber: '',
    objectType: '',
    floor: '',
    room: '',
    accessToApartment: '',
    keyInfo: '',
    entryWithoutTenant: false,
    reporter: { ...emptyNewWorkOrder.reporter },
  };
}
