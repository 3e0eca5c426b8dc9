import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { useMedia } from '../../ui/media.ts';
import { notify } from '../../ui/notify.ts';

/**
 * The dialog around one of the register's forms. Its content is made anew each time it opens (Mantine
 * unmounts a closed modal's content), so a form always starts from what is saved now; focus goes back
 * to the button that opened it.
 */
export function RegisterModal(props: {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const narrow = useMedia('phone');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="lg"
      centered
      fullScreen={narrow}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.children}
    </Modal>
  );
}

type FormProps<V> = {
  form: UseFormReturnType<V>;
  /** Sends the values; what it answers is passed to onSaved. */
  save: (values: V) => Promise<unknown>;
  onSaved: (result: unknown) => void;
  /** Someone changed the same thing meanwhile (412): read it again; the dialog closes. */
  onStale: () => void;
  onClose: () => void;
  children: ReactNode;
};

/**
 * The form in a register dialog. The server's word on a field (a duplicate object number, 409; a bad
 * value, 400) is shown on that field; a change made meanwhile by someone else (412) closes the dialog,
 * says so, and reloads what is shown.
 */
export function RegisterForm<V extends Record<string, unknown>>(props: FormProps<V>) {
  const { form, save, onSaved, onStale, onClose, children } = props;
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: (result) => {
      onSaved(result);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        notify(t('register.stale'), 'warning');
        onStale();
        onClose();
        return;
      }
      if (isApiError(error) && error.fieldErrors.length) {
        const known = error.fieldErrors.filter((e) => e.field in form.values);
        form.setErrors(Object.fromEntries(known.map((e) => [e.field, e.message])));
        const rest = error.fieldErrors.filter((e) => !known.includes(e));
        setProblem([error.title, ...rest.map((e) => `${e.field}: ${e.message}`)].join(' '));
        return;
      }
      setProblem(isApiError(error) ? error.title : t('common.unexpectedError'));
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          setProblem(null);
          mutation.mutate(values);
        },
        () => setProblem(t('newOrder.fixErrors')),
      )}
    >
      <Stack gap="sm">
        {children}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} mih={44}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} mih={44}>
            {t('register.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
