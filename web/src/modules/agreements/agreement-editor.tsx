import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../contract/agreements.ts';
import { workOrderTypes } from '../../../../contract/work-orders.values.ts';
import { isApiError } from '../../app/api.ts';
import { useLabels } from '../../ui/labels.ts';
import { notify } from '../../ui/notify.ts';
import {
  type AgreementValues,
  agreementTerms,
  agreementValues,
  formFieldOf,
  referenceExample,
  validateAgreement,
} from './agreement-form.ts';
import { agreementKeys, saveAgreement } from './agreements.api.ts';
import { SlaFields } from './sla-fields.tsx';

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main [aria-invalid="true"]')?.focus());
}

/**
 * The client's administrator sets the terms. Saved with the version read: if someone else saved the
 * agreement meanwhile, nothing is written, the user is told and the agreement is read again.
 */
export function AgreementEditor({
  orgId,
  agreement,
  onDone,
}: {
  orgId: string;
  agreement: Agreement;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const counterpartId = agreement.contractor.id;
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AgreementValues>({ initialValues: agreementValues(agreement) });
  const save = useMutation({
    mutationFn: (values: AgreementValues) =>
      saveAgreement({ orgId, counterpartId, version: agreement.version, terms: agreementTerms(values) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(agreementKeys.one(orgId, counterpartId), saved);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all(orgId), exact: true });
      // Which contractors can take which type may have changed.
      void queryClient.invalidateQueries({ queryKey: ['contractors', orgId] });
      notify(t('agreements.saved', { name: saved.contractor.name }), 'success');
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        notify(t('agreements.stale'), 'warning');
        void queryClient.invalidateQueries({ queryKey: agreementKeys.one(orgId, counterpartId) });
        onDone();
        return;
      }
      if (isApiError(error) && error.fieldErrors.length) {
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [formFieldOf(e.field), e.message])));
        setProblem(error.title);
        focusFirstError();
        return;
      }
      setProblem(isApiError(error) ? error.title : t('common.unexpectedError'));
    },
  });

  const text = (field: keyof AgreementValues, label: string, extra: object = {}) => (
    <TextInput label={label} autoComplete="off" {...extra} {...form.getInputProps(field)} />
  );
  const lines = (field: 'faultTypes' | 'rootCauses' | 'phrases', label: string) => (
    <Textarea
      label={label}
      description={t('agreements.onePerLine')}
      autosize
      minRows={4}
      maxRows={14}
      {...form.getInputProps(field)}
    />
  );

  return (
    <form
      noValidate
      aria-label={t('agreements.editTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        const errors = validateAgreement(form.values, t);
        form.setErrors(errors);
        if (Object.keys(errors).length) {
          setProblem(t('newOrder.fixErrors'));
          focusFirstError();
          return;
        }
        save.mutate(form.values);
      }}
    >
      <Stack gap="md">
        <Fieldset legend={t('agreements.orderTypes')}>
          <Checkbox.Group
            label={t('agreements.orderTypesLabel')}
            description={t('agreements.orderTypesHint')}
            {...form.getInputProps('orderTypes')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
              {workOrderTypes.map((type) => (
                <Checkbox key={type} value={type} label={labels.type(type)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Fieldset>

        <Fieldset legend={t('agreements.slaTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('agreements.slaEditIntro')}</Text>
            <SlaFields form={form} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('agreements.closeOutTitle')}>
          <Stack gap="sm">
            <Group gap="lg">
              <Checkbox
                label={t('agreements.requireFaultType')}
                {...form.getInputProps('requireFaultType', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('agreements.requireRootCause')}
                {...form.getInputProps('requireRootCause', { type: 'checkbox' })}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {lines('faultTypes', t('agreements.faultTypes'))}
              {lines('rootCauses', t('agreements.rootCauses'))}
            </SimpleGrid>
            {text('completedVisibleDays', t('agreements.visibleDays'), {
              description: t('agreements.visibleDaysHint'),
              inputMode: 'numeric',
              maxLength: 4,
              maw: 320,
            })}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('agreements.phrasesTitle')}>{lines('phrases', t('agreements.phrases'))}</Fieldset>

        <Fieldset legend={t('agreements.invoiceTitle')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('invoiceReferenceTemplate', t('agreements.template'), {
              description: t('agreements.templateHint', {
                example: referenceExample(form.values.invoiceReferenceTemplate || 'AO{number}'),
              }),
              maxLength: 40,
              required: true,
            })}
            {text('invoiceMarking', t('order.fields.invoiceMarking'), { maxLength: 100 })}
            {text('projectNumber', t('order.fields.projectNumber'), { maxLength: 100 })}
            <Textarea
              label={t('order.fields.invoiceAddress')}
              description={t('agreements.invoiceAddressHint')}
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('invoiceAddress')}
            />
          </SimpleGrid>
        </Fieldset>

        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} mih={44}>
            {t('agreements.save')}
          </Button>
          <Button variant="default" onClick={onDone} mih={44}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
