import { Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderEvent } from '../../../../contract/work-orders.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { useMedia } from '../../ui/media.ts';
import { countByCategory, type EventCategory, eventCategories, filterEvents } from '../communication/talk.ts';
import { VisibilityBadge } from '../communication/visibility-badge.tsx';
import { eventDetails, eventTitle } from './event-text.ts';

/**
 * Noteringar: one timeline of everything that happened to the order (Familjebostäder step 7): status
 * changes, notes, questions and answers, messages, mail sent or not delivered, files, edits; with
 * time, type, who and text, newest first, narrowed by kind. The contractor also sees who each entry
 * is shown to (Intern, Delad, Anmälare).
 */
export function EventLog({
  events,
  nameOf,
  showVisibility,
}: {
  events: WorkOrderEvent[];
  /** The name of a person of either company, where the page knows it. */
  nameOf: (userId: string) => string | undefined;
  /** The contractor's view: its internal entries are among the rest, so each says who sees it. */
  showVisibility: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [chosen, setChosen] = useState<EventCategory[]>([]);
  const shown = filterEvents(events, chosen);
  const counts = countByCategory(events);
  // A table does not fit a phone; there each event is a short block instead.
  const narrow = useMedia('narrow');

  const title = (event: WorkOrderEvent) => eventTitle(event, t, labels.status);
  const details = (event: WorkOrderEvent) => eventDetails(event, t, nameOf).join('\n');
  const actorName = (event: WorkOrderEvent): string =>
    event.actor?.name ??
    event.actorOrg?.name ??
    (typeof event.data?.fromEmail === 'string' ? event.data.fromEmail : t('order.events.system'));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="events-title">
      <Title order={2} size="h4" id="events-title" mb="sm">
        {t('order.sections.events')}
      </Title>
      {events.length === 0 ? (
        <Text>{t('order.events.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Checkbox.Group
            label={t('talk.log.filter')}
            description={t('talk.log.filterHint')}
            value={chosen}
            onChange={(value) => setChosen(value as EventCategory[])}
          >
            <Group gap="md" mt={6}>
              {eventCategories
                .filter((c) => counts[c] > 0)
                .map((c) => (
                  <Checkbox
                    key={c}
                    value={c}
                    label={t('talk.log.categoryCount', {
                      label: t(`talk.log.categories.${c}`),
                      count: counts[c],
                    })}
                  />
                ))}
            </Group>
          </Checkbox.Group>
          {shown.length === 0 ? (
            <Text role="status">{t('talk.log.noneMatching')}</Text>
          ) : narrow ? (
            <Stack
              component="ol"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-labelledby="events-title"
            >
              {shown.map((event) => (
                <li
                  key={event.id}
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)', paddingTop: 8 }}
                >
                  <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={600}>
                      {title(event)}
                    </Text>
                    {showVisibility && <VisibilityBadge visibility={event.visibility} />}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(event.createdAt)} ·{' '}
                    {[actorName(event), event.actor ? event.actorOrg?.name : null].filter(Boolean).join(', ')}
                  </Text>
                  {details(event) && (
                    <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
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
                  {showVisibility && <Table.Th scope="col">{t('talk.log.visibility')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.createdAt)}</Table.Td>
                    <Table.Td>{title(event)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {actorName(event)}
                      {event.actor && event.actorOrg && (
                        <Text span size="xs" c="dimmed" display="block">
                          {event.actorOrg.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                      {details(event)}
                    </Table.Td>
                    {showVisibility && (
                      <Table.Td>
                        <VisibilityBadge visibility={event.visibility} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Paper>
  );
}
