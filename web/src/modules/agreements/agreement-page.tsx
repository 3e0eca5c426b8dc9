import '../../app/i18n/page-texts.ts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { PendingPage } from '../../app/pending-page.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { canReadAgreements, isClientAdmin } from '../session/session.api.ts';
import { AgreementEditor } from './agreement-editor.tsx';
import { AgreementView } from './agreement-view.tsx';
import { agreementQuery } from './agreements.api.ts';

const route = getRouteApi('/app/orgs/$orgId/agreements/$counterpartId');

/** One agreement: read by both parties; its terms changed by the client's administrators. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { orgId, counterpartId } = route.useParams();
  const { membership } = route.useRouteContext();
  const allowed = canReadAgreements(membership);
  const query = useQuery({ ...agreementQuery(orgId, counterpartId), enabled: allowed });
  const [editing, setEditing] = useState(false);
  const client = membership.orgKind === 'client';
  const counterpart = query.data ? (client ? query.data.contractor : query.data.client) : null;
  useDocumentTitle(
    `${counterpart ? t('agreements.heading', { name: counterpart.name }) : t('agreements.title')} – Ordning`,
  );

  const back = (
    <AnchorLink to="/orgs/$orgId/agreements" params={{ orgId }} size="sm">
      <Group gap={4} component="span" mih={32}>
        <IconArrowLeft size={16} aria-hidden />
        {t('agreements.backToList')}
      </Group>
    </AnchorLink>
  );
  if (!allowed) {
    return (
      <Stack gap="md" maw={720}>
        <Title order={1}>{t('agreements.title')}</Title>
        <Text>{t('agreements.notAllowed')}</Text>
      </Stack>
    );
  }
  if (query.isPending) return <PendingPage />;
  if (query.isError) {
    if (!isApiError(query.error, 404)) throw query.error;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <Title order={1}>{t('errors.notFoundTitle')}</Title>
        <Text>{t('agreements.notFound')}</Text>
      </Stack>
    );
  }
  const agreement = query.data;
  const admin = isClientAdmin(membership);

  return (
    <Stack gap="md" maw={1200}>
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1}>{t('agreements.heading', { name: counterpart?.name ?? '' })}</Title>
          <Text size="sm" c="dimmed">
            {client
              ? admin
                ? t('agreements.pageIntroAdmin')
                : t('agreements.pageIntroClient')
              : t('agreements.readOnly')}{' '}
            {t('agreements.updated', { at: formatDateTime(agreement.updatedAt) })}
          </Text>
        </div>
        {admin && !editing && (
          <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('agreements.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <AgreementEditor
          key={agreement.version}
          orgId={orgId}
          agreement={agreement}
          onDone={() => setEditing(false)}
        />
      ) : (
        <AgreementView agreement={agreement} />
      )}
    </Stack>
  );
}
