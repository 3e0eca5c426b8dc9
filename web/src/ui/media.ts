/**
 * The few facts about the screen that change what a page draws (a phone's cards instead of a
 * table, a dialog full-screen), read the same way on the server and in the browser.
 *
 * A page drawn on the server cannot measure the screen, so the server guesses from the request
 * (`deviceOf`) and the browser's first render — the one that takes over the server's HTML — uses
 * the same guess; right after, the real media queries apply. Rendering the real value at once
 * would draw something other than the server's HTML, which React then throws away and draws anew.
 */
import { createContext, createElement, type ReactNode, useContext, useSyncExternalStore } from 'react';

export type Device = {
  /** Under 48em: cards instead of tables, the stacked header. */
  narrow: boolean;
  /** Under 30em: dialogs full-screen, a detail's label above its value. */
  phone: boolean;
  /** A coarse pointer (a finger): the camera buttons. */
  touch: boolean;
};

const queries: Record<keyof Device, string> = {
  narrow: '(max-width: 47.99em)',
  phone: '(max-width: 30em)',
  touch: '(pointer: coarse)',
};

export const DESKTOP: Device = { narrow: false, phone: false, touch: false };
export const PHONE: Device = { narrow: true, phone: true, touch: true };

/**
 * The server's guess from a request's headers: a phone when the browser says so (Chromium's
 * `Sec-CH-UA-Mobile`, sent with every request) or its user agent names one; a tablet or anything
 * else is drawn as a desktop and corrected in the browser.
 */
export function deviceOf(headers: {
  'sec-ch-ua-mobile'?: string | undefined;
  'user-agent'?: string | undefined;
}): Device {
  if (headers['sec-ch-ua-mobile'] === '?1') return PHONE;
  if (headers['sec-ch-ua-mobile'] === '?0') return DESKTOP;
  return /\b(Mobi|iPhone|iPod)/.test(headers['user-agent'] ?? '') ? PHONE : DESKTOP;
}

const DeviceContext = createContext<Device>(DESKTOP);

/** The guess that the server drew with (and the browser's first render repeats). */
export function DeviceProvider({ value, children }: { value: Device; children: ReactNode }) {
  return createElement(DeviceContext.Provider, { value }, children);
}

const subscriptions = new Map<keyof Device, (onChange: () => void) => () => void>();

function subscribe(name: keyof Device) {
  let found = subscriptions.get(name);
  if (!found) {
    found = (onChange) => {
      const list = window.matchMedia(queries[name]);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    };
    subscriptions.set(name, found);
  }
  return found;
}

/** Whether the screen is narrow, a phone's, or touched: the server's guess while it is drawn, then the truth. */
export function useMedia(name: keyof Device): boolean {
  const guess = useContext(DeviceContext)[name];
  return useSyncExternalStore(
    subscribe(name),
    () => window.matchMedia(queries[name]).matches,
    () => guess,
  );
}
