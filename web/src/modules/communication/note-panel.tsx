import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessageQuestion, IconNotes } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../../contract/organizations.ts';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { workOrderKeys } from '../work-orders/work-orders.api.ts';
import { addNote } from './communication.api.ts';
import { NoteDialog, type NoteKind } from './note-dialog.tsx';
import { eventForPhrase } from './talk.ts';

/** A phrase button that wraps a long phrase instead of cutting it, at least 44 px high for a thumb. */
const PHRASE_BUTTON = {
  root: { height: 'auto', minHeight: 44, paddingBlock: 6 },
  inner: { height: 'auto' },
  label: { whiteSpace: 'normal', overflow: 'visible', height: 'auto', lineHeight: 1.25, textAlign: 'left' },
} as const;

/**
 * Notera on the order page: the client's ready phrases as buttons, so a technician on a phone notes
 * "Hyresgäst är kontaktad" with one tap (shared with the client); Notera for an event, a phrase and
 * text with a chosen visibility; and for the contractor Beställningsfråga.
 */
export function NotePanel({
  orgId,
  order,
  membership,
}: {
  orgId: string;
  order: WorkOrder;
  membership: Membership;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const contractor = membership.orgKind === 'contractor';
  const [dialog, setDialog] = useState<NoteKind | null>(null);
  const quick = useMutation({
    mutationFn: (phrase: string) =>
      addNote({ orgId, id: order.id, body: { event: eventForPhrase(phrase), phrase, visibility: 'shared' } }),
    onSuccess: (_data, phrase) => {
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orgId, order.id) });
      notify(t('talk.quickDone', { phrase }), 'success');
    },
    onError: (error) =>
      notify(isApiError(error) && error.title ? error.title : t('common.unexpectedError'), 'error'),
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="note-title">
      <Title order={2} size="h4" id="note-title" mb="xs">
        {t('talk.noteSection')}
      </Title>
      <Stack gap="sm">
        {contractor && order.phrases.length > 0 && (
          <div>
            <Text size="sm" id="quick-note-hint" mb={6}>
              {t('talk.quickIntro')}
            </Text>
            <Group gap="xs" role="group" aria-labelledby="quick-note-hint">
              {order.phrases.map((phrase) => (
                <Button
                  key={phrase}
                  variant="default"
                  styles={PHRASE_BUTTON}
                  loading={quick.isPending && quick.variables === phrase}
                  disabled={quick.isPending && quick.variables !== phrase}
                  onClick={() => quick.mutate(phrase)}
                >
                  {phrase}
                </Button>
              ))}
            </Group>
          </div>
        )}
        <Group gap="sm">
          <Button
            leftSection={<IconNotes size={18} aria-hidden />}
            onClick={() => setDialog('information')}
            mih={44}
          >
            {t('talk.note')}
          </Button>
          {contractor && (
            <Button
              variant="default"
              leftSection={<IconMessageQuestion size={18} aria-hidden />}
              onClick={() => setDialog('question')}
              mih={44}
            >
              {t('talk.events.question')}
            </Button>
          )}
        </Group>
      </Stack>
      <NoteDialog
        orgId={orgId}
        order={order}
        membership={membership}
        opened={dialog !== null}
        start={dialog ?? 'information'}
        onClose={() => setDialog(null)}
      />
    </Paper>
  );
}
