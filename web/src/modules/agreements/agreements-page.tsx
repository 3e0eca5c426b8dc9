import '../../app/i18n/page-texts.ts';
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { PendingPage } from '../../app/pending-page.tsx';
import { useLabels } from '../../ui/labels.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { canReadAgreements } from '../session/session.api.ts';
import { describeRule } from './agreement-form.ts';
import { agreementsQuery } from './agreements.api.ts';

const route = getRouteApi('/app/orgs/$orgId/agreements');

/**
 * Avtal: a client's agreement with each contractor, or a contractor's with each client (read-only).
 * The agreement decides which orders may be sent, the SLA dates (JM step 16) and the invoicing.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const allowed = canReadAgreements(membership);
  const list = useQuery({ ...agreementsQuery(orgId), enabled: allowed });
  const client = membership.orgKind === 'client';
  useDocumentTitle(`${t('agreements.title')} – ${membership.orgName} – Ordning`);

  if (!allowed) {
    return (
      <Stack gap="md" maw={720}>
        <Title order={1}>{t('agreements.title')}</Title>
        <Text>{t('agreements.notAllowed')}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={1} id="agreements-title">
          {t('agreements.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {client ? t('agreements.introClient') : t('agreements.introContractor')}
        </Text>
      </div>
      {list.isPending ? (
        <PendingPage />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {isApiError(list.error) ? list.error.title : t('common.unexpectedError')}
        </Alert>
      ) : list.data.items.length === 0 ? (
        <Text>{t('agreements.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-labelledby="agreements-title" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {client ? t('agreements.contractor') : t('agreements.client')}
                </Table.Th>
                <Table.Th scope="col">{t('agreements.orderTypes')}</Table.Th>
                <Table.Th scope="col">{t('agreements.normalContact')}</Table.Th>
                <Table.Th scope="col">{t('agreements.normalDelivery')}</Table.Th>
                <Table.Th scope="col">{t('agreements.visibleDaysShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => {
                const counterpart = client ? a.contractor : a.client;
                return (
                  <Table.Tr key={counterpart.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/orgs/$orgId/agreements/$counterpartId"
                        params={{ orgId, counterpartId: counterpart.id }}
                        fw={600}
                        fz="sm"
                      >
                        {counterpart.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{a.orderTypes.map((type) => labels.type(type)).join(', ')}</Table.Td>
                    <Table.Td>{describeRule(a.slaRules.normal.contactBy, t)}</Table.Td>
                    <Table.Td>{describeRule(a.slaRules.normal.deliverBy, t)}</Table.Td>
                    <Table.Td>{t('agreements.days', { count: a.completedVisibleDays })}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
