import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { formatDate, orEmpty } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { useObjectUpdates } from './object-updates.ts';
import type { Room, Unit } from './register.api.ts';
import { RoomDialog } from './room-dialog.tsx';
import { UnitDialog } from './unit-dialog.tsx';

type Editing =
  | { what: 'room'; room?: Room }
  | { what: 'unit'; room: Room; unit?: Unit }
  | { what: 'removeRoom'; room: Room }
  | { what: 'removeUnit'; unit: Unit };

export const roomLabel = (room: { name: string; code: string | null }) =>
  room.code ? `${room.name} (${room.code})` : room.name;

/** Utrymmen och enheter: each room with its code and its units; administrators add, change, remove. */
export function RoomsSection({
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
  const [editing, setEditing] = useState<Editing | null>(null);
  const [open, setOpen] = useState(false);
  const start = (next: Editing) => {
    setEditing(next);
    setOpen(true);
  };
  const close = () => setOpen(false);
  const removing = editing?.what === 'removeRoom' || editing?.what === 'removeUnit' ? editing : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rooms-title">
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <Title order={2} size="h4" id="rooms-title">
          {t('register.room.title')}
        </Title>
        {admin && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => start({ what: 'room' })}
          >
            {t('register.room.add')}
          </Button>
        )}
      </Group>
      {object.rooms.length === 0 ? (
        <Text>{t('register.room.none')}</Text>
      ) : (
        <Stack gap="md">
          {object.rooms.map((room) => (
            <section key={room.id} aria-labelledby={`room-${room.id}`}>
              <Group justify="space-between" gap="xs" mb={4}>
                <Title order={3} size="h5" id={`room-${room.id}`}>
                  {roomLabel(room)}
                </Title>
                {admin && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      aria-label={t('register.unit.addTo', { room: roomLabel(room) })}
                      onClick={() => start({ what: 'unit', room })}
                    >
                      {t('register.unit.addShort')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      aria-label={t('register.room.editNamed', { name: roomLabel(room) })}
                      onClick={() => start({ what: 'room', room })}
                    >
                      {t('register.change')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      aria-label={t('register.room.removeNamed', { name: roomLabel(room) })}
                      onClick={() => start({ what: 'removeRoom', room })}
                    >
                      {t('register.remove')}
                    </Button>
                  </Group>
                )}
              </Group>
              {room.units.length === 0 ? (
                <Text size="sm">{t('register.unit.none')}</Text>
              ) : (
                <ScrollTable minWidth={admin ? 900 : 720} label={roomLabel(room)}>
                  <Table striped fz="sm" aria-labelledby={`room-${room.id}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('register.fields.unit')}</Table.Th>
                        <Table.Th scope="col">{t('register.fields.unitType')}</Table.Th>
                        <Table.Th scope="col">{t('register.fields.isApplianceShort')}</Table.Th>
                        <Table.Th scope="col">{t('register.fields.model')}</Table.Th>
                        <Table.Th scope="col">{t('register.fields.serialNumber')}</Table.Th>
                        <Table.Th scope="col">{t('register.fields.installedOn')}</Table.Th>
                        <Table.Th scope="col">{t('register.fields.lastMaintenanceOn')}</Table.Th>
                        {admin && <Table.Th scope="col">{t('register.actions')}</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {room.units.map((unit) => (
                        <Table.Tr key={unit.id}>
                          <Table.Th scope="row" fw={600}>
                            {unit.name}
                          </Table.Th>
                          <Table.Td>{orEmpty(unit.unitType)}</Table.Td>
                          <Table.Td>{unit.isAppliance ? t('common.yes') : t('common.no')}</Table.Td>
                          <Table.Td>{orEmpty(unit.model)}</Table.Td>
                          <Table.Td>{orEmpty(unit.serialNumber)}</Table.Td>
                          <Table.Td>{formatDate(unit.installedOn)}</Table.Td>
                          <Table.Td>{formatDate(unit.lastMaintenanceOn)}</Table.Td>
                          {admin && (
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  aria-label={t('register.unit.editNamed', { name: unit.name })}
                                  onClick={() => start({ what: 'unit', room, unit })}
                                >
                                  {t('register.change')}
                                </Button>
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  color="red.9"
                                  c="red.9"
                                  aria-label={t('register.unit.removeNamed', { name: unit.name })}
                                  onClick={() => start({ what: 'removeUnit', unit })}
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
            </section>
          ))}
        </Stack>
      )}

      {admin && (
        <>
          <RoomDialog
            orgId={orgId}
            opened={open && editing?.what === 'room'}
            objectId={object.id}
            room={editing?.what === 'room' ? editing.room : undefined}
            onClose={close}
            onSaved={updates.saved}
            onStale={updates.stale}
          />
          <UnitDialog
            orgId={orgId}
            opened={open && editing?.what === 'unit'}
            roomId={editing?.what === 'unit' ? editing.room.id : ''}
            roomName={editing?.what === 'unit' ? roomLabel(editing.room) : ''}
            unit={editing?.what === 'unit' ? editing.unit : undefined}
            onClose={close}
            onSaved={updates.saved}
            onStale={updates.stale}
          />
          <ConfirmDialog
            opened={open && removing !== null}
            title={
              removing?.what === 'removeRoom'
                ? t('register.room.removeTitle', { name: roomLabel(removing.room) })
                : t('register.unit.removeTitle', { name: removing?.unit.name ?? '' })
            }
            message={
              removing?.what === 'removeRoom'
                ? t('register.room.removeText', { count: removing.room.units.length })
                : t('register.unit.removeText')
            }
            confirmLabel={t('register.remove')}
            pending={updates.remove.isPending}
            onClose={close}
            onConfirm={() => {
              if (!removing) return;
              const target =
                removing.what === 'removeRoom'
                  ? { kind: 'rooms' as const, partId: removing.room.id, name: roomLabel(removing.room) }
                  : { kind: 'units' as const, partId: removing.unit.id, name: removing.unit.name };
              updates.remove.mutate(target, { onSettled: close });
            }}
          />
        </>
      )}
    </Paper>
  );
}
