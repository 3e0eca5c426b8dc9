import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { bulkInvoice, workOrderKeys } from './work-orders.api.ts';

/**
 * Markera som fakturerade: the done orders picked in the list become Fakturerad together. The server
 * marks all of them or none; what happened stays in view under the button.
 */
export function BulkInvoiceBar({
  orgId,
  chosen,
  onDone,
}: {
  orgId: string;
  chosen: WorkOrderListItem[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<{
    tone: 'success' | 'error';
    text: string;
    /** The orders that stood in the way, each with its number and status. */
    details?: string[];
  } | null>(null);
  const mark = useMutation({
    mutationFn: (ids: string[]) => bulkInvoice({ orgId, ids }),
    onSuccess: ({ items }) => {
      const numbers = items.map((i) => i.number).sort((a, b) => a - b);
      const text = t('inbox.invoicedResult', { count: numbers.length, numbers: numbers.join(', ') });
      setResult({ tone: 'success', text });
      notify(text, 'success');
      onDone();
    },
    onError: (error) => {
      setResult({
        tone: 'error',
        text: `${t('inbox.invoicedNone')} ${isApiError(error) ? error.title : t('common.unexpectedError')}`,
        details: isApiError(error) ? error.fieldErrors.map((e) => e.message) : [],
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: workOrderKeys.all(orgId) }),
  });

  return (
    <div>
      <Group gap="sm" wrap="wrap">
        <Button
          leftSection={<IconReceipt size={16} aria-hidden />}
          disabled={chosen.length === 0}
          loading={mark.isPending}
          onClick={() => {
            setResult(null);
            mark.mutate(chosen.map((o) => o.id));
          }}
        >
          {t('inbox.markInvoiced')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('inbox.selected', { count: chosen.length })}
        </Text>
      </Group>
      {result && (
        <Alert mt="sm" color={result.tone === 'success' ? 'teal.9' : 'red'} role="status">
          {result.text}
          {result.details && result.details.length > 0 && (
            <List size="sm" mt="xs">
              {result.details.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </div>
  );
}
