import { Button, Group, Menu, Modal, Select, Stack } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgKind, type Role, rolesByOrgKind } from '../../../../contract/organizations.ts';
import type { CompanyUser } from '../../../../contract/users.ts';
import { isApiError } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { notify } from '../../ui/notify.ts';
import { changeRole, deleteAccount, removeMember, setDisabled, usersQuery } from './users.api.ts';

type Dialog = 'role' | 'toggle' | 'remove' | 'delete' | null;

/** Ändra roll, Inaktivera/Aktivera, Ta bort and Radera användare for one user, each with a confirmation. */
export function UserActions(props: {
  orgId: string;
  orgKind: OrgKind;
  companyName: string;
  user: CompanyUser;
}) {
  const { t } = useTranslation();
  const { user, orgId } = props;
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [role, setRole] = useState<Role>(user.role);
  const disabled = user.status === 'disabled';

  const action = useMutation({
    mutationFn: async (kind: Exclude<Dialog, null>) => {
      if (kind === 'role') await changeRole(orgId, user.userId, role);
      if (kind === 'toggle') await setDisabled(orgId, user.userId, !disabled);
      if (kind === 'remove') await removeMember(orgId, user.userId);
      if (kind === 'delete') await deleteAccount(orgId, user.userId);
      return kind;
    },
    onSuccess: (kind) => {
      void queryClient.invalidateQueries({ queryKey: usersQuery(orgId).queryKey });
      const name = user.name;
      notify(
        kind === 'role'
          ? t('accounts.users.roleChanged', { name, role: t(`roles.${role}`) })
          : kind === 'toggle'
            ? t(disabled ? 'accounts.users.enabled' : 'accounts.users.disabled', { name })
            : kind === 'remove'
              ? t('accounts.users.removed', { name })
              : t('accounts.users.deleted'),
        'success',
      );
      setDialog(null);
    },
    onError: (error) => {
      notify(isApiError(error) ? error.title : t('common.unexpectedError'), 'error');
      setDialog(null);
    },
  });

  const names = { name: user.name, company: props.companyName };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            mih={40}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            aria-label={t('accounts.users.actionsFor', { name: user.name })}
          >
            {t('accounts.users.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('role')}>{t('accounts.users.changeRole')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('toggle')}>
            {disabled ? t('accounts.users.enable') : t('accounts.users.disable')}
          </Menu.Item>
          <Menu.Item onClick={() => setDialog('remove')}>{t('accounts.users.remove')}</Menu.Item>
          <Menu.Item color="red.9" onClick={() => setDialog('delete')}>
            {t('accounts.users.deleteUser')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog === 'role'}
        onClose={() => setDialog(null)}
        title={t('accounts.users.changeRoleFor', { name: user.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Select
            label={t('accounts.users.role')}
            data={rolesByOrgKind[props.orgKind].map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            allowDeselect={false}
            onChange={(value) => setRole(value as Role)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => action.mutate('role')} loading={action.isPending}>
              {t('accounts.users.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={dialog === 'toggle'}
        title={`${disabled ? t('accounts.users.enable') : t('accounts.users.disable')}: ${user.name}`}
        message={disabled ? t('accounts.users.enable') : t('accounts.users.disableConfirm', names)}
        confirmLabel={disabled ? t('accounts.users.enable') : t('accounts.users.disable')}
        pending={action.isPending}
        onConfirm={() => action.mutate('toggle')}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog === 'remove'}
        title={`${t('accounts.users.remove')}: ${user.name}`}
        message={t('accounts.users.removeConfirm', names)}
        confirmLabel={t('accounts.users.remove')}
        pending={action.isPending}
        onConfirm={() => action.mutate('remove')}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={`${t('accounts.users.deleteUser')}: ${user.name}`}
        message={t('accounts.users.deleteConfirm', names)}
        confirmLabel={t('accounts.users.deleteUser')}
        pending={action.isPending}
        onConfirm={() => action.mutate('delete')}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
