/**
 * The Swedish texts of the client's pages (register, CSV, agreements, Kvalitet) and of the order
 * forms' newer parts. They load with those pages, not with the inbox, which keeps the first
 * download small. Every page that uses them imports this module; a module runs only once. Their
 * English twins load with the rest of the English texts (`loadLocale` in i18n.ts), so a Swedish
 * reader does not download them.
 */
import { i18n } from './i18n.ts';
import { svPages } from './sv.pages.ts';

i18n.addResourceBundle('sv', 'translation', svPages, true, false);
