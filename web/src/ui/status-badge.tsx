import type { CSSProperties } from 'react';
import type { WorkOrderStatus } from '../../../contract/work-orders.ts';
import { useLabels } from './labels.ts';
import classes from './status-badge.module.css';

/**
 * Colours chosen for at least 4.5:1 contrast between badge text and background (WCAG 2.1 AA); the
 * label itself carries the meaning, the colour only helps scanning a list.
 */
const colors: Record<WorkOrderStatus, { bg: string; fg: string }> = {
  draft: { bg: 'gray-3', fg: 'dark-9' },
  new: { bg: 'blue-8', fg: 'white' },
  accepted: { bg: 'cyan-9', fg: 'white' },
  material_ordered: { bg: 'violet-7', fg: 'white' },
  reporter_unreachable: { bg: 'orange-4', fg: 'dark-9' },
  done: { bg: 'teal-9', fg: 'white' },
  declined: { bg: 'red-9', fg: 'white' },
  invoiced: { bg: 'grape-8', fg: 'white' },
  cancelled: { bg: 'gray-7', fg: 'white' },
};

type Size = 'sm' | 'md' | 'lg';

/** A badge in the library's look: one element (status-badge.module.css), as lists show many. */
export function Tag(props: {
  /** A colour of the theme and its shade, e.g. `red-9`. */
  bg: string;
  fg: string;
  size: Size;
  /** An order's status, for a badge that shows one. */
  status?: WorkOrderStatus;
  children: string;
}) {
  const style = {
    '--badge-bg': `var(--mantine-color-${props.bg})`,
    '--badge-color': `var(--mantine-color-${props.fg})`,
  } as CSSProperties;
  return (
    <span className={classes.badge} data-size={props.size} data-status={props.status} style={style}>
      {props.children}
    </span>
  );
}

export function StatusBadge({ status, size = 'md' }: { status: WorkOrderStatus; size?: Size }) {
  const labels = useLabels();
  const color = colors[status];
  return (
    <Tag bg={color.bg} fg={color.fg} size={size} status={status}>
      {labels.status(status)}
    </Tag>
  );
}

export { classes as badgeClasses };
