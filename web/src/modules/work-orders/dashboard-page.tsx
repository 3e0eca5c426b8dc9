import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { OpenQuestions } from '../communication/open-questions.tsx';
import { DashboardTable } from './dashboard-table.tsx';
import { dashboardQuery } from './work-orders.api.ts';

const route = getRouteApi('/app/orgs/$orgId/overview');

/**
 * Översikt (Familjebostäder step 3): how many orders per status and type, for the whole company and
 * then per client (per contractor for a client), each number opening the list behind it; and the
 * Beställningsfrågor waiting for an answer (first for a client, who owes it).
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const dashboard = useQuery(dashboardQuery(orgId));
  useDocumentTitle(`${t('dashboard.title')} – ${membership.orgName} – Ordning`);
  const client = membership.orgKind === 'client';

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('dashboard.title')}</Title>
        <Text size="sm" c="dimmed">
          {client ? t('dashboard.introClient') : t('dashboard.introContractor')}
        </Text>
      </div>
      {/* A client owes the answers, so its questions come first; a contractor's come after the counts. */}
      {client && <OpenQuestions orgId={orgId} orgKind={membership.orgKind} />}
      {dashboard.isPending ? (
        <Center py="xl" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : dashboard.isError ? (
        <Alert color="red" role="alert">
          {isApiError(dashboard.error) ? dashboard.error.title : t('common.unexpectedError')}
        </Alert>
      ) : (
        <>
          <section aria-labelledby="dashboard-all">
            <Title order={2} size="h3" id="dashboard-all" mb="xs">
              {t('dashboard.allTitle', { company: membership.orgName })}
            </Title>
            <DashboardTable
              orgId={orgId}
              caption={client ? t('dashboard.allContractors') : t('dashboard.allClients')}
              types={dashboard.data.types}
              table={dashboard.data.all}
              counterpart={{}}
            />
          </section>
          {dashboard.data.byCounterpart.length > 0 && (
            <section aria-labelledby="dashboard-per">
              <Title order={2} size="h3" id="dashboard-per" mb="xs">
                {client ? t('dashboard.perContractor') : t('dashboard.perClient')}
              </Title>
              <Stack gap="lg">
                {dashboard.data.byCounterpart.map(({ org, table }) => (
                  <DashboardTable
                    key={org.id}
                    orgId={orgId}
                    caption={org.name}
                    types={dashboard.data.types}
                    table={table}
                    counterpart={client ? { contractor: org.id } : { client: org.id }}
                  />
                ))}
              </Stack>
            </section>
          )}
        </>
      )}
      {!client && <OpenQuestions orgId={orgId} orgKind={membership.orgKind} />}
    </Stack>
  );
}
