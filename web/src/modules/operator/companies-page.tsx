import '../../app/i18n/page-texts.ts';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { createCompany, operatorCompaniesQuery } from './operator.api.ts';

/** Företag for the operator: every company, and Skapa företag with its first administrator's invitation. */
export function OperatorCompaniesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('accounts.operator.title')} – Ordning`);
  const companies = useQuery(operatorCompaniesQuery);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end">
        <div>
          <Title order={1}>{t('accounts.operator.title')}</Title>
          <Text size="sm">{t('accounts.operator.intro')}</Text>
        </div>
        {companies.isSuccess && (
          <Button onClick={() => setCreating(true)}>{t('accounts.operator.create')}</Button>
        )}
      </Group>
      <Paper withBorder p="md">
        {companies.isPending ? (
          <Center py="md" role="status">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : companies.isError ? (
          <Alert color="red" role="alert">
            {isApiError(companies.error, 403)
              ? t('accounts.operator.notAllowed')
              : isApiError(companies.error)
                ? companies.error.title
                : t('common.unexpectedError')}
          </Alert>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.operator.name')}</Table.Th>
                  <Table.Th>{t('accounts.operator.kind')}</Table.Th>
                  <Table.Th>{t('accounts.operator.orgNumber')}</Table.Th>
                  <Table.Th>{t('accounts.operator.members')}</Table.Th>
                  <Table.Th>{t('accounts.operator.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {companies.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{t(`accounts.operator.kinds.${c.kind}`)}</Table.Td>
                    <Table.Td>{c.orgNumber ?? t('common.empty')}</Table.Td>
                    <Table.Td>{c.members}</Table.Td>
                    <Table.Td>{formatDate(c.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CreateCompanyDialog opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function CreateCompanyDialog(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = (value: string) => (value.trim() ? null : t('accounts.redeem.required'));
  const form = useForm({
    initialValues: { kind: 'client' as 'client' | 'contractor', name: '', orgNumber: '', adminEmail: '' },
    validate: { name: required, orgNumber: required, adminEmail: required },
  });
  const create = useMutation({
    mutationFn: createCompany,
    onSuccess: (_d, values) => {
      void queryClient.invalidateQueries({ queryKey: operatorCompaniesQuery.queryKey });
      notify(t('accounts.operator.done', { name: values.name }), 'success');
      form.reset();
      props.onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.length)
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
    },
  });
  const fieldProblem = isApiError(create.error) && create.error.fieldErrors.length > 0;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('accounts.operator.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack gap="sm">
          {create.isError && !fieldProblem && (
            <Alert color="red" role="alert">
              {isApiError(create.error) ? create.error.title : t('common.unexpectedError')}
            </Alert>
          )}
          <Select
            label={t('accounts.operator.kind')}
            data={(['client', 'contractor'] as const).map((k) => ({
              value: k,
              label: t(`accounts.operator.kinds.${k}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('accounts.operator.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('accounts.operator.orgNumber')}
            description={t('accounts.contractor.orgNumberHint')}
            required
            {...form.getInputProps('orgNumber')}
          />
          <TextInput
            label={t('accounts.operator.adminEmail')}
            type="email"
            required
            {...form.getInputProps('adminEmail')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('accounts.operator.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
