import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { WorkOrderEvent } from '../../../../contract/work-orders.ts';
import { EMPTY, formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { describeChanges, describeCompletion } from './event-text.ts';

/**
 * Noteringar: what happened to the order, who did it and why, newest first (Familjebostäder step 7).
 * An edit lists each field it changed; a completion shows the action taken.
 */
export function EventLog({
  events,
  nameOf,
}: {
  events: WorkOrderEvent[];
  /** The name of a person of either company, where the page knows it. */
  nameOf: (userId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const sorted = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // A four-column table does not fit a phone; there each event is a short block instead.
  const narrow = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });

  const describe = (event: WorkOrderEvent): string => {
    switch (event.type) {
      case 'created':
        if (event.data?.registeredByContractor === true) return t('order.events.createdByContractor');
        return event.toStatus === 'draft' ? t('order.events.createdDraft') : t('order.events.createdNew');
      case 'updated':
        return t('order.events.updated');
      case 'status_changed':
        return t('order.events.statusChanged', {
          from: event.fromStatus ? labels.status(event.fromStatus) : EMPTY,
          to: event.toStatus ? labels.status(event.toStatus) : EMPTY,
        });
      case 'mail_failed':
        return t('order.events.mailFailed');
      default:
        return `${t('order.events.other')}: ${event.type}`;
    }
  };

  /** The Text column: the reason given, what an edit changed, what a completion recorded. */
  const details = (event: WorkOrderEvent): string =>
    [
      ...(event.type === 'updated' ? describeChanges(event.data, t, nameOf) : []),
      ...(event.type === 'status_changed' && event.toStatus === 'done'
        ? describeCompletion(event.data, t)
        : []),
      ...(event.reason ? [event.reason] : []),
    ].join('\n');

  const actorName = (event: WorkOrderEvent): string =>
    [event.actor?.name, event.actorOrg?.name].filter(Boolean).join(', ') || t('order.events.system');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="events-title">
      <Title order={2} size="h4" id="events-title" mb="sm">
        {t('order.sections.events')}
      </Title>
      {sorted.length === 0 ? (
        <Text>{t('order.events.empty')}</Text>
      ) : narrow ? (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {sorted.map((event) => (
            <li
              key={event.id}
              style={{ borderTop: '1px solid var(--mantine-color-default-border)', paddingTop: 8 }}
            >
              <Text size="sm" fw={600}>
                {describe(event)}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(event.createdAt)} · {actorName(event)}
              </Text>
              {details(event) && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {details(event)}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" fz="sm" aria-labelledby="events-title" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('order.events.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('order.events.type')}</Table.Th>
              <Table.Th scope="col">{t('order.events.name')}</Table.Th>
              <Table.Th scope="col">{t('order.events.text')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{formatDateTime(event.createdAt)}</Table.Td>
                <Table.Td>{describe(event)}</Table.Td>
                <Table.Td>
                  {event.actor?.name ?? event.actorOrg?.name ?? t('order.events.system')}
                  {event.actor && event.actorOrg && (
                    <Text span size="xs" c="dimmed" display="block">
                      {event.actorOrg.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{details(event)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
