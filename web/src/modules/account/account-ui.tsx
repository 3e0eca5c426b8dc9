import { Box, Center, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/session.ts';
import { isApiError } from '../../app/api.ts';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';
import { meQuery } from '../session/session.api.ts';

/** The narrow card of the pages outside the app: login, forgotten password, first login, enrolment. */
export function PublicCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box component="main" mih="100vh" bg="gray.0" py="xl">
      <Container size={480}>
        <Group justify="space-between" mb="lg">
          <Text fw={700} fz="xl">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {title}
              </Title>
              {intro && (
                <Text size="sm" c="dimmed">
                  {intro}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}

/** The message of a failed call: the server's title, else a general one. */
export function problemText(error: unknown, t: TFunction): string {
  return isApiError(error) && error.title ? error.title : t('common.unexpectedError');
}

/**
 * Puts the server's field errors on the form's fields (the server names each field and why, e.g. a
 * password that is too common); returns true when at least one field took an error.
 */
export function showFieldErrors<T>(
  form: UseFormReturnType<T>,
  error: unknown,
  fields: Record<string, string> = {},
) {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false;
  let shown = false;
  for (const e of error.fieldErrors) {
    const field = fields[e.field] ?? e.field;
    if (field in (form.values as object)) {
      form.setFieldError(field, e.message);
      shown = true;
    }
  }
  return shown;
}

/** Client-side checks of a new password and its confirmation; the server has the last word (common passwords). */
export function newPasswordChecks(t: TFunction, min: number) {
  return {
    password: (value: string) =>
      !value
        ? t('account.required')
        : [...value].length < min
          ? t('account.passwordTooShort', { min })
          : null,
    confirmation: (value: string, values: { password?: string; newPassword?: string }) =>
      value === (values.newPassword ?? values.password) ? null : t('account.passwordMismatch'),
  };
}

/**
 * Shows a gate's step (first login, required enrolment) only to a session at that gate: without a
 * session it goes to the login page, with another state to the start page.
 */
export function AtGate({ gate, children }: { gate: Me['gate']; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  if (me.isError) return <Navigate to="/login" replace />;
  if (!me.data) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.data.gate !== gate) return <Navigate to="/" replace />;
  return children(me.data);
}
