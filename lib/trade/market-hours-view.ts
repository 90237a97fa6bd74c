/**
 * What the market-hours line says (protocol.md §3), on the server's clock: a market that always trades, an RWALP
 * market open until its next close, or closed until it reopens. `open` and `reopensAt` are the API's own answer
 * (/api/markets, on the engine's clock); the next close is lib/math's rule at the server's `nowS`.
 */
import { formatWeekdayTimeUtc, timeUntil } from '@/lib/format/time';
import type { MarketId } from '@/lib/math/ids';
import { nextCloseS, nextOpenS } from '@/lib/math/market-hours';
import { MARKETS } from '@/lib/math/params';

export type MarketHoursView =
  | { state: 'always' }
  | { state: 'open'; closesAtS: number; secondsLeft: number }
  | { state: 'closed'; reopensAtS: number; secondsLeft: number };

/** The server's unix seconds now: its last `nowS` plus the whole seconds passed since that answer arrived. */
export function serverNowS({ serverNowS: at, receivedAtMs, nowMs }: { serverNowS: number; receivedAtMs: number; nowMs: number }): number {
  return at + Math.max(0, Math.floor((nowMs - receivedAtMs) / 1000));
}

export function marketHoursView({ market, open, reopensAt, nowS }: { market: MarketId; open: boolean; reopensAt: number | undefined; nowS: number }): MarketHoursView {
  if (!open) {
    const reopensAtS = reopensAt ?? nextOpenS(market, nowS);
    return { state: 'closed', reopensAtS, secondsLeft: Math.max(0, reopensAtS - nowS) };
  }
  if (MARKETS[market].marketHours === 'always') return { state: 'always' };
  const closesAtS = nextCloseS(market, nowS);
  // The API says open while the rule at this second says closed: the close is now.
  if (closesAtS === undefined) return { state: 'open', closesAtS: nowS, secondsLeft: 0 };
  return { state: 'open', closesAtS, secondsLeft: closesAtS - nowS };
}

/** The ticket's refusal while the market is closed: when it reopens, on the server's clock, in words. */
export function marketClosedMessage({ market, reopensAtS, nowS }: { market: MarketId; reopensAtS: number; nowS: number }): string {
  return `${market} is closed until ${formatWeekdayTimeUtc(reopensAtS)} (${timeUntil({ targetS: reopensAtS, nowS })}); its price is indicative until then. A limit order can be placed now and fills once the market trades.`;
}
