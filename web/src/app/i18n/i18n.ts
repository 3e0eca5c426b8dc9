import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../../contract/session.ts';
import { en } from './en.ts';
import type { svPages } from './sv.pages.ts';
import { sv } from './sv.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The pages' texts join when a page that needs them loads (page-texts.ts).
    resources: { translation: typeof sv & typeof svPages };
  }
}

const STORAGE_KEY = 'ordning.language';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    // Storage can be blocked (private mode, policies); Swedish is the default anyway.
    return 'sv';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** The language the user reads now; the API is asked to answer in it. */
export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'sv';
}

export async function setLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch still works for this one.
  }
  await i18n.changeLanguage(locale);
}
