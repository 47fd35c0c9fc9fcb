/** China Standard Time has no daylight saving: a fixed +08:00 offset, in ms. */
export const CHINA_UTC_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Epoch ms of the local midnight at or before `ms`, for a fixed UTC offset (ms). */
export function dayStart(ms: number, offsetMs = CHINA_UTC_OFFSET_MS): number {
  return Math.floor((ms + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
}

/** Epoch ms of the start of the hour containing `ms` (whole-hour offsets only). */
export function hourStart(ms: number): number {
  return Math.floor(ms / 3600_000) * 3600_000;
}
