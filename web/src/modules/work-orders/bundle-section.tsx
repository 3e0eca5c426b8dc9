import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { Detail, DetailSection } from '../../ui/detail-section.tsx';
import { AnchorLink } from '../../ui/links.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { AcceptBundleButton } from './accept-bundle-button.tsx';

type Props = {
  orgId: string;
  order: WorkOrder;
  bundle: NonNullable<WorkOrder['bundle']>;
  canAccept: boolean;
};

/**
 * Bunt (Familjebostäder step 4): the bundle number and the other orders on the same object that
 * day, each with its status; Acceptera bunten when another of them still waits to be accepted.
 */
export function BundleSection({ orgId, order, bundle, canAccept }: Props) {
  const { t } = useTranslation();
  const others = bundle.orders.filter((o) => o.id !== order.id);
  const othersNew = others.some((o) => o.status === 'new');

  return (
    <DetailSection
      title={t('order.sections.bundle')}
      footer={
        canAccept && othersNew ? (
          <AcceptBundleButton orgId={orgId} bundle={bundle.number} mt="sm" mih={44} />
        ) : null
      }
    >
      <Detail label={t('order.fields.bundleNumber')}>{bundle.number}</Detail>
      <Detail label={t('order.fields.bundleOrders')}>
        {others.length === 0 ? (
          <Text span inherit>
            {t('order.bundleAlone')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {others.map((o) => (
              <li key={o.id}>
                <Group gap="xs" wrap="nowrap">
                  <AnchorLink to="/orgs/$orgId/work-orders/$id" params={{ orgId, id: o.id }} inherit>
                    {t('order.title', { number: o.number })}
                  </AnchorLink>
                  <StatusBadge status={o.status} size="sm" />
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Detail>
    </DetailSection>
  );
}
