/**
 * Dates and times as the command centre reads them: China Standard Time whatever the kiosk's
 * own time zone, matching the server's "today" (shared/time/dayStart.ts).
 */
const TIME_ZONE = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${locale}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    cache.set(k, f);
  }
  return f;
}

/** 14:03:27 (24-hour, epoch ms in). */
export function formatClock(ms: number): string {
  return formatter('en-GB', 'clock', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** 14:03 (epoch ms in). */
export function formatHourMinute(ms: number): string {
  return formatter('en-GB', 'hm', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** 2025年1月1日星期三 / Wed, Jan 1, 2025 (English abbreviated to fit the same width). */
export function formatLongDate(ms: number, locale: string): string {
  const zh = locale.startsWith('zh');
  return formatter(locale, 'date', {
    year: 'numeric',
    month: zh ? 'long' : 'short',
    day: 'numeric',
    weekday: zh ? 'long' : 'short',
  }).format(ms);
}
