import { Alert, Center, Group, Loader, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { useChoiceAhead } from '../../ui/choice-ahead.ts';
import { OpenQuestions } from '../communication/open-questions.tsx';
import { DashboardTable } from './dashboard-table.tsx';
import { PropertySelect } from './property-select.tsx';
import { dashboardQuery } from './work-orders.api.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOf = (value: string | undefined) => (value && UUID.test(value) ? value : undefined);

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
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const client = membership.orgKind === 'client';
  const counterpartId = idOf(client ? search.contractor : search.client);
  const propertyId = client ? idOf(search.property) : undefined;
  const overdue = search.overdue === 'yes';
  // What is chosen shows at once, before the address (and the counts) have followed.
  const [shownOverdue, chooseOverdue] = useChoiceAhead(overdue);
  const [shownCounterpart, chooseCounterpart] = useChoiceAhead(counterpartId ?? null);
  const [shownProperty, chooseProperty] = useChoiceAhead(propertyId ?? null);
  const narrowed = Boolean(counterpartId || propertyId || overdue);
  // The whole company's counts name the other parties to choose from, whatever is chosen now.
  const whole = useQuery(dashboardQuery(orgId));
  const dashboard = useQuery(
    dashboardQuery(orgId, {
      [client ? 'contractorOrgId' : 'clientOrgId']: counterpartId,
      propertyId,
      overdue: overdue ? 'any' : undefined,
    }),
  );
  useDocumentTitle(`${t('dashboard.title')} – ${membership.orgName} – Ordning`);
  const counterparts = (whole.data?.byCounterpart ?? []).map((c) => ({ value: c.org.id, label: c.org.name }));
  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

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
      <Group align="flex-end" gap="md" wrap="wrap" role="group" aria-label={t('dashboard.narrow')}>
        {(counterparts.length > 1 || counterpartId) && (
          <Select
            label={client ? t('inbox.contractorFilter') : t('inbox.clientFilter')}
            placeholder={client ? t('inbox.allContractors') : t('inbox.allClients')}
            data={counterparts}
            value={shownCounterpart}
            onChange={(next) => {
              chooseCounterpart(next);
              setSearch({ [client ? 'contractor' : 'client']: next ?? undefined });
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
            w={{ base: '100%', xs: 240 }}
          />
        )}
        {client && (
          <PropertySelect
            orgId={orgId}
            label={t('inbox.propertyFilterLabel')}
            placeholder={t('inbox.allProperties')}
            value={shownProperty}
            onChange={(next) => {
              chooseProperty(next);
              setSearch({ property: next ?? undefined });
            }}
            w={{ base: '100%', xs: 240 }}
          />
        )}
        <Switch
          label={t('dashboard.onlyOverdue')}
          description={t('dashboard.onlyOverdueHint')}
          checked={shownOverdue}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            chooseOverdue(next);
            setSearch({ overdue: next ? 'yes' : undefined });
          }}
          mb={4}
        />
      </Group>
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
              {t(narrowed ? 'dashboard.narrowedTitle' : 'dashboard.allTitle', {
                company: membership.orgName,
              })}
            </Title>
            <DashboardTable
              orgId={orgId}
              caption={client ? t('dashboard.allContractors') : t('dashboard.allClients')}
              types={dashboard.data.types}
              table={dashboard.data.all}
              counterpart={counterpartId ? { [client ? 'contractor' : 'client']: counterpartId } : {}}
              narrowed={{ property: propertyId, overdue }}
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
                    narrowed={{ property: propertyId, overdue }}
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
