import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import type { BundleGroup } from './bundle-groups.ts';
import { invoiceable, ReferenceCell } from './inbox-columns.tsx';
import { RowCheckbox } from './row-checkbox.tsx';
import type { RowSelection } from './row-selection.ts';
import { SlaFlags } from './sla-flags.tsx';

type Props = {
  orgId: string;
  groups: BundleGroup<WorkOrderListItem>[];
  grouped: boolean;
  /** The other party's name on each card: the client for a contractor, the contractor for a client. */
  counterpartOf: (item: WorkOrderListItem) => string | null;
  bundleAction: (group: BundleGroup<WorkOrderListItem>) => ReactNode;
  selection?: RowSelection | undefined;
};

/** The inbox on a phone: one card per order, grouped by bundle when asked. */
export function InboxCards({ orgId, groups, grouped, counterpartOf, bundleAction, selection }: Props) {
  const { t } = useTranslation();
  if (!grouped)
    return (
      <CardList
        orgId={orgId}
        items={groups.flatMap((g) => g.items)}
        level={2}
        {...{ counterpartOf, selection }}
      />
    );
  return (
    <Stack gap="lg">
      {groups.map((group) => (
        <section key={group.bundle ?? 'alone'} aria-label={group.bundle ?? t('bundle.alone')}>
          <Group justify="space-between" gap="xs" mb="xs">
            <Title order={2} size="h5">
              {group.bundle
                ? t('bundle.heading', { bundle: group.bundle, count: group.items.length })
                : t('bundle.alone')}
            </Title>
            {bundleAction(group)}
          </Group>
          <CardList
            orgId={orgId}
            items={group.items}
            level={3}
            counterpartOf={counterpartOf}
            selection={selection}
          />
        </section>
      ))}
    </Stack>
  );
}

function CardList(props: {
  orgId: string;
  items: WorkOrderListItem[];
  level: 2 | 3;
  counterpartOf: (item: WorkOrderListItem) => string | null;
  selection?: RowSelection | undefined;
}) {
  const { orgId, items, level, counterpartOf, selection } = props;
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
          <Group justify="space-between" gap="xs" wrap="nowrap" mb={4} align="flex-start">
            {selection?.selectable(item) && (
              // The whole card opens the order; the box beside the number only picks it.
              <RowCheckbox
                label={t('inbox.selectOrder', { number: item.number })}
                checked={selection.selected(item)}
                onChange={() => selection.toggle(item)}
              />
            )}
            <Title order={level} size="h4" style={{ flex: 1 }}>
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
          {item.externalRef && (
            <Text size="sm" c="dimmed">
              {t('order.fields.externalRef')}: {item.externalRef}
            </Text>
          )}
          <SlaFlags contact={item.contactOverdue} delivery={item.deliveryOverdue} />
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
          {item.invoiceReference && invoiceable(item) && (
            // The reference for the invoicing run; copying does not open the order.
            <Group gap="xs" mt={4}>
              <Text size="sm">{t('inbox.columns.invoiceReference')}:</Text>
              <ReferenceCell value={item.invoiceReference} />
            </Group>
          )}
          {(item.contractorContact || counterpartOf(item)) && (
            <Text size="sm" c="dimmed">
              {[counterpartOf(item), item.contractorContact?.name].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
