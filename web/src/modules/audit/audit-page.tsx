import '../../app/i18n/page-texts.ts';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../contract/audit.ts';
import { isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { AUDIT_PAGE_SIZE, auditQuery } from './audit.api.ts';

/** The actions the filter offers (the server's list; see audit.repository.ts). */
const actions = [
  'login.succeeded',
  'login.failed',
  'second_factor.failed',
  'password.changed',
  'invitation.sent',
  'invitation.resent',
  'invitation.revoked',
  'invitation.redeemed',
  'user.created',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'user.removed',
  'user.deleted',
  'organization.created',
  'organization.settings_changed',
  'contractor.invited',
  'tenant.denied',
];

const companyRoute = getRouteApi('/app/orgs/$orgId/audit');
const operatorRoute = getRouteApi('/app/operator/audit');

/** Granskningslogg for a company's administrators: that company's events. */
export function AuditPage() {
  const { t } = useTranslation();
  const { orgId } = companyRoute.useParams();
  const { membership } = companyRoute.useRouteContext();
  const search = companyRoute.useSearch();
  const navigate = useNavigate({ from: '/orgs/$orgId/audit' });
  useDocumentTitle(`${t('accounts.audit.title')} – ${membership.orgName} – Ordning`);
  if (membership.role !== 'admin') return <Text>{t('accounts.audit.notAllowed')}</Text>;
  return (
    <AuditLog
      orgId={orgId}
      intro={t('accounts.audit.intro')}
      action={search.action}
      page={search.page ?? 1}
      onChange={(next) => void navigate({ search: (prev) => ({ ...prev, ...next }) })}
    />
  );
}

/** The operator's view: every company's events. */
export function OperatorAuditPage() {
  const { t } = useTranslation();
  const search = operatorRoute.useSearch();
  const navigate = useNavigate({ from: '/operator/audit' });
  useDocumentTitle(`${t('accounts.audit.title')} – Ordning`);
  return (
    <AuditLog
      orgId={null}
      intro={t('accounts.audit.operatorIntro')}
      action={search.action}
      page={search.page ?? 1}
      onChange={(next) => void navigate({ search: (prev) => ({ ...prev, ...next }) })}
    />
  );
}

function AuditLog(props: {
  orgId: string | null;
  intro: string;
  action?: string;
  page: number;
  onChange: (next: { action?: string; page?: number }) => void;
}) {
  const { t } = useTranslation();
  const log = useQuery(auditQuery({ orgId: props.orgId, action: props.action, page: props.page }));
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / AUDIT_PAGE_SIZE));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('accounts.audit.title')}</Title>
        <Text size="sm">{props.intro}</Text>
      </div>
      <Select
        label={t('accounts.audit.filter')}
        data={[
          { value: '', label: t('accounts.audit.all') },
          ...actions.map((a) => ({ value: a, label: a })),
        ]}
        value={props.action ?? ''}
        onChange={(value) => props.onChange({ action: value || undefined, page: undefined })}
        allowDeselect={false}
        maw={320}
      />
      <Paper withBorder p="md">
        {log.isPending ? (
          <Center py="md" role="status">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : log.isError ? (
          <Alert color="red" role="alert">
            {isApiError(log.error) ? log.error.title : t('common.unexpectedError')}
          </Alert>
        ) : log.data.items.length === 0 ? (
          <Text>{t('accounts.audit.none')}</Text>
        ) : (
          <EventTable items={log.data.items} withCompany={props.orgId === null} />
        )}
      </Paper>
      {pages > 1 && (
        <Group gap="sm">
          <Button
            variant="default"
            disabled={props.page <= 1}
            onClick={() => props.onChange({ page: props.page - 1 })}
          >
            {t('accounts.audit.previous')}
          </Button>
          <Text size="sm">{t('accounts.audit.page', { page: props.page, pages })}</Text>
          <Button
            variant="default"
            disabled={props.page >= pages}
            onClick={() => props.onChange({ page: props.page + 1 })}
          >
            {t('accounts.audit.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function EventTable({ items, withCompany }: { items: AuditEvent[]; withCompany: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.audit.when')}</Table.Th>
            <Table.Th>{t('accounts.audit.action')}</Table.Th>
            <Table.Th>{t('accounts.audit.who')}</Table.Th>
            <Table.Th>{t('accounts.audit.target')}</Table.Th>
            {withCompany && <Table.Th>{t('accounts.audit.company')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
              <Table.Td>
                <code>{e.action}</code>
                {typeof e.detail.email === 'string' && <Text size="xs">{e.detail.email}</Text>}
              </Table.Td>
              <Table.Td>{e.actorName ?? t('accounts.audit.system')}</Table.Td>
              <Table.Td>{e.targetName ?? t('common.empty')}</Table.Td>
              {withCompany && <Table.Td>{e.orgName ?? t('common.empty')}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
