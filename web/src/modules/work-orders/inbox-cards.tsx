import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

/** The inbox on a phone: one card per order with what a technician needs to pick the next job. */
export function InboxCards({ orgId, items }: { orgId: string; items: WorkOrderListItem[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();

  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Card
          key={item.id}
          component="li"
          withBorder
          padding="sm"
          style={{ cursor: 'pointer' }}
          onClick={() =>
            void navigate({ to: '/orgs/$orgId/work-orders/$id', params: { orgId, id: item.id } })
          }
        >
          <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
            <Title order={2} size="h4">
              <AnchorLink
                to="/orgs/$orgId/work-orders/$id"
                params={{ orgId, id: item.id }}
                onClick={(event: React.MouseEvent) => event.stopPropagation()}
                inherit
              >
                {t('inbox.card.number', { number: item.number })}
              </AnchorLink>
            </Title>
            <StatusBadge status={item.status} size="sm" />
          </Group>
          <Text size="sm" fw={600}>
            {labels.type(item.type)} · {labels.priority(item.priority)}
          </Text>
          <Text size="sm" lineClamp={3}>
            {item.description}
          </Text>
          <Text size="sm" mt={4}>
            {[item.street, item.city].filter(Boolean).join(', ')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('inbox.columns.reporter')}: {item.reporterName} · {formatDateTime(item.orderedAt)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
