import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NoteEvent, noteEvents, type Visibility } from '../../../../contract/communication.values.ts';
import type { Membership } from '../../../../contract/organizations.ts';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { useMedia } from '../../ui/media.ts';
import { notify } from '../../ui/notify.ts';
import { workOrderKeys } from '../work-orders/work-orders.api.ts';
import { addNote, askQuestion } from './communication.api.ts';
import { eventForPhrase, noteVisibilities } from './talk.ts';

/** Händelse: the kinds of note, and for the contractor Beställningsfråga, as in Familjebostäder's Notera. */
export type NoteKind = NoteEvent | 'question';

type Values = { event: NoteKind; phrase: string | null; text: string; visibility: Visibility };

type Props = {
  orgId: string;
  order: WorkOrder;
  membership: Membership;
  opened: boolean;
  /** What the dialog opens with: a note, or a question to the orderer. */
  start: NoteKind;
  onClose: () => void;
};

/**
 * Notera (Familjebostäder step 6–8): Händelse, Fras from the client's list and Notering; the
 * contractor chooses who sees it. Choosing Beställningsfråga sends a question to the orderer instead.
 */
export function NoteDialog({ orgId, order, membership, opened, start, onClose }: Props) {
  const { t } = useTranslation();
  const narrow = useMedia('phone');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('talk.noteTitle', { number: order.number })}
      size="lg"
      centered
      fullScreen={narrow}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <NoteForm orgId={orgId} order={order} membership={membership} start={start} onClose={onClose} />
      )}
    </Modal>
  );
}

function NoteForm({ orgId, order, membership, start, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const contractor = membership.orgKind === 'contractor';
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { event: start, phrase: null, text: '', visibility: 'shared' },
    validate: {
      text: (value, values) => {
        if (values.event === 'question') return value.trim() ? null : t('talk.questionRequired');
        return value.trim() || values.phrase ? null : t('talk.phraseOrText');
      },
    },
  });
  const question = form.values.event === 'question';
  const { setFieldValue } = form;
  // Picking a phrase picks its Händelse too, while the user has not chosen one of their own.
  const [eventTouched, setEventTouched] = useState(start !== 'information');
  useEffect(() => {
    if (!eventTouched && form.values.phrase) setFieldValue('event', eventForPhrase(form.values.phrase));
  }, [eventTouched, form.values.phrase, setFieldValue]);

  const save = useMutation({
    mutationFn: async (values: Values) => {
      if (values.event === 'question') {
        await askQuestion({ orgId, id: order.id, text: values.text.trim() });
        return 'question' as const;
      }
      await addNote({
        orgId,
        id: order.id,
        body: {
          event: values.event,
          visibility: values.visibility,
          ...(values.phrase ? { phrase: values.phrase } : {}),
          ...(values.text.trim() ? { text: values.text.trim() } : {}),
        },
      });
      return 'note' as const;
    },
    onSuccess: (kind) => {
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orgId, order.id) });
      notify(kind === 'question' ? t('talk.asked') : t('talk.noted'), 'success');
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 400) && error.fieldErrors.length) {
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
        return;
      }
      setProblem(
        isApiError(error) ? error.title || t('common.unexpectedError') : t('common.unexpectedError'),
      );
    },
  });

  const events: { value: NoteKind; label: string }[] = [
    ...noteEvents.map((e) => ({ value: e, label: t(`talk.events.${e}`) })),
    ...(contractor ? [{ value: 'question' as const, label: t('talk.events.question') }] : []),
  ];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        save.mutate(values);
      })}
    >
      <Stack gap="md">
        <Select
          label={t('talk.event')}
          data={events}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
          {...form.getInputProps('event')}
          onChange={(value) => {
            setEventTouched(true);
            if (value) setFieldValue('event', value as NoteKind);
          }}
        />
        {question ? (
          <Text size="sm">{t('talk.questionHint')}</Text>
        ) : (
          <Select
            label={t('talk.phrase')}
            placeholder={t('talk.phrasePlaceholder')}
            data={order.phrases}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            searchable={order.phrases.length > 10}
            comboboxProps={{ withinPortal: false }}
            {...form.getInputProps('phrase')}
          />
        )}
        <Textarea
          label={question ? t('talk.events.question') : t('talk.text')}
          required={question}
          autosize
          minRows={3}
          maxLength={4000}
          data-autofocus
          {...form.getInputProps('text')}
        />
        {!question && (
          <Radio.Group label={t('talk.visibility')} {...form.getInputProps('visibility')}>
            <Stack gap="xs" mt={6}>
              {noteVisibilities(membership.orgKind).map((v) => (
                <Radio key={v} value={v} label={t(`talk.visibilities.${v}`)} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} mih={44}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} mih={44}>
            {question ? t('talk.sendQuestion') : t('talk.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
