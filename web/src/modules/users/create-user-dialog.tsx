import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type OrgKind, type Role, rolesByOrgKind } from '../../../../contract/organizations.ts';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { createUser, usersQuery } from './users.api.ts';

/** Skapa användare med lösenord (Familjebostäder, Blikk): e-mail required, password changed at first login. */
export function CreateUserDialog(props: {
  orgId: string;
  orgKind: OrgKind;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = (value: string) => (value.trim() ? null : t('accounts.redeem.required'));
  const roles = rolesByOrgKind[props.orgKind];
  const form = useForm({
    initialValues: { name: '', email: '', username: '', role: roles[1] ?? roles[0]!, password: '' },
    validate: { name: required, email: required, username: required, password: required },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      createUser(props.orgId, { ...values, role: values.role as Role }),
    onSuccess: (result, values) => {
      void queryClient.invalidateQueries({ queryKey: usersQuery(props.orgId).queryKey });
      // An address that already had an account was invited instead: it shows among the pending ones.
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      notify(
        result.outcome === 'created'
          ? t('accounts.createDialog.created', { name: values.name })
          : t('accounts.createDialog.invited'),
        'success',
      );
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
      title={t('accounts.createDialog.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack gap="sm">
          <Text size="sm">{t('accounts.createDialog.intro')}</Text>
          {create.isError && !fieldProblem && (
            <Alert color="red" role="alert">
              {isApiError(create.error) ? create.error.title : t('common.unexpectedError')}
            </Alert>
          )}
          <TextInput
            label={t('accounts.users.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('accounts.users.email')}
            type="email"
            required
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('accounts.redeem.username')}
            autoCapitalize="none"
            spellCheck={false}
            required
            {...form.getInputProps('username')}
          />
          <Select
            label={t('accounts.users.role')}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label={t('accounts.createDialog.password')}
            description={t('accounts.redeem.passwordHint')}
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('accounts.createDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
