/**
 * The moment the app has taken a page over, and what a person did on it before (decision 0020).
 *
 * A page drawn on the server shows a second or two before its code has run on a slow phone. React
 * takes the HTML over in parts, the page itself last and at low priority; until its part is taken
 * over, a field keeps what was typed into it but the app does not know it (and empties it at its
 * next render), and a button does nothing. So:
 *
 * - the page's route component carries `<PageTakenOver />` (router.tsx, `drawnPage`): when it has
 *   run, the page works, and `<html data-ready>` says so (a page the app drew itself is ready at
 *   once);
 * - the fields' values are read just before the takeover and given back right after it, as if
 *   typed then; a form sent before (index.html holds it back) is sent once the app can.
 */
import { useEffect } from 'react';

declare global {
  interface Window {
    /** A form sent before the app took the page over; held by the inline script in index.html. */
    __ordningHeldSubmit?: HTMLFormElement;
  }
}

let takenOver = false;
const waiting: (() => void)[] = [];

/** Marks the page as working: `data-ready` on <html>, and what waited for it runs (once). */
export function markTakenOver() {
  if (takenOver) return;
  takenOver = true;
  document.documentElement.setAttribute('data-ready', '');
  for (const run of waiting.splice(0)) run();
}

/** Runs when the page has been taken over (at once if it has). */
export function whenTakenOver(run: () => void) {
  if (takenOver) run();
  else waiting.push(run);
}

/** Rendered with a page the server may draw: its effect runs when React has taken that page over. */
export function PageTakenOver() {
  useEffect(markTakenOver, []);
  return null;
}

type Kept =
  | { element: HTMLInputElement | HTMLTextAreaElement; value: string }
  | { element: HTMLInputElement; checked: boolean };

/**
 * Sets a field as a person's typing or tap sets it, so that React's change handler runs. React
 * notices a change by comparing the field with the value it last saw, which it reads when it takes
 * the field over: an input event first makes React take over the part of the page the field is in
 * (if it has not yet), then the value React last saw is made different, then the value is set past
 * it (typing) or the box is tapped.
 */
function giveBack(entry: Kept) {
  const { element } = entry;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  if ('checked' in entry) {
    // A radio button unchosen by choosing another is given back by that other one.
    if (element.type === 'radio' && !entry.checked) return;
    (element as HTMLInputElement).checked = !entry.checked;
    element.click();
    return;
  }
  element.value = entry.value === '' ? ' ' : '';
  const prototype =
    element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, entry.value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Reads what was typed, ticked or chosen in the page's fields (anything that differs from the
 * HTML the server sent); returns how to give it back once the app has taken the page over.
 */
export function keepInput(container: HTMLElement): () => void {
  const kept: Kept[] = [];
  for (const element of container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input, textarea',
  )) {
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      if (element.checked !== element.defaultChecked) kept.push({ element, checked: element.checked });
    } else if (
      element.type !== 'file' &&
      element.type !== 'hidden' &&
      element.value !== element.defaultValue
    ) {
      kept.push({ element, value: element.value });
    }
  }
  return () => {
    for (const entry of kept) if (entry.element.isConnected) giveBack(entry);
    const held = window.__ordningHeldSubmit;
    delete window.__ordningHeldSubmit;
    // After the app has drawn what was given back, so the form sends the fields as they are now.
    if (held) setTimeout(() => held.isConnected && held.requestSubmit());
  };
}
