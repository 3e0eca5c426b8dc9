import { SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { type Room, savePart } from './register.api.ts';
import { checks, type RoomValues, roomBody, roomValues } from './register-form.ts';
import { RegisterForm, RegisterModal } from './register-form-modal.tsx';

type Props = {
  orgId: string;
  opened: boolean;
  objectId: string;
  room?: Room | undefined;
  onClose: () => void;
  onSaved: (object: RegisterObject) => void;
  onStale: () => void;
};

/** Lägg till / ändra utrymme: its name and code, e.g. Kök (076506). */
function RoomForm({ orgId, objectId, room, onClose, onSaved, onStale }: Props) {
  const { t } = useTranslation();
  const check = checks(t);
  const form = useForm<RoomValues>({ initialValues: roomValues(room), validate: { name: check.required } });
  return (
    <RegisterForm
      form={form}
      save={(values) =>
        savePart({ orgId, kind: 'rooms', parentId: objectId, partId: room?.id, body: roomBody(values) })
      }
      onSaved={(saved) => onSaved(saved as RegisterObject)}
      onStale={onStale}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('register.fields.room')}
          description={t('register.fields.roomHint')}
          required
          maxLength={100}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('register.fields.roomCode')}
          description={t('register.fields.roomCodeHint')}
          maxLength={30}
          {...form.getInputProps('code')}
        />
      </SimpleGrid>
    </RegisterForm>
  );
}

export function RoomDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <RegisterModal
      opened={props.opened}
      title={props.room ? t('register.room.edit', { name: props.room.name }) : t('register.room.add')}
      onClose={props.onClose}
    >
      <RoomForm {...props} />
    </RegisterModal>
  );
}
