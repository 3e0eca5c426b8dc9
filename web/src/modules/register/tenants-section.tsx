import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { formatDate, orEmpty } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { telHref } from '../work-orders/tel.ts';
import { useObjectUpdates } from './object-updates.ts';
import type { Tenant } from './register.api.ts';
import { phoneField } from './register-form.ts';
import { TenantDialog } from './tenant-dialog.tsx';

/** Hyresgäster: names, phones (the one to use marked *), e-mail, move-in date. */
export function TenantsSection({
  orgId,
  object,
  admin,
}: {
  orgId: string;
  object: RegisterObject;
  admin: boolean;
}) {
  const { t } = useTranslation();
  const updates = useObjectUpdates(orgId, object.id);
  const [editing, setEditing] = useState<{ tenant?: Tenant; remove?: boolean } | null>(null);
  const [open, setOpen] = useState(false);
  const start = (next: { tenant?: Tenant; remove?: boolean }) => {
    setEditing(next);
    setOpen(true);
  };
  const close = () => setOpen(false);

  const phones = (tenant: Tenant) =>
    (['home', 'work', 'other'] as const)
      .filter((kind) => tenant[phoneField[kind]])
      .map((kind) => {
        const number = tenant[phoneField[kind]]!;
        const preferred = tenant.preferredPhone === kind;
        return (
          <Text key={kind} size="sm">
            {t(`order.phones.${kind}`)}: {preferred && <span aria-hidden>*</span>}
            <Anchor href={telHref(number)} inherit>
              {number}
            </Anchor>
            {preferred && ` ${t('register.preferredMark')}`}
          </Text>
        );
      });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tenants-title">
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <Title order={2} size="h4" id="tenants-title">
          {t('register.tenant.title')}
        </Title>
        {admin && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => start({})}
          >
            {t('register.tenant.add')}
          </Button>
        )}
      </Group>
      {object.tenants.length === 0 ? (
        <Text>{t('register.tenant.none')}</Text>
      ) : (
        <ScrollTable minWidth={640} label={t('register.tenant.title')}>
          <Table striped fz="sm" aria-labelledby="tenants-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('register.fields.tenantName')}</Table.Th>
                <Table.Th scope="col">{t('register.fields.phones')}</Table.Th>
                <Table.Th scope="col">{t('register.fields.email')}</Table.Th>
                <Table.Th scope="col">{t('register.fields.moveInOn')}</Table.Th>
                {admin && <Table.Th scope="col">{t('register.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {object.tenants.map((tenant) => (
                <Table.Tr key={tenant.id}>
                  <Table.Th scope="row" fw={600}>
                    {tenant.name}
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={0}>{phones(tenant).length ? phones(tenant) : t('common.empty')}</Stack>
                  </Table.Td>
                  <Table.Td>{orEmpty(tenant.email)}</Table.Td>
                  <Table.Td>{formatDate(tenant.moveInOn)}</Table.Td>
                  {admin && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('register.tenant.editNamed', { name: tenant.name })}
                          onClick={() => start({ tenant })}
                        >
                          {t('register.change')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red.9"
                          c="red.9"
                          aria-label={t('register.tenant.removeNamed', { name: tenant.name })}
                          onClick={() => start({ tenant, remove: true })}
                        >
                          {t('register.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {admin && (
        <>
          <TenantDialog
            orgId={orgId}
            opened={open && !editing?.remove}
            objectId={object.id}
            tenant={editing?.tenant}
            onClose={close}
            onSaved={updates.saved}
            onStale={updates.stale}
          />
          <ConfirmDialog
            opened={open && Boolean(editing?.remove)}
            title={t('register.tenant.removeTitle', { name: editing?.tenant?.name ?? '' })}
            message={t('register.tenant.removeText')}
            confirmLabel={t('register.remove')}
            pending={updates.remove.isPending}
            onClose={close}
            onConfirm={() => {
              const tenant = editing?.tenant;
              if (!tenant) return;
              updates.remove.mutate(
                { kind: 'tenants', partId: tenant.id, name: tenant.name },
                { onSettled: close },
              );
            }}
          />
        </>
      )}
    </Paper>
  );
}
