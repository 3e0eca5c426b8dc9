// The second-factor step and the forgotten-password link use the account texts of the pages' bundle.
import '../../app/i18n/page-texts.ts';
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, SecondFactorMethod } from '../../../../contract/session.ts';
import { isApiError } from '../../app/api.ts';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';
import { SecondFactorStep } from '../account/second-factor-step.tsx';
import { defaultMembership, logIn, meQuery } from './session.api.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('login.title')} – Ordning`);
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { login: '', password: '' },
    validate: {
      login: (value) => (value.trim() ? null : t('login.required')),
      password: (value) => (value ? null : t('login.required')),
    },
  });

  // Set when the password was right and the second factor is still to come.
  const [secondFactor, setSecondFactor] = useState<SecondFactorMethod | null>(null);

  const enter = async (me: Me) => {
    // Nothing cached from an earlier user may show for this one.
    queryClient.clear();
    queryClient.setQueryData(meQuery.queryKey, me);
    // A first login or a required enrolment is sent on by the app's own check of `me.gate`.
    if (search.redirect) {
      await navigate({ href: search.redirect, replace: true });
      return;
    }
    const membership = defaultMembership(me);
    if (membership) {
      await navigate({
        to: '/orgs/$orgId/work-orders',
        params: { orgId: membership.orgId },
        replace: true,
      });
    } else {
      await navigate({ to: '/', replace: true });
    }
  };

  const login = useMutation({
    mutationFn: logIn,
    onSuccess: async (result) => {
      if ('status' in result) {
        setSecondFactor(result.method);
        return;
      }
      await enter(result);
    },
  });

  const error = login.error
    ? isApiError(login.error)
      ? login.error.title
      : t('common.unexpectedError')
    : null;

  return (
    <Box component="main" mih="100vh" bg="gray.0" py="xl">
      <Container size={420}>
        <Group justify="space-between" mb="lg">
          <Text fw={700} fz="xl">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {secondFactor ? (
            <Stack gap="md">
              <Title order={1} size="h2">
                {t('account.secondFactorTitle')}
              </Title>
              <SecondFactorStep
                method={secondFactor}
                onDone={(me) => void enter(me)}
                onBack={() => {
                  setSecondFactor(null);
                  login.reset();
                  form.setFieldValue('password', '');
                }}
              />
            </Stack>
          ) : (
            <form
              noValidate
              onSubmit={form.onSubmit((values) =>
                login.mutate({ login: values.login.trim(), password: values.password }),
              )}
            >
              <Stack gap="md">
                <div>
                  <Title order={1} size="h2">
                    {t('login.title')}
                  </Title>
                  <Text c="dimmed">{t('login.intro')}</Text>
                </div>
                {error && (
                  <Alert color="red" role="alert" variant="light">
                    {error}
                  </Alert>
                )}
                <TextInput
                  label={t('login.login')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  data-autofocus
                  {...form.getInputProps('login')}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('login.submit')}
                </Button>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  color="gray"
                  c="dark.9"
                  td="underline"
                  component={Link}
                  to="/glomt-losenord"
                >
                  {t('account.forgot')}
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Container>
    </Box>
  );
}
