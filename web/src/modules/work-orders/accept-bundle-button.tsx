import { Button, type ButtonProps } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { acceptBundle, workOrderKeys } from './work-orders.api.ts';

/** Acceptera bunten: accepts every new order of the bundle at once (Familjebostäder step 4–5). */
export function AcceptBundleButton({
  orgId,
  bundle,
  ...buttonProps
}: { orgId: string; bundle: string } & ButtonProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => acceptBundle({ orgId, bundle }),
    onSuccess: ({ accepted }) => {
      notify(
        t('bundle.accepted', {
          bundle,
          numbers: accepted.map((o) => o.number).join(', '),
          count: accepted.length,
        }),
        'success',
      );
    },
    onError: (error) => notify(isApiError(error) ? error.title : t('common.unexpectedError'), 'error'),
    // Whatever happened, show every order of the bundle as it is now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: workOrderKeys.all(orgId) }),
  });

  return (
    <Button
      leftSection={<IconChecks size={16} aria-hidden />}
      loading={accept.isPending}
      onClick={(event) => {
        event.stopPropagation();
        accept.mutate();
      }}
      aria-label={t('bundle.acceptLabel', { bundle })}
      {...buttonProps}
    >
      {t('bundle.accept')}
    </Button>
  );
}
