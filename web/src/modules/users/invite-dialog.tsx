import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, rolesByOrgKind } from '../../../../contract/organizations.ts';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { sendInvitations } from '../invitations/invitations.api.ts';
import { meQuery } from '../session/session.api.ts';
import { parseEmails } from './invite-form.ts';

/**
 * Bjud in användare (myMonitor): many addresses at once, each to one or several of the companies the
 * admin administers, with a role per company. One mail per person.
 */
export function InviteDialog(props: { orgId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const adminOf = me.memberships.filter((m) => m.role === 'admin' && m.orgKind !== 'operator');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Record<string, Role | null>>({ [props.orgId]: null });
  const [error, setError] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: sendInvitations,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      notify(t('accounts.inviteDialog.sent', { count: result.items.length }), 'success');
      setText('');
      props.onClose();
    },
    onError: (e) =>
      setError(
        isApiError(e)
          ? [e.title, ...e.fieldErrors.map((f) => f.message)].join(' ')
          : t('common.unexpectedError'),
      ),
  });

  const submit = () => {
    const { emails, invalid } = parseEmails(text);
    if (invalid.length) return setError(t('accounts.inviteDialog.badEmail', { email: invalid.join(', ') }));
    if (emails.length === 0) return setError(t('accounts.inviteDialog.noEmails'));
    const memberships = adminOf
      .filter((m) => m.orgId in chosen)
      .map((m) => ({ orgId: m.orgId, role: chosen[m.orgId] ?? defaultRole(m.orgKind) }));
    if (memberships.length === 0) return setError(t('accounts.inviteDialog.noCompany'));
    setError(null);
    send.mutate({ invitations: emails.map((email) => ({ email, memberships })) });
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('accounts.inviteDialog.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <Stack gap="md">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Textarea
          label={t('accounts.inviteDialog.emails')}
          description={t('accounts.inviteDialog.emailsHint')}
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus
        />
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>
            {t('accounts.inviteDialog.companies')}
          </legend>
          {adminOf.map((m) => (
            <Group key={m.orgId} gap="sm" wrap="wrap" align="end">
              <Checkbox
                label={t('accounts.inviteDialog.include', { company: m.orgName })}
                checked={m.orgId in chosen}
                onChange={(e) => {
                  const next = { ...chosen };
                  if (e.currentTarget.checked) next[m.orgId] = null;
                  else delete next[m.orgId];
                  setChosen(next);
                }}
                style={{ flex: '1 1 220px' }}
              />
              <Select
                aria-label={t('accounts.inviteDialog.roleIn', { company: m.orgName })}
                data={rolesByOrgKind[m.orgKind].map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                value={chosen[m.orgId] ?? defaultRole(m.orgKind)}
                disabled={!(m.orgId in chosen)}
                allowDeselect={false}
                onChange={(value) => setChosen({ ...chosen, [m.orgId]: value as Role })}
                w={180}
              />
            </Group>
          ))}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={send.isPending}>
            {t('accounts.inviteDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function defaultRole(kind: keyof typeof rolesByOrgKind): Role {
  return kind === 'contractor' ? 'technician' : kind === 'client' ? 'coordinator' : 'admin';
}
