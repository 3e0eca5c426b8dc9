import { Badge } from '@mantine/core';
import type { WorkOrderStatus } from '../../../contract/work-orders.ts';
import { useLabels } from './labels.ts';

/**
 * Colours chosen for at least 4.5:1 contrast between badge text and background (WCAG 2.1 AA); the
 * label itself carries the meaning, the colour only helps scanning a list.
 */
const colors: Record<WorkOrderStatus, { bg: string; fg: string }> = {
  draft: { bg: 'gray.3', fg: 'dark.9' },
  new: { bg: 'blue.8', fg: 'white' },
  accepted: { bg: 'cyan.9', fg: 'white' },
  material_ordered: { bg: 'violet.7', fg: 'white' },
  reporter_unreachable: { bg: 'orange.4', fg: 'dark.9' },
  done: { bg: 'teal.9', fg: 'white' },
  declined: { bg: 'red.9', fg: 'white' },
  invoiced: { bg: 'grape.8', fg: 'white' },
  cancelled: { bg: 'gray.7', fg: 'white' },
};

export function StatusBadge({ status, size = 'md' }: { status: WorkOrderStatus; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useLabels();
  const color = colors[status];
  return (
    <Badge
      color={color.bg}
      c={color.fg}
      size={size}
      tt="none"
      radius="sm"
      // A badge shrinks with its table cell and cuts its label ("Accept…"); it must not.
      style={{ flexShrink: 0, maxWidth: 'none', minWidth: 'max-content', overflow: 'visible' }}
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
    >
      {labels.status(status)}
    </Badge>
  );
}
