/** A time span the way a duty officer says it: "3小时20分" / "3 h 20 min", minutes under an hour. */
export function formatDuration(ms: number, units: { hours: (n: number) => string; minutes: (n: number) => string }, joiner = ''): string {
  const totalMin = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0) return units.minutes(m);
  if (h >= 10 || m === 0) return units.hours(h);
  return `${units.hours(h)}${joiner}${units.minutes(m)}`;
}
