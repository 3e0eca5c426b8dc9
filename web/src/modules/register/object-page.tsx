import '../../app/i18n/page-texts.ts';
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { PendingPage } from '../../app/pending-page.tsx';
import { Detail, DetailSection } from '../../ui/detail-section.tsx';
import { ButtonLink } from '../../ui/links.tsx';
import { isClientAdmin, isClientDispatcher, isClientReader } from '../session/session.api.ts';
import { BackToProperty } from './back-link.tsx';
import { ObjectDialog } from './object-dialog.tsx';
import { objectQuery } from './register.api.ts';
import { NotForYou } from './register-parts.tsx';
import { RoomsSection } from './rooms-section.tsx';
import { TenantsSection } from './tenants-section.tsx';

const route = getRouteApi('/app/orgs/$orgId/register/objects/$objectId');

/**
 * An object (apartment, premises) as the guides show it (Familjebostäder step 4): number, type,
 * floor, address, access and keys, then its rooms with their units, and its tenants.
 */
export function ObjectPage() {
  const { t } = useTranslation();
  const { orgId, objectId } = route.useParams();
  const { membership } = route.useRouteContext();
  const allowed = isClientReader(membership);
  const query = useQuery({ ...objectQuery(orgId, objectId), enabled: allowed });
  const admin = isClientAdmin(membership);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(
    `${query.data ? t('register.object.heading', { number: query.data.number }) : t('register.title')} – Ordning`,
  );

  if (!allowed) return <NotForYou />;
  if (query.isPending) return <PendingPage />;
  if (query.isError) {
    if (!isApiError(query.error, 404)) throw query.error;
    return (
      <Stack gap="md" align="flex-start">
        <BackToProperty orgId={orgId}>{t('register.backToList')}</BackToProperty>
        <Title order={1}>{t('errors.notFoundTitle')}</Title>
        <Text>{t('register.object.notFound')}</Text>
      </Stack>
    );
  }
  const o = query.data;
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t('common.yes') : t('common.no'));

  return (
    <Stack gap="md">
      <BackToProperty orgId={orgId} propertyId={o.propertyId}>
        {o.propertyDesignation}
      </BackToProperty>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1}>{t('register.object.heading', { number: o.number })}</Title>
          <Text c="dimmed">
            {[o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
          </Text>
        </div>
        <Group gap="sm">
          {isClientDispatcher(membership) && (
            <ButtonLink
              to="/orgs/$orgId/work-orders/new"
              params={{ orgId }}
              search={{ objectId: o.id }}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('inbox.register')}
            </ButtonLink>
          )}
          {admin && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('register.object.editShort')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DetailSection title={t('register.object.details')}>
          <Detail label={t('register.fields.objectNumber')}>{o.number}</Detail>
          <Detail label={t('register.fields.objectType')}>{o.type}</Detail>
          <Detail label={t('register.fields.floor')}>{o.floor}</Detail>
          <Detail label={t('register.fields.street')}>{o.street}</Detail>
          <Detail label={t('register.fields.postalCode')}>{o.postalCode}</Detail>
          <Detail label={t('register.fields.city')}>{o.city}</Detail>
          <Detail label={t('register.fields.designation')}>{o.propertyDesignation}</Detail>
          <Detail label={t('register.fields.ownerName')}>{o.ownerName}</Detail>
        </DetailSection>
        <DetailSection title={t('order.sections.access')}>
          <Detail label={t('register.fields.accessToApartment')}>{o.accessToApartment}</Detail>
          <Detail label={t('register.fields.keyInfo')}>{o.keyInfo}</Detail>
          <Detail label={t('register.fields.entryWithoutTenant')}>{yesNo(o.entryWithoutTenant)}</Detail>
        </DetailSection>
      </SimpleGrid>
      <RoomsSection orgId={orgId} object={o} admin={admin} />
      <TenantsSection orgId={orgId} object={o} admin={admin} />
      {admin && (
        <ObjectDialog
          orgId={orgId}
          opened={editing}
          propertyId={o.propertyId}
          object={o}
          onClose={() => setEditing(false)}
        />
      )}
    </Stack>
  );
}
