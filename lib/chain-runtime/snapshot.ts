/**
 * One consistent view of the chain state at the chain's clock, in the protocol's ids: custodies with interest
 * accrued to now (§4, "reads show fees as if accrued up to now"), aggregates, LP supplies, prices with their
 * bands and staleness (§2). What every read view and the keeper compute from.
 */
import type { FeedId, MarketId, PoolId, Side, TokenId } from '@/lib/math/ids';
import { FEED_BAND_BPS, MARKETS, TOKENS } from '@/lib/math/params';
import { isPriceStale, priceBand, tokenPrices } from '@/lib/math/oracle-band';
import { accrueCumulativeInterest } from '@/lib/math/interest';
import { EMPTY_AGGREGATE, type SideAggregate } from '@/lib/math/aggregates';
import type { CustodyAccount } from '@/lib/chain/accounts';
import { custodyOf } from '@/lib/chain/addresses';
import type { ChainState } from './chain-state';

export interface Quote {
  price: bigint;
  low: bigint;
  high: bigint;
  publishTime: number;
  stale: boolean;
}

export class ChainSnapshot {
  constructor(
    readonly state: ChainState,
    /** The chain's clock (Clock sysvar unix timestamp). */
    readonly nowS: number,
    readonly maxPriceAgeS: number,
  ) {}

  custody(pool: PoolId, token: TokenId): CustodyAccount {
    const c = this.state.custodies.get(custodyOf(this.state.addresses, pool, token));
    if (!c) throw new Error(`custody ${pool}/${token} not on chain`);
    return c;
  }

  /** The custody's cumulative interest accrued to now (not written: reads only). */
  interestNow(pool: PoolId, token: TokenId): bigint {
    const c = this.custody(pool, token);
    return accrueCumulativeInterest({ cumulativeInterest: c.cumulativeInterest, rateHourly: c.rateHourly, elapsedS: BigInt(this.nowS) - c.lastAccrualS });
  }

  aggregate(market: MarketId, side: Side): SideAggregate {
    const m = this.state.markets.get(this.state.addresses.markets[market]);
    if (!m) return EMPTY_AGGREGATE;
    return side === 'long' ? m.long : m.short;
  }

  lpSupply(pool: PoolId): bigint {
    return this.state.lpSupply.get(pool) ?? 0n;
  }

  feedQuote(feed: FeedId): Quote {
    const p = this.state.prices.get(this.state.addresses.oracles[feed]);
    if (!p || p.price === 0n) return { price: 0n, low: 0n, high: 0n, publishTime: 0, stale: true };
    const band = priceBand({ price: p.price, bandBps: FEED_BAND_BPS[feed] });
    const publishTime = Number(p.publishTime);
    return { price: p.price, ...band, publishTime, stale: isPriceStale({ publishTime, nowS: this.nowS, maxAgeS: this.maxPriceAgeS }) };
  }

  tokenQuote(token: TokenId): Quote {
    if (token === 'USDC') return { ...tokenPrices({ token, price: 0n }), publishTime: this.nowS, stale: false };
    return this.feedQuote(TOKENS[token].feed);
  }

  marketQuote(market: MarketId): Quote {
    return this.feedQuote(MARKETS[market].feed);
  }
}
