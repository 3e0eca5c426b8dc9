import { createContext, useContext } from 'react';

/** True inside the app's shell, which already has the page's <main>; pages outside it bring their own. */
export const InLayoutContext = createContext(false);

export function useMainElement(): 'main' | 'div' {
  return useContext(InLayoutContext) ? 'div' : 'main';
}
