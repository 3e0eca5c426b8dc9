import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api.ts';
import { useMainElement } from './layout/in-layout.ts';

/** Shown when a page fails to load or render: says so plainly and offers a way on. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  useDocumentTitle(`${t('errors.errorTitle')} – Ordning`);
  const main = useMainElement();
  const message = isApiError(error) ? error.title : error instanceof Error ? error.message : String(error);
  return (
    <Container size="sm" py="xl" component={main}>
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('errors.errorTitle')}</Title>
        <Text>{t('errors.errorText')}</Text>
        {message && (
          <Alert color="red" title={t('errors.details')} w="100%">
            {message}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => {
              reset();
              void router.invalidate();
            }}
          >
            {t('common.retry')}
          </Button>
          <Button component={Link} to="/" variant="default">
            {t('errors.home')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
