import { describe, expect, it } from 'vitest';
import { filterParams, type InboxViewer, readInboxSearch, viewOf, writeInboxSearch } from './inbox-search.ts';

const contractor: InboxViewer = { orgKind: 'contractor', role: 'admin' };
const technician: InboxViewer = { orgKind: 'contractor', role: 'technician' };
const client: InboxViewer = { orgKind: 'client', role: 'coordinator' };
const CLIENT_ID = 'c055e010-948e-444c-8bdb-02c11f9a354a';

describe('readInboxSearch', () => {
  it('fills in the defaults for a plain address', () => {
    expect(readInboxSearch({}, contractor)).toEqual({
      view: 'active',
      statuses: [],
      types: [],
      q: '',
      counterpart: null,
      property: null,
      groupByBundle: false,
      sort: 'orderedAt',
      order: 'desc',
      page: 1,
    });
  });

  it("sorts a technician's Mina jobb by the next visit, soonest first", () => {
    const state = readInboxSearch({}, technician);
    expect([state.sort, state.order]).toEqual(['schedule', 'asc']);
  });

  it('keeps only statuses that belong to the view, and every status in the view Alla', () => {
    const state = readInboxSearch({ view: 'completed', status: 'done,new,declined,bogus' }, contractor);
    expect(state.statuses).toEqual(['done', 'declined']);
    expect(readInboxSearch({ view: 'all', status: 'new,done' }, contractor).statuses).toEqual([
      'new',
      'done',
    ]);
  });

  it('offers drafts among the active orders of a client but not of a contractor', () => {
    expect(readInboxSearch({ status: 'draft' }, client).statuses).toEqual(['draft']);
    expect(readInboxSearch({ status: 'draft' }, contractor).statuses).toEqual([]);
  });

  it('keeps known types, the search text and a well-formed client id', () => {
    const state = readInboxSearch(
      { type: 'fault,warranty,nonsense', q: '  blandaren ', client: CLIENT_ID, contractor: CLIENT_ID },
      contractor,
    );
    expect(state.types).toEqual(['fault', 'warranty']);
    expect(state.q).toBe('blandaren');
    expect(state.counterpart).toBe(CLIENT_ID);
    expect(readInboxSearch({ client: 'not-a-uuid' }, contractor).counterpart).toBeNull();
    // A client's inbox is narrowed by contractor, not by client.
    expect(readInboxSearch({ client: CLIENT_ID }, client).counterpart).toBeNull();
  });

  it('falls back to the default sort for an unknown column and sorts other columns ascending', () => {
    expect(readInboxSearch({ sort: 'password' }, client).sort).toBe('orderedAt');
    expect(readInboxSearch({ sort: 'number' }, client).order).toBe('asc');
    expect(readInboxSearch({ sort: 'completedAt' }, client).order).toBe('desc');
  });
});

describe('writeInboxSearch', () => {
  it('leaves defaults out of the address and round-trips the rest', () => {
    const plain = writeInboxSearch(readInboxSearch({}, client), client);
    expect(Object.values(plain).filter((v) => v !== undefined)).toEqual([]);
    const search = {
      view: 'completed',
      status: 'done,invoiced',
      type: 'fault',
      q: 'blandaren',
      client: CLIENT_ID,
      group: 'bundle',
      sort: 'number',
      order: 'desc',
      page: 3,
    };
    const written = writeInboxSearch(readInboxSearch(search, contractor), contractor);
    expect(Object.fromEntries(Object.entries(written).filter(([, v]) => v !== undefined))).toEqual(search);
  });

  it("leaves a technician's default sort out of the address", () => {
    expect(writeInboxSearch(readInboxSearch({}, technician), technician).sort).toBeUndefined();
  });
});

describe('filterParams', () => {
  it('names the API filters, the other party by its side', () => {
    const state = readInboxSearch(
      { status: 'new,accepted', type: 'fault', q: 'kök', client: CLIENT_ID },
      contractor,
    );
    expect(filterParams(state, 'contractor').toString()).toBe(
      `view=active&sort=orderedAt&order=desc&status=new&status=accepted&type=fault&q=k%C3%B6k&clientOrgId=${CLIENT_ID}`,
    );
  });
});

describe('the property filter', () => {
  it('keeps a well-formed property id through the address and asks the API for its orders', () => {
    const state = readInboxSearch({ view: 'all', property: CLIENT_ID }, client);
    expect(state.property).toBe(CLIENT_ID);
    expect(writeInboxSearch(state, client)).toMatchObject({ view: 'all', property: CLIENT_ID });
    expect(filterParams(state, 'client').get('propertyId')).toBe(CLIENT_ID);
    expect(readInboxSearch({ property: '1; drop table' }, client).property).toBeNull();
  });
});

describe('the view Försenade', () => {
  it('reads from the address, offers the active statuses only and asks the API for overdue active orders', () => {
    const state = readInboxSearch({ view: 'overdue', status: 'draft,accepted' }, client);
    expect(state.view).toBe('overdue');
    expect(state.statuses).toEqual(['accepted']);
    const params = filterParams(state, 'client');
    expect(params.get('view')).toBe('active');
    expect(params.get('overdue')).toBe('any');
    expect(writeInboxSearch(state, client).view).toBe('overdue');
  });

  it('asks for no overdue filter in the other views', () => {
    expect(filterParams(readInboxSearch({}, client), 'client').has('overdue')).toBe(false);
  });
});

describe('viewOf', () => {
  it('finds the view that shows a status', () => {
    expect(viewOf('new')).toBe('active');
    expect(viewOf('invoiced')).toBe('completed');
    expect(viewOf(null)).toBe('all');
  });
});
