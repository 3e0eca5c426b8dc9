import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconMapPin, IconPhone } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkOrder, WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { nextSteps } from './my-jobs.ts';
import { SlaFlags } from './sla-flags.tsx';
import { telHref } from './tel.ts';
import { transitionWorkOrder, workOrderKeys } from './work-orders.api.ts';

/** A map app's search for the address; the app shows no map itself, the phone opens its own. */
function mapHref(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

const TAP = 48;

type Props = { orgId: string; item: WorkOrderListItem; detail: WorkOrder | undefined; level: 2 | 3 };

/**
 * One job on the technician's phone: when, where, how to get in, the number to call, and the next
 * step, each a big target for a thumb (at least 44 px, WCAG 2.5.5).
 */
export function MyJobCard({ orgId, item, detail, level }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const phone = detail?.reporter.phones.find((p) => p.preferred) ?? detail?.reporter.phones[0];
  const address = [item.street, [detail?.postalCode, item.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const steps = nextSteps(item.status).filter((to) => !detail || detail.allowedTransitions.includes(to));

  const move = useMutation({
    mutationFn: (to: 'material_ordered' | 'accepted') =>
      transitionWorkOrder({ orgId, id: item.id, version: detail?.version, body: { to } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(workOrderKeys.detail(orgId, item.id), updated);
      notify(
        t('actions.changed', { number: updated.number, status: labels.status(updated.status) }),
        'success',
      );
    },
    onError: (error) => {
      notify(
        isApiError(error, 412)
          ? t('actions.stale')
          : isApiError(error)
            ? error.title
            : t('common.unexpectedError'),
        'warning',
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: workOrderKeys.all(orgId) }),
  });

  const when = item.bookedAt
    ? t('myJobs.booked', { time: formatDateTime(item.bookedAt) })
    : item.plannedAt
      ? t('myJobs.planned', { date: formatDate(item.plannedAt) })
      : t('myJobs.notBooked');

  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={level} size="h4">
            <AnchorLink
              to="/orgs/$orgId/work-orders/$id"
              params={{ orgId, id: item.id }}
              inherit
              style={{ display: 'inline-flex', alignItems: 'center', minHeight: TAP }}
            >
              {t('inbox.card.number', { number: item.number })}
            </AnchorLink>
          </Title>
          <Stack gap={0} align="flex-end" pt={12}>
            <StatusBadge status={item.status} size="md" />
          </Stack>
        </Group>
        <Text fw={700} fz="lg">
          {when}
        </Text>
        <SlaFlags contact={item.contactOverdue} delivery={item.deliveryOverdue} />
        <Text size="sm" fw={600}>
          {labels.type(item.type)} · {labels.priority(item.priority)}
        </Text>
        <Text size="sm" lineClamp={3}>
          {item.description}
        </Text>
        <Anchor
          href={mapHref(address)}
          target="_blank"
          rel="noopener noreferrer"
          size="md"
          style={{ display: 'flex', alignItems: 'center', gap: 6, minHeight: TAP }}
        >
          <IconMapPin size={20} aria-hidden style={{ flexShrink: 0 }} />
          <span>
            {address}
            <VisuallyHidden> {t('myJobs.opensMap')}</VisuallyHidden>
          </span>
        </Anchor>
        {detail && (
          <Stack gap={2}>
            <Text size="sm">
              <Text span inherit fw={600}>
                {t('order.fields.accessToApartment')}:
              </Text>{' '}
              {detail.accessToApartment ?? t('common.empty')}
            </Text>
            <Text size="sm">
              <Text span inherit fw={600}>
                {t('order.fields.keyInfo')}:
              </Text>{' '}
              {detail.keyInfo ?? t('common.empty')}
            </Text>
            {detail.entryWithoutTenant !== null && (
              <Text size="sm">
                <Text span inherit fw={600}>
                  {t('order.fields.entryWithoutTenant')}:
                </Text>{' '}
                {detail.entryWithoutTenant ? t('common.yes') : t('common.no')}
              </Text>
            )}
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t('inbox.columns.reporter')}: {item.reporterName}
        </Text>
        {phone && (
          <Button
            component="a"
            href={telHref(phone.number)}
            size="lg"
            fullWidth
            color="blue.8"
            leftSection={<IconPhone size={22} aria-hidden />}
          >
            {t('myJobs.call', { number: phone.number })}
          </Button>
        )}
        {steps.length > 0 && (
          <SimpleGrid cols={steps.length} spacing="xs">
            {steps.map((to) =>
              to === 'done' ? (
                <ButtonLink
                  key={to}
                  to="/orgs/$orgId/work-orders/$id"
                  params={{ orgId, id: item.id }}
                  search={{ action: 'done' }}
                  size="lg"
                  color="teal.9"
                  leftSection={<IconCheck size={20} aria-hidden />}
                >
                  {t('actions.done')}
                </ButtonLink>
              ) : (
                <Button
                  key={to}
                  size="lg"
                  variant="default"
                  loading={move.isPending && move.variables === to}
                  disabled={move.isPending}
                  onClick={() => move.mutate(to)}
                  fz="md"
                  styles={{
                    root: { height: 'auto', minHeight: 50, paddingBlock: 6 },
                    inner: { height: 'auto' },
                    label: {
                      whiteSpace: 'normal',
                      overflow: 'visible',
                      height: 'auto',
                      lineHeight: 1.25,
                      textAlign: 'center',
                    },
                  }}
                >
                  {to === 'accepted' ? t('actions.backToAccepted') : t('actions.materialOrdered')}
                </Button>
              ),
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
