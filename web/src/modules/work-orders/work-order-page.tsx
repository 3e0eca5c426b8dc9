import { Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { EventLog } from './event-log.tsx';
import { TransitionActions } from './transition-actions.tsx';
import { WorkOrderDetails } from './work-order-details.tsx';
import { workOrderQuery } from './work-orders.api.ts';

const route = getRouteApi('/app/orgs/$orgId/work-orders/$id');

/** One order: everything needed to do the work, the moves allowed now, and what has happened. */
export function WorkOrderPage() {
  const { t } = useTranslation();
  const { orgId, id } = route.useParams();
  const query = useQuery(workOrderQuery(orgId, id));
  useDocumentTitle(
    `${query.data ? t('order.title', { number: query.data.number }) : t('inbox.title')} – Ordning`,
  );

  const back = (
    <AnchorLink to="/orgs/$orgId/work-orders" params={{ orgId }} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden />
        {t('order.backToList')}
      </Group>
    </AnchorLink>
  );

  if (query.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    if (!isApiError(query.error, 404)) throw query.error;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <Title order={1}>{t('errors.notFoundTitle')}</Title>
        <Text>{t('order.notFound')}</Text>
      </Stack>
    );
  }

  const order = query.data;
  return (
    <Stack gap="md">
      {back}
      <Group gap="sm" align="center">
        <Title order={1}>{t('order.title', { number: order.number })}</Title>
        <StatusBadge status={order.status} size="lg" />
      </Group>
      <TransitionActions orgId={orgId} order={order} />
      <WorkOrderDetails order={order} />
      <EventLog events={order.events} />
    </Stack>
  );
}
