/**
 * The texts of the client's pages (register, CSV, agreements, Kvalitet) and of the order forms'
 * newer parts. They load with those pages, not with the login page or the inbox, which keeps the
 * first download small. Every page that uses them imports this module; a module runs only once.
 */
import { enPages } from './en.pages.ts';
import { i18n } from './i18n.ts';
import { svPages } from './sv.pages.ts';

i18n.addResourceBundle('sv', 'translation', svPages, true, false);
i18n.addResourceBundle('en', 'translation', enPages, true, false);
