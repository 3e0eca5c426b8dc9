import { describe, expect, it } from 'vitest';
import { completedWindow, windowSpan } from './completed-window.ts';

describe('the window of Utförda', () => {
  it('says 180 days as 6 months, as JM does, and 30 days as days, as Familjebostäder does', () => {
    expect(windowSpan(180)).toEqual({ unit: 'months', count: 6 });
    expect(windowSpan(30)).toEqual({ unit: 'days', count: 30 });
    expect(windowSpan(45)).toEqual({ unit: 'days', count: 45 });
    expect(windowSpan(365)).toEqual({ unit: 'days', count: 365 });
  });

  it('is the chosen client’s window, or the range over all clients', () => {
    const clients = [
      { id: 'jm', completedVisibleDays: 180 },
      { id: 'fb', completedVisibleDays: 30 },
    ];
    expect(completedWindow(clients, 'fb')).toEqual({
      from: { unit: 'days', count: 30 },
      to: { unit: 'days', count: 30 },
    });
    expect(completedWindow(clients, null)).toEqual({
      from: { unit: 'days', count: 30 },
      to: { unit: 'months', count: 6 },
    });
    expect(completedWindow([], null)).toBeNull();
    // A client named in the address that the contractor has no agreement with: no window to tell.
    expect(completedWindow(clients, 'unknown')).toBeNull();
  });
});
