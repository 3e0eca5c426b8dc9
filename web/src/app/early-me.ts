/**
 * The session check that index.html starts before the app's code has downloaded: on a phone on a
 * slow link the code takes a second or more, and asking for `/api/me` only after it has run put
 * one more round trip (and a place in the browser's queue behind the page's code) before the
 * first screen. The app takes the answer over at start, as the query `meQuery` makes.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '../../../contract/session.ts';
import { meQuery } from '../modules/session/session.api.ts';
import { receiveEarly } from './api.ts';

declare global {
  interface Window {
    /** Set by the inline script in index.html; taken (and removed) once, by `takeEarlySessionCheck`. */
    __ordningMe?: Promise<Response>;
  }
}

/** Puts index.html's session check into the query cache as the first fetch of `meQuery`, if it made one. */
export function takeEarlySessionCheck(queryClient: QueryClient): void {
  const sent = window.__ordningMe;
  if (!sent) return;
  delete window.__ordningMe;
  void queryClient.prefetchQuery({
    ...meQuery,
    queryFn: () => receiveEarly<Me>(sent, { expectUnauthorized: true }),
  });
}
