import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';

/** Rows picked in the list for a move on many at once (Markera som fakturerade). */
export type RowSelection = {
  selectable: (item: WorkOrderListItem) => boolean;
  selected: (item: WorkOrderListItem) => boolean;
  toggle: (item: WorkOrderListItem) => void;
  /** The header's checkbox: every selectable row on the page. */
  all: 'none' | 'some' | 'all';
  toggleAll: () => void;
};

/** The selection over a page of rows: only rows that may be picked count, whatever was picked before. */
export function rowSelection(
  items: WorkOrderListItem[],
  picked: ReadonlySet<string>,
  selectable: (item: WorkOrderListItem) => boolean,
  setPicked: (next: Set<string>) => void,
): RowSelection & { chosen: WorkOrderListItem[] } {
  const candidates = items.filter(selectable);
  const chosen = candidates.filter((item) => picked.has(item.id));
  const all = chosen.length === 0 ? 'none' : chosen.length === candidates.length ? 'all' : 'some';
  return {
    chosen,
    all,
    selectable,
    selected: (item) => picked.has(item.id) && selectable(item),
    toggle: (item) => {
      const next = new Set(chosen.map((c) => c.id));
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      setPicked(next);
    },
    toggleAll: () => setPicked(all === 'all' ? new Set() : new Set(candidates.map((c) => c.id))),
  };
}
