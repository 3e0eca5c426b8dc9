import '../../app/i18n/page-texts.ts';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { isClientAdmin } from '../session/session.api.ts';
import { inviteContractor } from './companies.api.ts';

const route = getRouteApi('/app/orgs/$orgId/contractors/invite');

/** Bjud in entreprenör (JM): organisation number and the first administrator's e-mail. */
export function InviteContractorPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  useDocumentTitle(`${t('accounts.contractor.title')} – ${membership.orgName} – Ordning`);
  const required = (value: string) => (value.trim() ? null : t('accounts.redeem.required'));
  const form = useForm({
    initialValues: { orgNumber: '', name: '', email: '' },
    validate: { orgNumber: required, name: required, email: required },
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) => inviteContractor(orgId, values),
    onSuccess: () => form.reset(),
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.length)
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
    },
  });
  if (!isClientAdmin(membership)) return <Text>{t('accounts.users.notAllowed')}</Text>;
  const fieldProblem = isApiError(invite.error) && invite.error.fieldErrors.length > 0;

  return (
    <Stack gap="lg" maw={560}>
      <div>
        <Title order={1}>{t('accounts.contractor.title')}</Title>
        <Text size="sm">{t('accounts.contractor.intro')}</Text>
      </div>
      <Paper withBorder p="md">
        <form noValidate onSubmit={form.onSubmit((values) => invite.mutate(values))}>
          <Stack gap="sm">
            {invite.isSuccess && (
              <Alert color="green" role="status">
                {invite.data.invited ? t('accounts.contractor.created') : t('accounts.contractor.linked')}
              </Alert>
            )}
            {invite.isError && !fieldProblem && (
              <Alert color="red" role="alert">
                {isApiError(invite.error) ? invite.error.title : t('common.unexpectedError')}
              </Alert>
            )}
            <TextInput
              label={t('accounts.contractor.orgNumber')}
              description={t('accounts.contractor.orgNumberHint')}
              inputMode="numeric"
              required
              {...form.getInputProps('orgNumber')}
            />
            <TextInput label={t('accounts.contractor.name')} required {...form.getInputProps('name')} />
            <TextInput
              label={t('accounts.contractor.email')}
              type="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={invite.isPending}>
              {t('accounts.contractor.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
