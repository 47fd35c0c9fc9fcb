import type { Hierarchy } from '../../shared/geo/hierarchy';
import { shortName } from '../geography/shortName';

/** How long ago, in the largest whole unit: under a minute is "now". */
export function timeAgo(thenMs: number, nowMs: number): { unit: 'now' | 'minutes' | 'hours' | 'days'; n: number } {
  const min = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  if (min < 1) return { unit: 'now', n: 0 };
  if (min < 60) return { unit: 'minutes', n: min };
  if (min < 24 * 60) return { unit: 'hours', n: Math.floor(min / 60) };
  return { unit: 'days', n: Math.floor(min / (24 * 60)) };
}

/**
 * Where something is, below the district: "交通街道 › 曙光社区 › 第3网格" (each name without its
 * parent's in front). The region's id when the geography does not know it.
 */
export function fullPlace(h: Hierarchy, regionId: string): string {
  const path = h.path(regionId);
  if (path.length === 0) return regionId;
  const below = path.slice(1);
  return (below.length > 0 ? below : path).map((id) => shortName(h, id)).join(' › ');
}

const dateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2025-01-01 14:03:12 in China time, whatever the desk's own time zone (epoch ms in). */
export function formatDateTime(ms: number): string {
  const p = Object.fromEntries(dateTime.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
