import '../../app/i18n/page-texts.ts';
import { Alert, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { myCompaniesQuery } from './companies.api.ts';

/** Mina företag (myMonitor "översikt över alla dina företag"): every membership with what waits there. */
export function MyCompaniesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('accounts.companies.title')} – Ordning`);
  const companies = useQuery(myCompaniesQuery);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('accounts.companies.title')}</Title>
        <Text size="sm">{t('accounts.companies.intro')}</Text>
      </div>
      {companies.isPending ? (
        <Center py="md" role="status">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : companies.isError ? (
        <Alert color="red" role="alert">
          {isApiError(companies.error) ? companies.error.title : t('common.unexpectedError')}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {companies.data.items.map((c) => (
            <Card key={c.orgId} withBorder component="li" padding="md">
              <AnchorLink
                to="/orgs/$orgId/work-orders"
                params={{ orgId: c.orgId }}
                fw={700}
                aria-label={t('accounts.companies.open', { company: c.name })}
              >
                {c.name}
              </AnchorLink>
              <Text size="sm" mb="xs">
                {t(`accounts.operator.kinds.${c.kind}`)} · {t(`roles.${c.role}`)}
              </Text>
              <Group gap="lg">
                <Fact label={t('accounts.companies.active')} value={c.activeOrders} />
                <Fact label={t('accounts.companies.questions')} value={c.openQuestions} />
                <Fact label={t('accounts.companies.overdue')} value={c.overdueOrders} />
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text fz="xl" fw={700}>
        {formatNumber(value)}
      </Text>
      <Text size="xs">{label}</Text>
    </div>
  );
}
