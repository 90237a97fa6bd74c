/** Durations and times (unix seconds). */

/** `formatDuration(93_784)` → `"1d 2h"`; `"2h 3m"`, `"3m 4s"`, `"45s"`; negative counts as 0. Two units at most. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return sec > 0 ? `${m}m ${sec}s` : `${m}m`;
  return `${sec}s`;
}

/** Time left until `targetS` from `nowS`: `"in 1d 2h"`, or `"now"` once reached. */
export function timeUntil({ targetS, nowS }: { targetS: number; nowS: number }): string {
  const left = targetS - nowS;
  return left <= 0 ? 'now' : `in ${formatDuration(left)}`;
}

/** Unix seconds → "2026-11-23 21:51" in UTC (stable across machines; tables and history). */
export function formatDateTimeUtc(unixS: number): string {
  const iso = new Date(unixS * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Unix seconds → "Sun 22:00 UTC" (market hours are set in UTC, protocol.md §3). */
export function formatWeekdayTimeUtc(unixS: number): string {
  const d = new Date(unixS * 1000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${hh}:${mm} UTC`;
}

/** A countdown that visibly ticks every second: `"1d 2h 5m 7s"`, `"2h 5m 7s"`, `"5m 7s"`, `"45s"`; negative counts as 0. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h ${m}m ${sec}s`;
  if (h > 0) return `${h}h ${m}m ${sec}s`;
  if (m > 0) return `${m}m ${sec}s`;
  return `${sec}s`;
}
