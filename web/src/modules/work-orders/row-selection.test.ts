import { describe, expect, it } from 'vitest';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { rowSelection } from './row-selection.ts';

const item = (id: string, status: WorkOrderListItem['status']) => ({ id, status }) as WorkOrderListItem;
const items = [item('a', 'done'), item('b', 'invoiced'), item('c', 'done')];
const done = (i: WorkOrderListItem) => i.status === 'done';

describe('rowSelection', () => {
  it('counts only the rows that may be picked, and forgets picks that are not on the page', () => {
    let picked = new Set(['a', 'b', 'gone']);
    const selection = rowSelection(items, picked, done, (next) => {
      picked = next;
    });
    expect(selection.chosen.map((i) => i.id)).toEqual(['a']);
    expect(selection.all).toBe('some');
    expect(selection.selected(items[1]!)).toBe(false);
    selection.toggle(items[2]!);
    expect([...picked]).toEqual(['a', 'c']);
  });

  it('picks every selectable row with the header, and none when all were picked', () => {
    let picked = new Set<string>();
    const set = (next: Set<string>) => {
      picked = next;
    };
    rowSelection(items, picked, done, set).toggleAll();
    expect([...picked]).toEqual(['a', 'c']);
    const all = rowSelection(items, picked, done, set);
    expect(all.all).toBe('all');
    all.toggleAll();
    expect(picked.size).toBe(0);
  });
});
