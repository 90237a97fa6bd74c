/** `GET /api/pools` from the chain (§8): AUM, LP supply and price, custodies, exposures. */
import { MARKET_IDS, POOL_IDS, SIDES, type PoolId } from '@/lib/math/ids';
import { CUSTODIES, MARKETS, POOLS, TOKENS, lockToken } from '@/lib/math/params';
import { utilizationBps } from '@/lib/math/borrow-rate';
import { aggregateAvgEntry, aggregatePricePnlUsd } from '@/lib/math/aggregates';
import { aumUsd, type AumSide } from '@/lib/math/aum';
import { lpPriceUsd } from '@/lib/math/liquidity';
import { custodyRatiosBps } from '@/lib/math/ratio';
import { tokenToUsd } from '@/lib/math/convert';
import type { CustodyView, ExposureView, PoolView } from '@/lib/views/types';
import type { ChainSnapshot } from '../snapshot';

/** §8 AUM at the on-chain prices, as the program computes it (empty sides need no price). */
export function chainPoolAumUsd(s: ChainSnapshot, pool: PoolId): bigint {
  const custodies = POOLS[pool].custodies.map((token) => ({ owned: s.custody(pool, token).owned, low: s.tokenQuote(token).low, decimals: TOKENS[token].decimals }));
  const sides: AumSide[] = [];
  for (const market of MARKET_IDS) {
    if (MARKETS[market].pool !== pool) continue;
    for (const side of SIDES) {
      const agg = s.aggregate(market, side);
      if (agg.sizeUsd === 0n && agg.carriedInterestUsd === 0n) continue;
      sides.push({ side, agg, price: s.marketQuote(market).price, cumulativeInterest: s.interestNow(pool, lockToken(market, side)) });
    }
  }
  return aumUsd({ custodies, sides });
}

export function readChainPool(s: ChainSnapshot, pool: PoolId, fees7dUsd: bigint): PoolView {
  const tokens = POOLS[pool].custodies;
  const values = tokens.map((t) => tokenToUsd({ amount: s.custody(pool, t).owned, price: s.tokenQuote(t).low, decimals: TOKENS[t].decimals }, 'floor'));
  const ratios = custodyRatiosBps(values);
  const custodies: CustodyView[] = tokens.map((token, i) => {
    const c = s.custody(pool, token);
    const p = CUSTODIES[pool][token];
    const q = s.tokenQuote(token);
    return {
      token,
      decimals: TOKENS[token].decimals,
      owned: c.owned,
      locked: c.locked,
      utilizationBps: utilizationBps({ locked: c.locked, owned: c.owned }),
      borrowRateHourly: c.rateHourly,
      ratioBps: ratios[i] ?? 0n,
      targetBps: p?.targetBps ?? 0n,
      minBps: p?.minBps ?? 0n,
      maxBps: p?.maxBps ?? 0n,
      addFeeBps: p?.addFeeBps ?? 0n,
      removeFeeBps: p?.removeFeeBps ?? 0n,
      price: q.price,
      low: q.low,
      high: q.high,
    };
  });
  const exposures: ExposureView[] = [];
  for (const market of MARKET_IDS) {
    if (MARKETS[market].pool !== pool) continue;
    const price = s.marketQuote(market).price;
    for (const side of SIDES) {
      const agg = s.aggregate(market, side);
      exposures.push({
        market,
        side,
        sizeUsd: agg.sizeUsd,
        avgEntryPrice: aggregateAvgEntry({ side, agg }) ?? 0n,
        pricePnlUsd: agg.sizeUsd > 0n && price > 0n ? aggregatePricePnlUsd({ side, agg, price }) : 0n,
      });
    }
  }
  const aum = chainPoolAumUsd(s, pool);
  const supply = s.lpSupply(pool);
  return { id: pool, aumUsd: aum, lpSupply: supply, lpPriceUsd: lpPriceUsd({ aumUsd: aum, supply }), custodies, exposures, fees7dUsd };
}

export function readChainPools(s: ChainSnapshot, fees7d: (pool: PoolId) => bigint): PoolView[] {
  return POOL_IDS.map((pool) => readChainPool(s, pool, fees7d(pool)));
}
