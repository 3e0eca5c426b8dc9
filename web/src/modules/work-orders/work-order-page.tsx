import '../../app/i18n/page-texts.ts';
import { Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { useMedia } from '../../ui/media.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { AttachmentsSection } from '../communication/attachments-section.tsx';
import { MessagesSection } from '../communication/messages-section.tsx';
import { NotePanel } from '../communication/note-panel.tsx';
import { QuestionsSection } from '../communication/questions-section.tsx';
import { canWriteOn } from '../communication/talk.ts';
import { TenantLinkSection } from '../communication/tenant-link-section.tsx';
import { isContractorManager } from '../session/session.api.ts';
import { EventLog } from './event-log.tsx';
import { OrderActionsPanel } from './order-actions-panel.tsx';
import { SlaFlags } from './sla-flags.tsx';
import { WorkOrderDetails } from './work-order-details.tsx';
import { membersQuery, type OrgMember, workOrderQuery } from './work-orders.api.ts';

const route = getRouteApi('/app/orgs/$orgId/work-orders/$id');

/** Everyone the page can name: the company's people, the order's contact and whoever acted on it. */
function namesOf(order: WorkOrder, members: OrgMember[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const event of order.events) if (event.actor) names.set(event.actor.id, event.actor.name);
  if (order.contractorContact) names.set(order.contractorContact.id, order.contractorContact.name);
  for (const member of members) names.set(member.userId, member.name);
  return names;
}

/**
 * One order: the moves allowed now near the top, then Notera, everything needed to do the work, the
 * questions, the dialog with the other side, photos and files, the reporter's link, and what has
 * happened (Noteringar).
 */
export function WorkOrderPage() {
  const { t } = useTranslation();
  const { orgId, id } = route.useParams();
  const { membership } = route.useRouteContext();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(workOrderQuery(orgId, id));
  const contractor = membership.orgKind === 'contractor';
  const members = useQuery({ ...membersQuery(orgId), enabled: contractor && membership.role !== 'support' });
  const narrow = useMedia('narrow');
  useDocumentTitle(
    `${query.data ? t('order.title', { number: query.data.number }) : t('inbox.title')} – Ordning`,
  );
  // The dialog a card asked for has opened; going back should not open it again.
  const started = useCallback(() => void navigate({ search: {}, replace: true }), [navigate]);

  const back = (
    <AnchorLink to="/orgs/$orgId/work-orders" params={{ orgId }} size="sm">
      <Group gap={4} component="span" mih={32}>
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
  const names = namesOf(order, members.data?.items ?? []);
  const writer = canWriteOn(membership);
  return (
    <Stack gap="md">
      {back}
      <div>
        <Group gap="sm" align="center">
          <Title order={1}>{t('order.title', { number: order.number })}</Title>
          <StatusBadge status={order.status} size="lg" />
        </Group>
        <SlaFlags contact={order.contactOverdue} delivery={order.deliveryOverdue} />
      </div>
      <OrderActionsPanel
        orgId={orgId}
        order={order}
        membership={membership}
        large={narrow}
        start={search.action}
        onStarted={started}
      />
      {writer && <NotePanel orgId={orgId} order={order} membership={membership} />}
      <WorkOrderDetails orgId={orgId} order={order} canAcceptBundle={isContractorManager(membership)} />
      <QuestionsSection orgId={orgId} order={order} canAnswer={writer && !contractor} />
      {order.contractor && (
        <MessagesSection orgId={orgId} order={order} membership={membership} canWrite={writer} />
      )}
      <AttachmentsSection orgId={orgId} orderId={order.id} contractor={contractor} canUpload={writer} />
      {writer && order.status !== 'draft' && <TenantLinkSection orgId={orgId} order={order} />}
      <EventLog events={order.events} nameOf={(userId) => names.get(userId)} showVisibility={contractor} />
    </Stack>
  );
}
