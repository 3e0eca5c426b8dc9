import { Badge, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import type { OrgKind } from '../../../../contract/organizations.ts';
import type { CompanyUser } from '../../../../contract/users.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useMedia } from '../../ui/media.ts';
import { UserActions } from './user-actions.tsx';

type Props = { orgId: string; orgKind: OrgKind; companyName: string; users: CompanyUser[] };

/** The company's users: a table on a wide screen, cards on a phone. */
export function UsersList(props: Props) {
  const { t } = useTranslation();
  const narrow = useMedia('narrow');
  const status = (u: CompanyUser) => (
    <Badge color={u.status === 'active' ? 'teal.9' : 'gray.7'} c="white" tt="none" radius="sm">
      {u.status === 'active' ? t('accounts.users.statusActive') : t('accounts.users.statusDisabled')}
    </Badge>
  );
  const lastLogin = (u: CompanyUser) =>
    u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('accounts.users.never');
  const twoFactor = (u: CompanyUser) => (u.twoFactor ? t('accounts.users.on') : t('accounts.users.off'));
  const actions = (u: CompanyUser) => (
    <UserActions orgId={props.orgId} orgKind={props.orgKind} companyName={props.companyName} user={u} />
  );

  if (narrow)
    return (
      <Stack gap="sm">
        {props.users.map((u) => (
          <Card key={u.userId} withBorder padding="sm" component="article" aria-label={u.name}>
            <Group justify="space-between" align="start" wrap="nowrap">
              <div>
                <Text fw={600}>{u.name}</Text>
                <Text size="sm">{u.email}</Text>
              </div>
              {status(u)}
            </Group>
            <Text size="sm" mt={4}>
              {t('accounts.users.role')}: {t(`roles.${u.role}`)}
            </Text>
            <Text size="sm">
              {t('accounts.users.lastLogin')}: {lastLogin(u)}
            </Text>
            <Text size="sm" mb="xs">
              {t('accounts.users.twoFactor')}: {twoFactor(u)}
            </Text>
            {actions(u)}
          </Card>
        ))}
      </Stack>
    );

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounts.users.name')}</Table.Th>
            <Table.Th>{t('accounts.users.email')}</Table.Th>
            <Table.Th>{t('accounts.users.role')}</Table.Th>
            <Table.Th>{t('accounts.users.status')}</Table.Th>
            <Table.Th>{t('accounts.users.lastLogin')}</Table.Th>
            <Table.Th>{t('accounts.users.twoFactor')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('accounts.users.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.users.map((u) => (
            <Table.Tr key={u.userId}>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>{status(u)}</Table.Td>
              <Table.Td>{lastLogin(u)}</Table.Td>
              <Table.Td>{twoFactor(u)}</Table.Td>
              <Table.Td>{actions(u)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
