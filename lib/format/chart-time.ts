/**
 * Time labels for the price chart, in UTC as lightweight-charts draws its axis by default, built by hand:
 * the library's default formatter makes `Intl` / `toLocaleString` calls per tick mark, a measurable share of the
 * chart's first frame on a phone (issue 8).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** lightweight-charts' `TickMarkType`: 0 year, 1 month, 2 day of month, 3 time, 4 time with seconds. */
export type ChartTickKind = 0 | 1 | 2 | 3 | 4;

/** The axis label of a tick at `timeS` (unix seconds): `2026`, `Nov`, `24`, `14:05`, `14:05:09`. */
export function chartTickLabel(timeS: number, kind: ChartTickKind): string {
  const d = new Date(timeS * 1000);
  switch (kind) {
    case 0:
      return String(d.getUTCFullYear());
    case 1:
      return MONTHS[d.getUTCMonth()] ?? '';
    case 2:
      return String(d.getUTCDate());
    case 3:
      return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    case 4:
      return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  }
}

/** The crosshair's time label (the library's default layout, `dd MMM 'yy  HH:mm`): `24 Nov '26  14:05`. */
export function chartCrosshairLabel(timeS: number): string {
  const d = new Date(timeS * 1000);
  return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} '${two(d.getUTCFullYear() % 100)}  ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
