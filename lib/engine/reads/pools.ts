import { CUSTODIES, MARKETS, TOKENS } from '@/lib/math/params';
import { MARKET_IDS, POOL_IDS, SIDES, type PoolId, type TokenId } from '@/lib/math/ids';
import { utilizationBps } from '@/lib/math/borrow-rate';
import { aggregateAvgEntry, aggregatePricePnlUsd } from '@/lib/math/aggregates';
import { lpPriceUsd } from '@/lib/math/liquidity';
import { custodyRatiosBps } from '@/lib/math/ratio';
import { tokenToUsd } from '@/lib/math/convert';
import { big } from '@/lib/db/rows';
import type { TxContext } from '../tx-context';
import { poolAumUsd } from '../pool-aum';
import type { CustodyView, ExposureView, PoolView } from '../views';

const WEEK_S = 7 * 86_400;

async function fees7dUsd(ctx: TxContext, pool: PoolId): Promise<bigint> {
  const { rows } = await ctx.tx.query<{ total: string | null }>(
    'SELECT COALESCE(SUM(fees_usd), 0)::text AS total FROM events WHERE pool = $1 AND at >= $2',
    [pool, ctx.nowS - WEEK_S],
  );
  return big(rows[0]?.total ?? '0');
}

/** `GET /api/pools` (§8): AUM, LP supply and price, custodies with utilization, rate and ratio, exposures, 7-day fees. */
export async function readPool(ctx: TxContext, pool: PoolId): Promise<PoolView> {
  await ctx.lockPool(pool);
  const stale = { allowStale: true };
  const custodies = ctx.custodies(pool);
  const values = custodies.map((c) =>
    tokenToUsd({ amount: c.owned, price: ctx.tokenQuote(c.token, stale).low, decimals: TOKENS[c.token].decimals }, 'floor'),
  );
  const ratios = custodyRatiosBps(values);
  const custodyViews: CustodyView[] = custodies.map((c, i) => {
    const p = CUSTODIES[pool][c.token as TokenId];
    const q = ctx.tokenQuote(c.token, stale);
    return {
      token: c.token,
      decimals: TOKENS[c.token].decimals,
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
    const price = ctx.feedQuote(MARKETS[market].feed, stale).price;
    for (const side of SIDES) {
      const agg = await ctx.aggregate(market, side);
      exposures.push({
        market,
        side,
        sizeUsd: agg.sizeUsd,
        avgEntryPrice: aggregateAvgEntry({ side, agg }) ?? 0n,
        pricePnlUsd: agg.sizeUsd > 0n && price > 0n ? aggregatePricePnlUsd({ side, agg, price }) : 0n,
      });
    }
  }
  const aum = await poolAumUsd(ctx, pool, stale);
  const supply = ctx.lpSupply(pool);
  return {
    id: pool,
    aumUsd: aum,
    lpSupply: supply,
    lpPriceUsd: lpPriceUsd({ aumUsd: aum, supply }),
    custodies: custodyViews,
    exposures,
    fees7dUsd: await fees7dUsd(ctx, pool),
  };
}

export async function readPools(ctx: TxContext): Promise<PoolView[]> {
  const out: PoolView[] = [];
  for (const pool of POOL_IDS) out.push(await readPool(ctx, pool));
  return out;
}
