import { DataList, Paper, Title } from '@mantine/core';

import { type ReactNode, useId } from 'react';
import { EMPTY } from './format.ts';
import { useMedia } from './media.ts';

/** A titled box of label–value pairs, as the guides group an order's fields. */
export function DetailSection({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  /** Shown under the fields, e.g. a button that acts on them. */
  footer?: ReactNode;
}) {
  const id = useId();
  const narrow = useMedia('phone');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <DataList orientation={narrow ? 'vertical' : 'horizontal'} labelWidth="14.5rem" gap="xs">
        {children}
      </DataList>
      {footer}
    </Paper>
  );
}

export function Detail({ label, children }: { label: string; children?: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {empty ? EMPTY : children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}
