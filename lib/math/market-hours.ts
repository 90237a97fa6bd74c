/**
 * Market hours (protocol.md §3): crypto markets always trade; RWALP markets (XAU, XAG, WTI) are closed from
 * Friday 21:00 UTC to Sunday 22:00 UTC. Times are unix seconds (whole numbers; time is not money).
 */
import type { MarketId } from './ids';
import { MARKETS } from './params';

const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;
/** 1970-01-04 00:00 UTC was a Sunday. */
const FIRST_SUNDAY_S = 3 * DAY_S;
/** Seconds after Sunday 00:00 UTC. */
const REOPEN_S = 22 * 3_600;
const CLOSE_S = 5 * DAY_S + 21 * 3_600;

function secondsIntoWeek(nowS: number): number {
  return (((nowS - FIRST_SUNDAY_S) % WEEK_S) + WEEK_S) % WEEK_S;
}

/** True when `market` trades at `nowS`: always for crypto; RWALP closed for w ∈ [Fri 21:00, Sun 22:00) UTC. */
export function isMarketOpen(market: MarketId, nowS: number): boolean {
  if (MARKETS[market].marketHours === 'always') return true;
  const w = secondsIntoWeek(nowS);
  return w >= REOPEN_S && w < CLOSE_S;
}

/** When the market next opens: `nowS` itself if it is open, else the coming Sunday 22:00 UTC. */
export function nextOpenS(market: MarketId, nowS: number): number {
  if (isMarketOpen(market, nowS)) return nowS;
  const w = secondsIntoWeek(nowS);
  return nowS + (w < REOPEN_S ? REOPEN_S - w : WEEK_S - w + REOPEN_S);
}

/** When an open RWALP market next closes (Friday 21:00 UTC); undefined for markets that never close or if closed. */
export function nextCloseS(market: MarketId, nowS: number): number | undefined {
  if (MARKETS[market].marketHours === 'always' || !isMarketOpen(market, nowS)) return undefined;
  return nowS + (CLOSE_S - secondsIntoWeek(nowS));
}
