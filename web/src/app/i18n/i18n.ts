import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contract/session.ts';
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

/**
 * The language chosen on this device is also kept in a cookie, so the server draws a page in it
 * (entry-server.tsx reads it with `localeOfCookies`); a year, for every page of the site.
 */
export const LANGUAGE_COOKIE = 'ordning-lang';

/** The language a request's cookies ask for: English when chosen, else Swedish. */
export function localeOfCookies(cookieHeader: string | undefined): Locale {
  const match = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([^;]*)`).exec(cookieHeader ?? '');
  return match?.[1] === 'en' ? 'en' : 'sv';
}

/** The language chosen on this device: the cookie, else what an earlier version kept in storage. */
export function storedLocale(): Locale {
  if (typeof document === 'undefined') return 'sv';
  if (document.cookie.includes(`${LANGUAGE_COOKIE}=`)) return localeOfCookies(document.cookie);
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    // Storage can be blocked (private mode, policies); Swedish is the default anyway.
    return 'sv';
  }
}

function remember(locale: Locale) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in the Safari and Firefox of many phones still in use; the value is one of two fixed words.
  document.cookie = `${LANGUAGE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // The cookie remembers it; storage is only read for choices made before the cookie existed.
  }
}

export const i18n = i18next.createInstance();

// Swedish ships with the app (the default, and the fallback for any missing text); English is
// fetched the first time somebody reads it, so a Swedish user never downloads it.
void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv } },
  // The reader's language is set when the app starts (`startLocale`): on a page the server drew it
  // comes with the page, and reading the cookie or storage here, while the modules load, is a
  // round trip to the browser's own storage that a phone feels.
  lng: 'sv',
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

// The page's own `lang` is right until the app changes the language (the server sets it on a page
// it drew; the empty page is Swedish).
if (typeof document !== 'undefined') {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
}

const loaded = new Set<Locale>(['sv']);

/** Loads a language's texts if they are not here yet. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'sv' || loaded.has(locale)) return;
  // The pages' English texts come along: small beside a round trip when a page needs them later.
  const [{ en }, { enPages }] = await Promise.all([import('./en.ts'), import('./en.pages.ts')]);
  loaded.add(locale);
  i18n.addResourceBundle(locale, 'translation', en, true, false);
  i18n.addResourceBundle(locale, 'translation', enPages, true, false);
}

/** The app starts in this language: its texts loaded, then chosen. */
export async function startLocale(locale: Locale): Promise<void> {
  try {
    await loadLocale(locale);
  } catch {
    // English could not be fetched (offline, a new deployment): Swedish, the fallback, shows.
    return;
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The language the user reads now; the API is asked to answer in it. */
export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** The language of the texts being drawn: the server draws each page in its reader's. */
export function useLocale(): Locale {
  return useTranslation().i18n.language === 'en' ? 'en' : 'sv';
}

export async function setLocale(locale: Locale) {
  remember(locale);
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}
