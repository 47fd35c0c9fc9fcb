import { i18n, type Locale } from '../i18n/i18n';

/** A page's own messages in both languages; English must carry the same keys (checked by the type). */
export type PageMessages<T extends object> = { 'zh-CN': T; en: T };

const merged = new WeakSet<object>();

/**
 * Adds a page's messages (under their own top-level key, e.g. `console`) to the app's vue-i18n
 * without touching client/i18n, once per message set however often the page is opened.
 */
export function addMessages<T extends object>(messages: PageMessages<T>): void {
  if (merged.has(messages)) return;
  merged.add(messages);
  for (const locale of Object.keys(messages) as Locale[]) {
    // The global composer is typed with the wall's schema; pages add keys beside it.
    (i18n.global.mergeLocaleMessage as (l: string, m: object) => void)(locale, messages[locale]);
  }
}
