import '../../app/i18n/page-texts.ts';
import {
  Alert,
  Button,
  Center,
  Divider,
  List,
  Loader,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../../contract/invitations.ts';
import { isApiError } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { meQuery } from '../session/session.api.ts';
import { invitationProblem } from './invitation-errors.ts';
import { acceptInvitation, invitationQuery, registerFromInvitation } from './invitations.api.ts';
import { PublicShell } from './public-shell.tsx';

const route = getRouteApi('/invitations/$token');

/**
 * Lös in inbjudan (JM steps 2–5): the companies of the invitation, then Registrera (a new account) or
 * Jag har ett befintligt konto (log in, come back here and Anslut kontot).
 */
export function RedeemPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('accounts.redeem.title')} – Ordning`);
  const { token } = route.useParams();
  const invitation = useQuery(invitationQuery(token));
  const me = useQuery({ ...meQuery, staleTime: 0 });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const problem = invitationProblem(invitation.error);
  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('accounts.redeem.title')}
        </Title>
        {invitation.isPending ? (
          <Center py="md" role="status">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : invitation.isError ? (
          <>
            <Alert color={problem === 'notFound' ? 'red' : 'yellow'} role="alert">
              {problem ? t(`accounts.redeem.${problem}`) : t('common.unexpectedError')}
            </Alert>
            <ButtonLink to="/login" variant="default">
              {t('accounts.redeem.toLogin')}
            </ButtonLink>
          </>
        ) : sentTo ? (
          <Alert color="blue" role="status" title={t('accounts.redeem.checkMail')}>
            {t('accounts.redeem.checkMailText', { email: sentTo })}
          </Alert>
        ) : (
          <>
            <Companies view={invitation.data} />
            {me.data ? (
              <Connect token={token} name={me.data.name} />
            ) : (
              <>
                <RegisterForm token={token} view={invitation.data} onMailSent={setSentTo} />
                <Divider label={t('accounts.redeem.existing')} labelPosition="center" />
                <Text size="sm">{t('accounts.redeem.existingIntro')}</Text>
                <ButtonLink to="/login" search={{ redirect: `/invitations/${token}` }} variant="default">
                  {t('accounts.redeem.existing')}
                </ButtonLink>
              </>
            )}
          </>
        )}
      </Stack>
    </PublicShell>
  );
}

function Companies({ view }: { view: InvitationView }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text>{t('accounts.redeem.intro')}</Text>
      <List my="xs">
        {view.companies.map((c) => (
          <List.Item key={c.name}>
            <Text span fw={600}>
              {c.name}
            </Text>{' '}
            – {t(`roles.${c.role}`)}
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        {t('accounts.redeem.forAddress', { email: view.email, date: formatDate(view.expiresAt) })}
      </Text>
    </div>
  );
}

/** Anslut kontot: the logged-in account takes the invitation's memberships. */
function Connect({ token, name }: { token: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: async ({ orgIds }) => {
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      const orgId = orgIds[0];
      if (orgId) await navigate({ to: '/orgs/$orgId/work-orders', params: { orgId }, replace: true });
      else await navigate({ to: '/', replace: true });
    },
  });
  const problem = invitationProblem(accept.error);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('accounts.redeem.connectTitle')}
      </Title>
      <Text>{t('accounts.redeem.connectIntro', { name })}</Text>
      {accept.isError && (
        <Alert color="red" role="alert">
          {problem
            ? t(`accounts.redeem.${problem}`)
            : isApiError(accept.error)
              ? accept.error.title
              : t('common.unexpectedError')}
        </Alert>
      )}
      <Button onClick={() => accept.mutate()} loading={accept.isPending}>
        {t('accounts.redeem.connect')}
      </Button>
    </Stack>
  );
}

function RegisterForm(props: { token: string; view: InvitationView; onMailSent: (email: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const required = (value: string) => (value.trim() ? null : t('accounts.redeem.required'));
  const form = useForm({
    initialValues: {
      email: props.view.email,
      username: '',
      name: '',
      password: '',
      passwordConfirmation: '',
    },
    validate: {
      email: required,
      username: required,
      name: required,
      password: (value) => (value ? null : t('accounts.redeem.required')),
      passwordConfirmation: (value, values) =>
        value === values.password ? null : t('accounts.redeem.mismatch'),
    },
  });
  const register = useMutation({
    mutationFn: (values: typeof form.values) => registerFromInvitation(props.token, values),
    onSuccess: async (result, values) => {
      if (result.status === 'confirm_email') return props.onMailSent(values.email);
      queryClient.clear();
      const me = await queryClient.fetchQuery(meQuery);
      const orgId = me.memberships[0]?.orgId;
      if (orgId) await navigate({ to: '/orgs/$orgId/work-orders', params: { orgId }, replace: true });
      else await navigate({ to: '/', replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.length)
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
    },
  });
  const problem = invitationProblem(register.error);
  const fieldProblem = isApiError(register.error) && register.error.fieldErrors.length > 0;

  return (
    <form noValidate onSubmit={form.onSubmit((values) => register.mutate(values))}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('accounts.redeem.register')}
        </Title>
        <Text size="sm">{t('accounts.redeem.registerIntro')}</Text>
        {register.isError && !fieldProblem && (
          <Alert color="red" role="alert">
            {problem
              ? t(`accounts.redeem.${problem}`)
              : isApiError(register.error)
                ? register.error.title
                : t('common.unexpectedError')}
          </Alert>
        )}
        <TextInput
          label={t('accounts.redeem.email')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('accounts.redeem.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('accounts.redeem.name')}
          autoComplete="name"
          required
          {...form.getInputProps('name')}
        />
        <PasswordInput
          label={t('accounts.redeem.password')}
          description={t('accounts.redeem.passwordHint')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('accounts.redeem.passwordConfirmation')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          required
          {...form.getInputProps('passwordConfirmation')}
        />
        <Button type="submit" loading={register.isPending}>
          {t('accounts.redeem.submit')}
        </Button>
      </Stack>
    </form>
  );
}
