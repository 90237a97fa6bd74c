/** The pool's confidence band and staleness rule (protocol.md §2). */
import { divCeil, divFloor } from './bigmath';
import type { TokenId } from './ids';
import { FEED_BAND_BPS, TOKENS } from './params';
import { BPS, PRICE_ONE } from './scales';

export interface PriceBand {
  readonly low: bigint;
  readonly high: bigint;
}

/**
 * §2: `low = floor(price × (10000 − band) / 10000)`, `high = ceil(price × (10000 + band) / 10000)`. Deposits and
 * collateral are valued at `low`, payouts in tokens converted at `high`: both in the pool's favour.
 */
export function priceBand({ price, bandBps }: { price: bigint; bandBps: bigint }): PriceBand {
  return {
    low: divFloor(price * (BPS - bandBps), BPS),
    high: divCeil(price * (BPS + bandBps), BPS),
  };
}

/**
 * Mid, low and high of a token given its feed's mid price. USDC is the unit of account: $1 exactly everywhere
 * (§1), so its feed price is ignored.
 */
export function tokenPrices({ token, price }: { token: TokenId; price: bigint }): { price: bigint } & PriceBand {
  if (token === 'USDC') return { price: PRICE_ONE, low: PRICE_ONE, high: PRICE_ONE };
  return { price, ...priceBand({ price, bandBps: FEED_BAND_BPS[TOKENS[token].feed] }) };
}

/** §2: stale when `publishTime < nowS − maxAgeS` (a price exactly `maxAgeS` old is still fresh). Unix seconds. */
export function isPriceStale({ publishTime, nowS, maxAgeS }: { publishTime: number; nowS: number; maxAgeS: number }): boolean {
  return publishTime < nowS - maxAgeS;
}
