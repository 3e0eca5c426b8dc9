import '../../app/i18n/page-texts.ts';
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { PendingPage } from '../../app/pending-page.tsx';
import { formatNumber, orEmpty, pageRange } from '../../ui/format.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { isClientAdmin, isClientReader } from '../session/session.api.ts';
import { InboxSearchBox } from '../work-orders/inbox-search-box.tsx';
import { PropertyDialog } from './property-dialog.tsx';
import { PAGE_SIZE, propertiesQuery } from './register.api.ts';
import { NotForYou, Pager } from './register-parts.tsx';

const route = getRouteApi('/app/orgs/$orgId/register');

/** Fastighetsregister: the client's properties, searched and paged; each opens its objects. */
export function PropertiesPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const q = search.q ?? '';
  const page = search.page ?? 1;
  const allowed = isClientReader(membership);
  const list = useQuery({ ...propertiesQuery(orgId, q, page), enabled: allowed });
  const admin = isClientAdmin(membership);
  const [adding, setAdding] = useState(false);
  useDocumentTitle(`${t('register.title')} – ${membership.orgName} – Ordning`);

  if (!allowed) return <NotForYou />;
  const total = list.data?.total ?? 0;
  const range = pageRange({ page, pageSize: PAGE_SIZE, total });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1} id="register-title">
            {t('register.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('register.intro')}
          </Text>
        </div>
        <Group gap="sm">
          <ButtonLink
            to="/orgs/$orgId/register/import"
            params={{ orgId }}
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          >
            {admin ? t('register.csvLink') : t('register.exportLink')}
          </ButtonLink>
          {admin && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('register.property.add')}
            </Button>
          )}
        </Group>
      </Group>

      <InboxSearchBox
        value={q}
        label={t('register.property.search')}
        placeholder={t('register.property.searchPlaceholder')}
        onSearch={(next) => void navigate({ search: { q: next || undefined }, replace: true })}
      />

      {list.isPending ? (
        <PendingPage />
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {isApiError(list.error) ? list.error.title : t('common.unexpectedError')}
        </Alert>
      ) : list.data.items.length === 0 ? (
        <Text role="status">{q ? t('register.property.noneFound') : t('register.property.none')}</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('inbox.showing', {
              from: formatNumber(range.from),
              to: formatNumber(range.to),
              total: formatNumber(total),
            })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-labelledby="register-title" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('register.fields.designation')}</Table.Th>
                  <Table.Th scope="col">{t('register.fields.ownerName')}</Table.Th>
                  <Table.Th scope="col">{t('register.fields.adminArea')}</Table.Th>
                  <Table.Th scope="col">{t('register.fields.district')}</Table.Th>
                  <Table.Th scope="col">{t('register.fields.street')}</Table.Th>
                  <Table.Th scope="col">{t('register.fields.city')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('register.property.objectCount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/orgs/$orgId/register/properties/$propertyId"
                        params={{ orgId, propertyId: p.id }}
                        fw={600}
                        fz="sm"
                      >
                        {p.designation}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{orEmpty(p.ownerName)}</Table.Td>
                    <Table.Td>{orEmpty(p.adminArea)}</Table.Td>
                    <Table.Td>{orEmpty(p.district)}</Table.Td>
                    <Table.Td>{orEmpty(p.street)}</Table.Td>
                    <Table.Td>{orEmpty([p.postalCode, p.city].filter(Boolean).join(' '))}</Table.Td>
                    <Table.Td ta="right">{formatNumber(p.objectCount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={page}
            total={total}
            label={t('register.property.pages')}
            onChange={(next) => void navigate({ search: { q: q || undefined, page: next } })}
          />
        </>
      )}
      {admin && (
        <PropertyDialog
          orgId={orgId}
          opened={adding}
          onClose={() => setAdding(false)}
          onSaved={(saved) =>
            void navigate({
              to: '/orgs/$orgId/register/properties/$propertyId',
              params: { orgId, propertyId: saved.id },
            })
          }
        />
      )}
    </Stack>
  );
}
