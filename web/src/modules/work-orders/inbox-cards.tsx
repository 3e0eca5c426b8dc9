import { Group, Stack, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import type { BundleGroup } from './bundle-groups.ts';
import classes from './inbox-cards.module.css';
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

/**
 * The inbox on a phone: one card per order, grouped by bundle when asked. The cards are plain
 * elements styled with the library's variables (inbox-cards.module.css): fifty of them are drawn
 * on the server and taken over on a slow phone, where each library component costs time.
 */
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
  const Heading = level === 2 ? 'h2' : 'h3';

  return (
    <ul className={classes.list}>
      {items.map((item) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the card is a larger target for the order's own link, which keyboards and readers use.
        <li
          key={item.id}
          className={classes.card}
          onClick={() =>
            void navigate({ to: '/orgs/$orgId/work-orders/$id', params: { orgId, id: item.id } })
          }
        >
          <div className={classes.head}>
            {selection?.selectable(item) && (
              // The whole card opens the order; the box beside the number only picks it.
              <RowCheckbox
                label={t('inbox.selectOrder', { number: item.number })}
                checked={selection.selected(item)}
                onChange={() => selection.toggle(item)}
              />
            )}
            <Heading className={classes.number}>
              <Link
                to="/orgs/$orgId/work-orders/$id"
                params={{ orgId, id: item.id }}
                className={`${classes.link} mantine-focus-auto`}
                onClick={(event: React.MouseEvent) => event.stopPropagation()}
              >
                {t('inbox.card.number', { number: item.number })}
              </Link>
            </Heading>
            <StatusBadge status={item.status} size="sm" />
          </div>
          {item.externalRef && (
            <p className={classes.dimmed}>
              {t('order.fields.externalRef')}: {item.externalRef}
            </p>
          )}
          <SlaFlags contact={item.contactOverdue} delivery={item.deliveryOverdue} />
          <p className={classes.strong}>
            {labels.type(item.type)} · {labels.priority(item.priority)}
          </p>
          <p className={classes.description}>{item.description}</p>
          <p className={classes.address}>{[item.street, item.city].filter(Boolean).join(', ')}</p>
          <p className={classes.dimmed}>
            {t('inbox.columns.reporter')}: {item.reporterName} · {formatDateTime(item.orderedAt)}
          </p>
          {item.invoiceReference && invoiceable(item) && (
            // The reference for the invoicing run; copying does not open the order.
            <div className={classes.reference}>
              <span>{t('inbox.columns.invoiceReference')}:</span>
              <ReferenceCell value={item.invoiceReference} />
            </div>
          )}
          {(item.contractorContact || counterpartOf(item)) && (
            <p className={classes.dimmed}>
              {[counterpartOf(item), item.contractorContact?.name].filter(Boolean).join(' · ')}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
