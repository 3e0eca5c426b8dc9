import { describe, expect, it } from 'vitest';
import { readInboxSearch, writeInboxSearch } from './inbox-search.ts';

describe('readInboxSearch', () => {
  it('fills in the defaults for a plain address', () => {
    expect(readInboxSearch({}, 'contractor')).toEqual({
      view: 'active',
      statuses: [],
      sort: 'orderedAt',
      order: 'desc',
      page: 1,
    });
  });

  it('keeps only statuses that belong to the view', () => {
    const state = readInboxSearch({ view: 'completed', status: 'done,new,declined,bogus' }, 'contractor');
    expect(state.statuses).toEqual(['done', 'declined']);
  });

  it('offers drafts among the active orders of a client but not of a contractor', () => {
    expect(readInboxSearch({ status: 'draft' }, 'client').statuses).toEqual(['draft']);
    expect(readInboxSearch({ status: 'draft' }, 'contractor').statuses).toEqual([]);
  });

  it('falls back to the default sort for an unknown column and sorts other columns ascending', () => {
    expect(readInboxSearch({ sort: 'password' }, 'client').sort).toBe('orderedAt');
    expect(readInboxSearch({ sort: 'number' }, 'client').order).toBe('asc');
  });
});

describe('writeInboxSearch', () => {
  it('leaves defaults out of the address and round-trips the rest', () => {
    expect(writeInboxSearch(readInboxSearch({}, 'client'))).toEqual({
      view: undefined,
      status: undefined,
      sort: undefined,
      order: undefined,
      page: undefined,
    });
    const search = { view: 'completed', status: 'done,invoiced', sort: 'number', order: 'desc', page: 3 };
    expect(writeInboxSearch(readInboxSearch(search, 'contractor'))).toEqual(search);
  });
});
