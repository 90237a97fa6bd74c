import { describe, expect, it } from 'vitest';
import { formatCountdown, formatWeekdayTimeUtc } from '@/lib/format/time';
import { marketClosedMessage, marketHoursView, serverNowS } from './market-hours-view';

const utc = (y: number, mo: number, d: number, h: number, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
// 2026-12-04 is a Friday; the RWALP markets close at 21:00 UTC and reopen Sunday 2026-12-06 22:00 UTC.
const FRI_20 = utc(2026, 12, 4, 20);
const SAT_12 = utc(2026, 12, 5, 12);
const SUN_22 = utc(2026, 12, 6, 22);

describe('market hours on the server clock', () => {
  it.each([
    ['SOL', true, undefined, FRI_20, { state: 'always' }],
    ['XAU', true, undefined, FRI_20, { state: 'open', closesAtS: utc(2026, 12, 4, 21), secondsLeft: 3_600 }],
    ['XAU', false, SUN_22, SAT_12, { state: 'closed', reopensAtS: SUN_22, secondsLeft: 34 * 3_600 }],
    ['WTI', false, undefined, SAT_12, { state: 'closed', reopensAtS: SUN_22, secondsLeft: 34 * 3_600 }], // no reopensAt: the rule
    ['XAG', true, undefined, utc(2026, 12, 4, 21, 0, 1), { state: 'open', closesAtS: utc(2026, 12, 4, 21, 0, 1), secondsLeft: 0 }], // API still says open
  ] as const)('%s open=%s reopensAt=%s at %s → %o', (market, open, reopensAt, nowS, view) => {
    expect(marketHoursView({ market, open, reopensAt, nowS })).toEqual(view);
  });

  it.each([
    [1_000, 1_000_000, 1_000_000, 1_000],
    [1_000, 1_000_000, 1_002_999, 1_002], // whole seconds passed since the answer
    [1_000, 1_000_000, 999_000, 1_000], // the browser clock went back: never before the server's answer
  ])('serverNowS(%s, received %s, now %s) = %s', (at, receivedAtMs, nowMs, out) => {
    expect(serverNowS({ serverNowS: at, receivedAtMs, nowMs })).toBe(out);
  });

  it.each([
    [SUN_22, 'Sun 22:00 UTC'],
    [utc(2026, 12, 4, 21), 'Fri 21:00 UTC'],
    [utc(2026, 12, 1, 9, 5), 'Tue 09:05 UTC'],
  ])('formatWeekdayTimeUtc(%s) = %s', (s, text) => {
    expect(formatWeekdayTimeUtc(s)).toBe(text);
  });

  it.each([
    [0, '0s'],
    [45, '45s'],
    [61, '1m 1s'],
    [3_600 * 34, '1d 10h 0m 0s'],
    [93_784, '1d 2h 3m 4s'],
    [7_507, '2h 5m 7s'],
    [-5, '0s'],
  ])('formatCountdown(%s) = %s', (s, text) => {
    expect(formatCountdown(s)).toBe(text);
  });

  it('the ticket says when a closed market reopens', () => {
    expect(marketClosedMessage({ market: 'XAU', reopensAtS: SUN_22, nowS: SAT_12 })).toBe(
      'XAU is closed until Sun 22:00 UTC (in 1d 10h); its price is indicative until then. A limit order can be placed now and fills once the market trades.',
    );
  });
});
