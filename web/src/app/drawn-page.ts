/**
 * What a page drawn on the server hands to the browser's app, so that its first render draws
 * exactly the server's HTML: the answers the page was drawn from, the language and the screen
 * guessed. It travels as JSON in a script element that is never run.
 */
import type { DehydratedState } from '@tanstack/react-query';
import type { Locale } from '../../../contract/session.ts';
import type { Device } from '../ui/media.ts';

export type DrawnState = { queries: DehydratedState; locale: Locale; device: Device };

export const DRAWN_STATE_ID = 'ordning-drawn';

const unsafe: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The state as a script element's text. JSON with `<`, `>` and `&` escaped cannot close the element
 * or open a comment, whatever the data says (an order's description may contain `</script>`).
 */
export function drawnStateElement(state: DrawnState): string {
  const json = JSON.stringify(state).replace(/[<>&\u2028\u2029]/g, (c) => unsafe[c] ?? c);
  return `<script type="application/json" id="${DRAWN_STATE_ID}">${json}</script>`;
}

/** The state of the page the server drew, or null when the page came without one (the app draws it). */
export function readDrawnState(): DrawnState | null {
  const element = document.getElementById(DRAWN_STATE_ID);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as DrawnState;
  } catch {
    return null;
  }
}
