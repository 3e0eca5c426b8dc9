import { Box, Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../../contract/organizations.ts';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { activeStatuses } from '../../../../contract/work-orders.values.ts';
import { isContractorManager } from '../session/session.api.ts';
import { ClientEditDialog } from './client-edit-dialog.tsx';
import { DispatchDialog } from './dispatch-dialog.tsx';
import { OrderEditCard } from './order-edit-card.tsx';
import { type ExtraAction, TransitionActions } from './transition-actions.tsx';

type Props = {
  orgId: string;
  order: WorkOrder;
  membership: Membership;
  large: boolean;
  start?: 'done' | undefined;
  onStarted?: () => void;
};

/**
 * Hantera: the status moves allowed now and, for the contractor on an active order, the fields it
 * keeps (JM step 17 and 21). Near the top of the page, so a phone shows them without scrolling.
 */
export function OrderActionsPanel({ orgId, order, membership, large, start, onStarted }: Props) {
  const { t } = useTranslation();
  const editable =
    membership.orgKind === 'contractor' &&
    membership.role !== 'support' &&
    (activeStatuses as readonly string[]).includes(order.status);
  // The client's own moves that are not status changes: send a draft or a declined order, and edit.
  const [dialog, setDialog] = useState<'dispatch' | 'edit' | null>(null);
  const clientEditable = membership.orgKind === 'client' && order.editableFields.length > 0;
  const extra: ExtraAction[] = [
    ...(order.canDispatch
      ? [
          {
            key: 'dispatch',
            label: order.status === 'declined' ? t('dispatch.sendOther') : t('dispatch.send'),
            onClick: () => setDialog('dispatch'),
            variant: 'filled' as const,
          },
        ]
      : []),
    ...(clientEditable
      ? [
          {
            key: 'edit',
            label: t('clientEdit.edit'),
            onClick: () => setDialog('edit'),
            variant: 'default' as const,
          },
        ]
      : []),
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-title">
      <Title order={2} size="h4" id="actions-title" mb="sm">
        {t('order.sections.actions')}
      </Title>
      <TransitionActions
        orgId={orgId}
        order={order}
        large={large}
        start={start}
        onStarted={onStarted}
        extra={extra}
      />
      {order.canDispatch && (
        <DispatchDialog
          orgId={orgId}
          order={order}
          opened={dialog === 'dispatch'}
          onClose={() => setDialog(null)}
        />
      )}
      {clientEditable && (
        <ClientEditDialog
          orgId={orgId}
          order={order}
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
        />
      )}
      {editable && (
        <Box mt="md" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Title order={3} size="h5" mb="xs">
            {t('edit.title')}
          </Title>
          <OrderEditCard
            key={order.version}
            orgId={orgId}
            order={order}
            canAssign={isContractorManager(membership)}
          />
        </Box>
      )}
    </Paper>
  );
}
