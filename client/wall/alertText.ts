import type { Alert } from '../../shared/alerts/alert';

/** The server's title starts with its kind in brackets (【非常紧急】…), which the strip shows as a tag. */
const KIND_PREFIX = /^【[^】]{1,10}】\s*/;

export interface AlertWording {
  category: (code: NonNullable<Alert['detail']['category']>) => string;
  spike: (count: number, usual: number) => string;
}

/**
 * What an alert's card says. In Chinese, the server's title without its bracketed kind; in
 * another language, worded from the alert's structured detail where it has one (a spike's
 * counts, an event's category), the rest of the title following (it may quote a resident's
 * Chinese words, which stay as written). Plain text: the caller renders it escaped.
 */
export function alertText(a: Alert, locale: string, w: AlertWording): string {
  const rest = a.title.replace(KIND_PREFIX, '');
  if (locale.startsWith('zh')) return rest;
  const d = a.detail ?? {};
  if (a.kind === 'spike' && typeof d.count === 'number' && typeof d.usual === 'number') return w.spike(d.count, d.usual);
  return d.category ? `${w.category(d.category)} — ${rest}` : rest;
}
