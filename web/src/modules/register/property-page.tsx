import '../../app/i18n/page-texts.ts';
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { PendingPage } from '../../app/pending-page.tsx';
import { Detail, DetailSection } from '../../ui/detail-section.tsx';
import { formatNumber, orEmpty, pageRange } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { isClientAdmin, isClientReader } from '../session/session.api.ts';
import { InboxSearchBox } from '../work-orders/inbox-search-box.tsx';
import { BackToProperty } from './back-link.tsx';
import { ObjectDialog } from './object-dialog.tsx';
import { PropertyDialog } from './property-dialog.tsx';
import { objectsQuery, PAGE_SIZE, propertyQuery } from './register.api.ts';
import { NotForYou, Pager } from './register-parts.tsx';

const route = getRouteApi('/app/orgs/$orgId/register/properties/$propertyId');

/** A property: its details, and its objects (apartments, premises), searched and paged. */
export function PropertyPage() {
  const { t } = useTranslation();
  const { orgId, propertyId } = route.useParams();
  const { membership } = route.useRouteContext();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const q = search.q ?? '';
  const page = search.page ?? 1;
  const allowed = isClientReader(membership);
  const property = useQuery({ ...propertyQuery(orgId, propertyId), enabled: allowed });
  const objects = useQuery({ ...objectsQuery(orgId, { q, propertyId, page }), enabled: allowed });
  const admin = isClientAdmin(membership);
  const [dialog, setDialog] = useState<'property' | 'object' | null>(null);
  useDocumentTitle(`${property.data?.designation ?? t('register.title')} – Ordning`);

  if (!allowed) return <NotForYou />;
  const back = <BackToProperty orgId={orgId}>{t('register.backToList')}</BackToProperty>;
  if (property.isPending) return <PendingPage />;
  if (property.isError) {
    if (!isApiError(property.error, 404)) throw property.error;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <Title order={1}>{t('errors.notFoundTitle')}</Title>
        <Text>{t('register.property.notFound')}</Text>
      </Stack>
    );
  }
  const p = property.data;
  const total = objects.data?.total ?? 0;
  const range = pageRange({ page, pageSize: PAGE_SIZE, total });

  return (
    <Stack gap="md">
      {back}
      <div>
        <Title order={1}>{p.designation}</Title>
        {p.ownerName && <Text c="dimmed">{p.ownerName}</Text>}
        <AnchorLink
          to="/orgs/$orgId/work-orders"
          params={{ orgId }}
          search={{ view: 'all', property: p.id }}
          fz="sm"
        >
          {t('register.property.workOrders')}
        </AnchorLink>
      </div>
      <DetailSection
        title={t('register.property.details')}
        footer={
          admin && (
            <Button
              mt="sm"
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setDialog('property')}
            >
              {t('register.property.edit')}
            </Button>
          )
        }
      >
        <Detail label={t('register.fields.designation')}>{p.designation}</Detail>
        <Detail label={t('register.fields.ownerName')}>{p.ownerName}</Detail>
        <Detail label={t('register.fields.adminArea')}>{p.adminArea}</Detail>
        <Detail label={t('register.fields.district')}>{p.district}</Detail>
        <Detail label={t('register.fields.street')}>{p.street}</Detail>
        <Detail label={t('register.fields.postalCode')}>{p.postalCode}</Detail>
        <Detail label={t('register.fields.city')}>{p.city}</Detail>
        <Detail label={t('register.property.objectCount')}>{formatNumber(p.objectCount)}</Detail>
      </DetailSection>

      <Paper withBorder p="md" component="section" aria-labelledby="objects-title">
        <Group justify="space-between" align="center" mb="sm" gap="sm">
          <Title order={2} size="h4" id="objects-title">
            {t('register.object.title')}
          </Title>
          {admin && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('object')}>
              {t('register.object.add')}
            </Button>
          )}
        </Group>
        <Stack gap="sm">
          <InboxSearchBox
            value={q}
            label={t('register.object.search')}
            placeholder={t('register.object.searchPlaceholder')}
            onSearch={(next) => void navigate({ search: { q: next || undefined }, replace: true })}
          />
          {objects.isPending ? (
            <PendingPage />
          ) : objects.isError ? (
            <Alert color="red" role="alert">
              {isApiError(objects.error) ? objects.error.title : t('common.unexpectedError')}
            </Alert>
          ) : objects.data.items.length === 0 ? (
            <Text role="status">{q ? t('register.object.noneFound') : t('register.object.none')}</Text>
          ) : (
            <>
              <Text size="sm" role="status">
                {t('inbox.showing', {
                  from: formatNumber(range.from),
                  to: formatNumber(range.to),
                  total: formatNumber(total),
                })}
              </Text>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover aria-labelledby="objects-title" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('register.fields.objectNumber')}</Table.Th>
                      <Table.Th scope="col">{t('register.fields.objectType')}</Table.Th>
                      <Table.Th scope="col">{t('register.fields.floor')}</Table.Th>
                      <Table.Th scope="col">{t('register.fields.street')}</Table.Th>
                      <Table.Th scope="col">{t('register.tenant.title')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {objects.data.items.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>
                          <AnchorLink
                            to="/orgs/$orgId/register/objects/$objectId"
                            params={{ orgId, objectId: o.id }}
                            fw={600}
                            fz="sm"
                          >
                            {o.number}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>{orEmpty(o.type)}</Table.Td>
                        <Table.Td>{orEmpty(o.floor)}</Table.Td>
                        <Table.Td>{o.street}</Table.Td>
                        <Table.Td>{orEmpty(o.tenantName)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager
                page={page}
                total={total}
                label={t('register.object.pages')}
                onChange={(next) => void navigate({ search: { q: q || undefined, page: next } })}
              />
            </>
          )}
        </Stack>
      </Paper>

      {admin && (
        <>
          <PropertyDialog
            orgId={orgId}
            opened={dialog === 'property'}
            property={p}
            onClose={() => setDialog(null)}
          />
          <ObjectDialog
            orgId={orgId}
            opened={dialog === 'object'}
            propertyId={p.id}
            onClose={() => setDialog(null)}
            onSaved={(saved) =>
              void navigate({
                to: '/orgs/$orgId/register/objects/$objectId',
                params: { orgId, objectId: saved.id },
              })
            }
          />
        </>
      )}
    </Stack>
  );
}
