/** Basis points, leverage and borrow rates (protocol.md §1: bps 1e4 = 100%, leverage in bps, rates 1e9 = 100%). */
import { digitsForSignificant, formatFixed } from '@/lib/format/fixed';
import { changeBps as marketChangeBps } from '@/lib/trade/market-stats';

/** `formatBps(10n)` → `"0.10%"`, `formatBps(-125n, {sign: true})` → `"-1.25%"`. */
export function formatBps(bps: bigint, { digits = 2, sign = false }: { digits?: number; sign?: boolean } = {}): string {
  // bps / 100 = percent: a fixed-point value with 2 decimals.
  const s = formatFixed(bps, 2, { digits });
  return (sign && bps > 0n ? '+' : '') + s + '%';
}

/** `formatLeverage(100_000n)` → `"10.0x"`; `undefined` (infinite leverage) → `"∞"`. */
export function formatLeverage(leverageBps: bigint | undefined, { digits = 1 }: { digits?: number } = {}): string {
  if (leverageBps === undefined) return '∞';
  return formatFixed(leverageBps, 4, { digits }) + 'x';
}

const HOURS_PER_YEAR = 8_760n;

/**
 * Hourly rate (1e9 = 100%) as a percent per hour: `formatRateHourly(22_831n)` → `"0.0023%/h"`. A small rate keeps
 * two significant digits (66 → `"0.0000066%/h"`), so a low but real borrow rate never reads as zero.
 */
export function formatRateHourly(rateHourly: bigint, { digits, suffix = true }: { digits?: number; suffix?: boolean } = {}): string {
  // percent = rate / 1e7
  const shown = digits ?? digitsForSignificant(rateHourly, 7, { sig: 2, min: 4, max: 7 });
  return formatFixed(rateHourly, 7, { digits: shown }) + (suffix ? '%/h' : '%');
}

/** Hourly rate as a simple APR (× 8,760 hours): `formatAprFromHourly(22_831n)` → `"20.00%"`. */
export function formatAprFromHourly(rateHourly: bigint, { digits = 2 }: { digits?: number } = {}): string {
  return formatFixed(rateHourly * HOURS_PER_YEAR, 7, { digits }) + '%';
}

/**
 * Change from `from` to `to` in bps: lib/trade/market-stats.ts `changeBps` (floored; the one formula of the
 * ticker, the market bar and its figures), `undefined` when `from` is 0.
 */
export function changeBps({ from, to }: { from: bigint; to: bigint }): bigint | undefined {
  return from === 0n ? undefined : marketChangeBps({ from, to });
}

/** `formatChange({from: 100n, to: 101n})` → `"+1.00%"`; `"–"` without a base. */
export function formatChange(change: { from: bigint; to: bigint }): string {
  const bps = changeBps(change);
  return bps === undefined ? '–' : formatBps(bps, { sign: true });
}
