import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { useMedia } from '../../ui/media.ts';
import { notify } from '../../ui/notify.ts';
import { ContractorSelect } from './contractor-select.tsx';
import { dispatchWorkOrder, workOrderKeys } from './work-orders.api.ts';

type Props = { orgId: string; order: WorkOrder; opened: boolean; onClose: () => void };

/**
 * Skicka till entreprenör (a draft) or Skicka till annan entreprenör (a declined order): the order
 * keeps its number and its log; the SLA dates are counted from the agreement when it is sent.
 */
export function DispatchDialog({ orgId, order, opened, onClose }: Props) {
  const { t } = useTranslation();
  const narrow = useMedia('phone');
  const again = order.status === 'declined';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(again ? 'dispatch.titleOther' : 'dispatch.title', { number: order.number })}
      size="lg"
      centered
      fullScreen={narrow}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <DispatchForm orgId={orgId} order={order} onClose={onClose} />
    </Modal>
  );
}

function DispatchForm({ orgId, order, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const again = order.status === 'declined';
  const declinedBy = again ? order.contractor : null;
  const [contractorOrgId, setContractorOrgId] = useState<string | null>(
    again ? null : (order.contractor?.id ?? null),
  );
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const choose = useCallback((id: string | null) => {
    setContractorOrgId(id);
    setError(undefined);
  }, []);
  const detailKey = workOrderKeys.detail(orgId, order.id);
  const send = useMutation({
    mutationFn: (id: string) =>
      dispatchWorkOrder({ orgId, id: order.id, version: order.version, contractorOrgId: id }),
    onSuccess: (updated) => {
      queryClient.setQueryData(detailKey, updated);
      void queryClient.invalidateQueries({ queryKey: [...workOrderKeys.all(orgId), 'list'] });
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.dashboard(orgId) });
      notify(
        t('dispatch.sent', { number: updated.number, contractor: updated.contractor?.name ?? '' }),
        'success',
      );
      onClose();
    },
    onError: (err) => {
      if (isApiError(err, 412)) {
        notify(t('actions.stale'), 'warning');
        void queryClient.invalidateQueries({ queryKey: detailKey });
        onClose();
        return;
      }
      const onField = isApiError(err)
        ? err.fieldErrors.find((e) => e.field === 'contractorOrgId')
        : undefined;
      if (onField) setError(onField.message);
      setProblem(isApiError(err) ? err.title : t('common.unexpectedError'));
    },
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        if (!contractorOrgId) {
          setError(t('validation.chooseContractor'));
          return;
        }
        send.mutate(contractorOrgId);
      }}
    >
      <Stack gap="md">
        {declinedBy && <Text>{t('dispatch.declinedBy', { name: declinedBy.name })}</Text>}
        <ContractorSelect
          orgId={orgId}
          type={order.type}
          value={contractorOrgId}
          onChange={choose}
          error={error}
          exclude={declinedBy?.id}
        />
        <Text size="sm" c="dimmed">
          {t('dispatch.slaHint')}
        </Text>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} mih={44}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending} mih={44}>
            {again ? t('dispatch.sendOther') : t('dispatch.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
