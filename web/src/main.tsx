import './app/styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { localeReady } from './app/i18n/i18n.ts';

// An English reader's texts load first, so the first screen is not Swedish for a moment.
void localeReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
