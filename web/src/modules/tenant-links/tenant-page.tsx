import '../../app/i18n/page-texts.ts';
import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Container,
  Fieldset,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeStatuses } from '../../../../contract/work-orders.values.ts';
import { isApiError } from '../../app/api.ts';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { toStockholm } from '../../ui/stockholm-time.ts';
import { proposalFrom, type TimeRow } from './proposal.ts';
import { proposeTimes, type TenantView, tenantViewQuery } from './tenant-links.api.ts';

const route = getRouteApi('/t/$token');

const MAX_TIMES = 3;

/**
 * The reporter's page behind the private link (beyond the guides), without login and made for a
 * phone: the order's status, address and booked time, what the contractor has marked for the
 * reporter, and a form to propose up to three visit times, which land on the order.
 */
export function TenantPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const view = useQuery({ ...tenantViewQuery(token), retry: false });
  useDocumentTitle(view.data ? `${t('tenant.title', { number: view.data.number })} – Ordning` : 'Ordning');

  return (
    <Container size="xs" px="sm" py="md">
      <Group justify="space-between" mb="md" component="header">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Stack component="main" gap="md" id="main">
        {view.isPending ? (
          <Center py="xl" role="status">
            <Loader aria-label={t('tenant.loading')} />
          </Center>
        ) : view.isError ? (
          isApiError(view.error, 404) ? (
            <>
              <Title order={1}>{t('tenant.gone')}</Title>
              <Text>{t('tenant.goneText')}</Text>
            </>
          ) : (
            <Alert color="red" role="alert">
              {isApiError(view.error) && view.error.title ? view.error.title : t('common.unexpectedError')}
            </Alert>
          )
        ) : (
          <Order token={token} view={view.data} />
        )}
      </Stack>
    </Container>
  );
}

function Order({ token, view }: { token: string; view: TenantView }) {
  const { t } = useTranslation();
  const open = (activeStatuses as readonly string[]).includes(view.status);
  return (
    <>
      <div>
        <Title order={1}>{t('tenant.title', { number: view.number })}</Title>
        <Group gap="xs" mt={4}>
          <Text size="sm">{t('tenant.status')}:</Text>
          <StatusBadge status={view.status} />
        </Group>
      </div>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{view.description}</Text>
          <Fact label={t('tenant.place')}>{[view.street, view.propertyName].filter(Boolean).join(', ')}</Fact>
          {view.contractorName && <Fact label={t('tenant.contractor')}>{view.contractorName}</Fact>}
          <Fact label={t('tenant.booked')}>
            {view.bookedAt ? formatDateTime(view.bookedAt) : t('tenant.notBooked')}
          </Fact>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="tenant-events">
        <Title order={2} size="h4" id="tenant-events" mb="sm">
          {t('tenant.eventsTitle')}
        </Title>
        {view.events.length === 0 ? (
          <Text>{t('tenant.noEvents')}</Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {view.events.map((event, index) => (
              <li
                // The view names no ids; time, kind and text tell the entries apart.
                key={`${event.createdAt}|${event.type}|${event.text ?? ''}|${event.times?.join() ?? ''}`}
                style={{
                  borderTop: index ? '1px solid var(--mantine-color-default-border)' : undefined,
                  paddingTop: index ? 8 : 0,
                }}
              >
                <Text size="sm" fw={700}>
                  {event.type === 'tenant_proposal' ? t('tenant.yourProposal') : t('tenant.fromContractor')}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDateTime(event.createdAt)}
                </Text>
                {event.times && event.times.length > 0 && <Text size="sm">{event.times.join(', ')}</Text>}
                {event.text && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {event.text}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Paper>
      {open ? <ProposalForm token={token} /> : <Text>{t('tenant.closed')}</Text>}
      <Text size="sm" c="dimmed">
        {t('tenant.privacy')}
      </Text>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={700} size="sm">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

function ProposalForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ times: TimeRow[]; text: string }>({
    initialValues: { times: [{ date: '', from: '', to: '' }], text: '' },
  });
  const send = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof proposalFrom>['body']>) => proposeTimes({ token, body }),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: tenantViewQuery(token).queryKey });
    },
    onError: (error) => {
      if (isApiError(error, 400) && error.fieldErrors.length) {
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
        return;
      }
      setProblem(isApiError(error) && error.title ? error.title : t('common.unexpectedError'));
    },
  });
  const today = toStockholm(new Date().toISOString())?.date ?? '';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tenant-propose">
      <Title order={2} size="h4" id="tenant-propose" mb={4}>
        {t('tenant.proposeTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('tenant.proposeIntro')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setProblem(null);
          send.reset();
          const { body, errors } = proposalFrom(values.times, values.text, today);
          if (!body) {
            form.setErrors(
              Object.fromEntries(
                Object.entries(errors).map(([field, key]) => [field, t(`tenant.validation.${key}`)]),
              ),
            );
            return;
          }
          send.mutate(body);
        })}
      >
        <Stack gap="sm">
          {form.values.times.map((_row, index) => (
            <Fieldset
              // Rows are only added at the end and removed by position; the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              legend={t('tenant.time', { n: index + 1 })}
              p="sm"
            >
              <Stack gap="xs">
                <TextInput
                  type="date"
                  label={t('tenant.date')}
                  min={today}
                  {...form.getInputProps(`times.${index}.date`)}
                />
                <SimpleGrid cols={2} spacing="xs">
                  <TextInput
                    type="time"
                    label={t('tenant.from')}
                    {...form.getInputProps(`times.${index}.from`)}
                  />
                  <TextInput
                    type="time"
                    label={t('tenant.to')}
                    {...form.getInputProps(`times.${index}.to`)}
                  />
                </SimpleGrid>
                {form.values.times.length > 1 && (
                  <Group justify="flex-end">
                    <ActionIcon
                      variant="default"
                      size={44}
                      aria-label={t('tenant.removeTime', { n: index + 1 })}
                      onClick={() => form.removeListItem('times', index)}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                )}
              </Stack>
            </Fieldset>
          ))}
          {form.values.times.length < MAX_TIMES && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.insertListItem('times', { date: '', from: '', to: '' })}
                mih={44}
              >
                {t('tenant.addTime')}
              </Button>
            </Group>
          )}
          <Textarea
            label={t('tenant.message')}
            description={t('tenant.messageHint')}
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('text')}
          />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {send.isSuccess && (
            <Alert color="teal" role="status">
              {t('tenant.sent')}
            </Alert>
          )}
          <Button type="submit" loading={send.isPending} mih={48} fullWidth>
            {t('tenant.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
