import { describe, expect, it } from 'vitest';
import { groupByBundle } from './bundle-groups.ts';

const order = (number: number, bundleNumber: string | null) => ({ number, bundleNumber });

describe('groupByBundle', () => {
  it('puts the orders of a bundle together where its first order stands, and lone orders last', () => {
    const groups = groupByBundle([
      order(1, '64010765-20190819'),
      order(2, '71002203-20190819'),
      order(3, null),
      order(4, '64010765-20190819'),
      order(5, '52003411-20190820'),
      order(6, '52003411-20190820'),
    ]);
    expect(groups.map((g) => [g.bundle, g.items.map((i) => i.number)])).toEqual([
      ['64010765-20190819', [1, 4]],
      ['52003411-20190820', [5, 6]],
      [null, [2, 3]],
    ]);
  });

  it('gives no group for an empty page and one lone group when nothing is bundled', () => {
    expect(groupByBundle([])).toEqual([]);
    expect(groupByBundle([order(1, null), order(2, 'x-1')])).toEqual([
      { bundle: null, items: [order(1, null), order(2, 'x-1')] },
    ]);
  });
});
