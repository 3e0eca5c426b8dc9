import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMainElement } from './layout/in-layout.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('errors.notFoundTitle')} – Ordning`);
  const main = useMainElement();
  return (
    <Container size="sm" py="xl" component={main}>
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('errors.notFoundTitle')}</Title>
        <Text>{t('errors.notFoundText')}</Text>
        <Button component={Link} to="/">
          {t('errors.home')}
        </Button>
      </Stack>
    </Container>
  );
}
