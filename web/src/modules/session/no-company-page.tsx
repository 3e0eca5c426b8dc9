import { Container, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** A user with no membership yet: nothing to show but how to get one. */
export function NoCompanyPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('noCompany.title')} – Ordning`);
  return (
    <Container size="sm" py="xl">
      <Title order={1} mb="md">
        {t('noCompany.title')}
      </Title>
      <Text>{t('noCompany.text')}</Text>
    </Container>
  );
}
