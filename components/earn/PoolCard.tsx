import type { Market, Pool } from '@/lib/client/types';
import { feeAprBps } from '@/lib/earn/apr';
import { feedQuotesFromMarkets } from '@/lib/earn/feed-quotes';
import { lpHolding, poolOpenInterestUsd, poolUtilizationBps } from '@/lib/earn/pool-stats';
import { formatBps, formatTokenAmount, formatUsd } from '@/lib/format';
import { LP_DECIMALS } from '@/lib/math/scales';
import { Stat } from '@/components/earn/Stat';

const APR_NOTE = 'Fees kept by the pool in the last 7 days ÷ AUM × 365/7';

/** The headline figures of one pool: AUM, LP price and supply, the wallet's holding, fee APR, usage, open interest. */
export function PoolCard({ pool, markets, lpBalance, connected }: { pool: Pool; markets: readonly Market[]; lpBalance: bigint | undefined; connected: boolean }) {
  const quotes = feedQuotesFromMarkets(markets);
  const aprBps = feeAprBps({ fees7dUsd: pool.fees7dUsd, aumUsd: pool.aumUsd });
  const utilizationBps = poolUtilizationBps({ custodies: pool.custodies, quotes });
  const oi = poolOpenInterestUsd({ pool: pool.id, markets });
  const holding = lpHolding({ pool, lpBalance });
  const lp = pool.id;
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-4 md:grid-cols-2 xl:grid-cols-4" data-testid={`pool-stats-${pool.id}`}>
      <Stat label="AUM" value={formatUsd(pool.aumUsd, { digits: 0 })} testId={`aum-${lp}`} />
      <Stat label={`${lp} price`} value={formatUsd(pool.lpPriceUsd, { digits: 6 })} testId={`lp-price-${lp}`} />
      <Stat label={`${lp} supply`} value={formatTokenAmount(pool.lpSupply, LP_DECIMALS, { maxDigits: 2 })} />
      <Stat
        label="Fee APR (7d)"
        value={aprBps === undefined ? 'n/a' : formatBps(aprBps)}
        note={aprBps === undefined ? 'Not reported by the server yet' : APR_NOTE}
        testId={`apr-${lp}`}
      />
      <Stat
        label="Your holding"
        value={lpBalance === undefined ? (connected ? 'Loading…' : 'Connect a wallet') : `${formatTokenAmount(holding.lpAmount, LP_DECIMALS, { maxDigits: 6 })} ${lp}`}
        note={lpBalance === undefined ? undefined : formatUsd(holding.valueUsd)}
        testId={`lp-balance-${lp}`}
      />
      <Stat label="Utilization" value={utilizationBps === undefined ? '–' : formatBps(utilizationBps)} note="Locked ÷ owned, in USD" />
      <Stat label="Open interest long" value={<span className="text-long">{formatUsd(oi.longUsd, { compact: true })}</span>} />
      <Stat label="Open interest short" value={<span className="text-short">{formatUsd(oi.shortUsd, { compact: true })}</span>} />
    </dl>
  );
}
