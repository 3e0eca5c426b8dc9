import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder, WorkOrderStatus } from '../../../../contract/work-orders.ts';
import { type FieldError, isApiError } from '../../app/api.ts';
import type { sv } from '../../app/i18n/sv.ts';
import { useLabels } from '../../ui/labels.ts';
import { notify } from '../../ui/notify.ts';
import { type DialogKind, type DialogValues, TransitionDialog } from './transition-dialog.tsx';
import { type TransitionInput, transitionWorkOrder, workOrderKeys } from './work-orders.api.ts';

/** Statuses an order can be moved to; nothing moves back to draft or new. */
type Target = Exclude<WorkOrderStatus, 'draft' | 'new'>;

type ActionText = keyof typeof sv.actions;

type Action = {
  to: Target;
  label: ActionText;
  /** What the move asks for first, and the dialog's title. */
  dialog: { kind: DialogKind; title: ActionText } | null;
  variant: 'filled' | 'outline' | 'default';
  color?: string;
};

/** The button for each move the server allows now, in the words of the guides. */
export function actionFor(from: WorkOrderStatus, to: Target): Action {
  switch (to) {
    case 'accepted':
      if (from === 'new') return { to, label: 'accept', dialog: null, variant: 'filled' };
      if (from === 'done') {
        return { to, label: 'reopen', dialog: { kind: 'reason', title: 'reopenTitle' }, variant: 'default' };
      }
      return { to, label: 'backToAccepted', dialog: null, variant: 'default' };
    case 'declined':
      return {
        to,
        label: 'decline',
        dialog: { kind: 'reason', title: 'declineTitle' },
        variant: 'outline',
        color: 'red.9',
      };
    case 'material_ordered':
      return { to, label: 'materialOrdered', dialog: null, variant: 'default' };
    case 'reporter_unreachable':
      return { to, label: 'reporterUnreachable', dialog: null, variant: 'default' };
    case 'done':
      return {
        to,
        label: 'done',
        dialog: { kind: 'done', title: 'doneTitle' },
        variant: 'filled',
        color: 'teal.9',
      };
    case 'cancelled':
      return {
        to,
        label: 'cancel',
        dialog: { kind: 'reason', title: 'cancelTitle' },
        variant: 'outline',
        color: 'red.9',
      };
    case 'invoiced':
      return { to, label: 'invoiced', dialog: null, variant: 'default' };
  }
}

/** A phone's button: at least 50 px high, growing when a long label wraps ("Anmälare svarar inte"). */
const BIG_BUTTON = {
  root: { height: 'auto', minHeight: 50, paddingBlock: 6 },
  inner: { height: 'auto' },
  label: { whiteSpace: 'normal', overflow: 'visible', height: 'auto', lineHeight: 1.25, textAlign: 'center' },
} as const;

const ORDER: Target[] = [
  'accepted',
  'done',
  'material_ordered',
  'reporter_unreachable',
  'invoiced',
  'declined',
  'cancelled',
];

/** A button beside the moves that is not a move itself (Skicka till entreprenör, Redigera). */
export type ExtraAction = {
  key: string;
  label: string;
  onClick: () => void;
  variant: 'filled' | 'outline' | 'default';
};

type Props = {
  orgId: string;
  order: WorkOrder;
  extra?: ExtraAction[];
  /** Phones: big buttons, two to a row, for a thumb. */
  large: boolean;
  /** Open this move's dialog at once (a card's Utförd button leads here); called when it has opened. */
  start?: 'done' | undefined;
  onStarted?: () => void;
};

export function TransitionActions({ orgId, order, large, start: startWith, onStarted, extra = [] }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const detailKey = workOrderKeys.detail(orgId, order.id);

  const move = useMutation({
    mutationFn: (body: TransitionInput) =>
      transitionWorkOrder({ orgId, id: order.id, version: order.version, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(detailKey, updated);
      void queryClient.invalidateQueries({ queryKey: [...workOrderKeys.all(orgId), 'list'] });
      setOpen(null);
      notify(
        t('actions.changed', { number: updated.number, status: labels.status(updated.status) }),
        'success',
      );
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        setOpen(null);
        void queryClient.invalidateQueries({ queryKey: detailKey });
        notify(t('actions.stale'), 'warning');
        return;
      }
      if (isApiError(error, 400) && error.fieldErrors.length) {
        setFieldErrors(error.fieldErrors);
        return;
      }
      // 409 and the like: the server's own words say what is wrong; show the order as it is now.
      setOpen(null);
      void queryClient.invalidateQueries({ queryKey: detailKey });
      notify(isApiError(error) ? error.title : t('common.unexpectedError'), 'error');
    },
  });

  const actions = ORDER.filter((to) => order.allowedTransitions.includes(to)).map((to) =>
    actionFor(order.status, to),
  );

  const start = (action: Action) => {
    setFieldErrors([]);
    if (action.dialog) setOpen(action);
    else move.mutate({ to: action.to });
  };

  const started = useRef(false);
  useEffect(() => {
    if (!startWith || started.current) return;
    started.current = true;
    if (order.allowedTransitions.includes(startWith)) setOpen(actionFor(order.status, startWith));
    onStarted?.();
  }, [startWith, order.allowedTransitions, order.status, onStarted]);

  const submit = (values: DialogValues) => {
    if (!open) return;
    const optional = (value: string | null) => value?.trim() || undefined;
    move.mutate(
      open.dialog?.kind === 'reason'
        ? { to: open.to, reason: values.reason.trim() }
        : {
            to: open.to,
            actionDescription: values.actionDescription.trim(),
            faultType: optional(values.faultType),
            rootCause: optional(values.rootCause),
            model: optional(values.model),
            serialNumber: optional(values.serialNumber),
          },
    );
  };

  const extraButtons = extra.map((action) => (
    <Button
      key={action.key}
      variant={action.variant}
      size={large ? 'lg' : 'sm'}
      onClick={action.onClick}
      disabled={move.isPending}
      fz={large ? 'md' : undefined}
      styles={large ? BIG_BUTTON : undefined}
    >
      {action.label}
    </Button>
  ));

  const buttons = actions.map((action) => (
    <Button
      key={action.to}
      variant={action.variant}
      color={action.color}
      size={large ? 'lg' : 'sm'}
      onClick={() => start(action)}
      loading={move.isPending && move.variables?.to === action.to && !open}
      disabled={move.isPending && !open}
      fz={large ? 'md' : undefined}
      styles={large ? BIG_BUTTON : undefined}
    >
      {t(`actions.${action.label}`)}
    </Button>
  ));

  return (
    <>
      {actions.length + extra.length === 0 ? (
        <Text size="sm">{t('actions.none')}</Text>
      ) : large ? (
        <SimpleGrid cols={2} spacing="xs">
          {extraButtons}
          {buttons}
        </SimpleGrid>
      ) : (
        <Group gap="sm">
          {extraButtons}
          {buttons}
        </Group>
      )}
      <TransitionDialog
        key={order.version}
        opened={open !== null}
        kind={open?.dialog?.kind ?? 'reason'}
        title={open?.dialog ? t(`actions.${open.dialog.title}`, { number: order.number }) : ''}
        submitLabel={open ? t(`actions.${open.label}`) : ''}
        submitColor={open?.color}
        pending={move.isPending}
        serverErrors={fieldErrors}
        closeOut={order.closeOut}
        model={order.model}
        serialNumber={order.serialNumber}
        onClose={() => setOpen(null)}
        onSubmit={submit}
      />
    </>
  );
}
