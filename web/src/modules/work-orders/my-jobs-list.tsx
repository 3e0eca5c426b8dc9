import { Stack, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { MyJobCard } from './my-job-card.tsx';
import { scheduleGroups, stockholmToday } from './my-jobs.ts';
import { workOrderQuery } from './work-orders.api.ts';

/**
 * Mina jobb: the technician's orders as cards in sections by day. Each card also loads its order
 * (access, key information, phones are not in the list), which also makes opening it instant.
 */
export function MyJobsList({
  orgId,
  items,
  byDay,
}: {
  orgId: string;
  items: WorkOrderListItem[];
  /** Sections by day (active jobs); otherwise one list in the order given. */
  byDay: boolean;
}) {
  const { t } = useTranslation();
  const details = useQueries({ queries: items.map((item) => workOrderQuery(orgId, item.id)) });
  const detailOf = new Map(items.map((item, i) => [item.id, details[i]?.data]));
  const list = (cards: WorkOrderListItem[], level: 2 | 3) => (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {cards.map((item) => (
        <MyJobCard key={item.id} orgId={orgId} item={item} detail={detailOf.get(item.id)} level={level} />
      ))}
    </Stack>
  );

  if (!byDay) return list(items, 2);
  return (
    <Stack gap="lg">
      {scheduleGroups(items, stockholmToday()).map(({ group, items: cards }) => (
        <section key={group} aria-labelledby={`my-jobs-${group}`}>
          <Title order={2} size="h3" id={`my-jobs-${group}`} mb="xs">
            {t(`myJobs.groups.${group}`)}
          </Title>
          {list(cards, 3)}
        </section>
      ))}
    </Stack>
  );
}
