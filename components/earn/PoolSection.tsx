'use client';
import type { Account, Market, Pool } from '@/lib/client/types';
import { CompositionTable } from '@/components/earn/CompositionTable';
import { ExposureTable } from '@/components/earn/ExposureTable';
import { LiquidityPanel } from '@/components/earn/LiquidityPanel';
import { LpHistoryPanel } from '@/components/earn/LpHistoryPanel';
import { Panel } from '@/components/earn/Panel';
import { PoolCard } from '@/components/earn/PoolCard';
import { StressControl } from '@/components/earn/StressControl';
import { POOL_BLURB, POOL_TITLE } from '@/components/earn/pool-copy';

/** Below xl the stats and the form share a row and the rest spans both columns; from xl the form is a sticky side column. */
const LEFT_WIDE = 'md:col-span-2 xl:col-span-1 xl:col-start-1';

/** Everything about one pool: headline figures, liquidity form, composition, LP risk and price history. */
export function PoolSection({ pool, markets, account, connected }: { pool: Pool; markets: readonly Market[]; account: Account | undefined; connected: boolean }) {
  const lpBalance = connected ? (account?.lp[pool.id] ?? (account ? 0n : undefined)) : undefined;
  const id = pool.id.toLowerCase();
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4" data-testid={`pool-${pool.id}`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {POOL_TITLE[pool.id]}
        </h2>
        <p className="text-sm text-ink-muted">{POOL_BLURB[pool.id]}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[minmax(0,1fr)_360px]">
        <div className="min-w-0 rounded-card border border-line bg-bg-panel p-4 xl:col-start-1">
          <PoolCard pool={pool} markets={markets} lpBalance={lpBalance} connected={connected} />
        </div>
        <div className="min-w-0 xl:sticky xl:top-4 xl:col-start-2 xl:row-span-4 xl:row-start-1 xl:self-start">
          <Panel title={`Add or remove ${pool.id}`} id={`${id}-liquidity`}>
            <LiquidityPanel pool={pool} markets={markets} account={connected ? account : undefined} connected={connected} />
          </Panel>
        </div>
        <Panel title="Composition" aside="Current share against target; the shaded band is the allowed range" id={`${id}-composition`} className={LEFT_WIDE}>
          <CompositionTable pool={pool} />
        </Panel>
        <Panel title="LP risk" aside="Traders’ PnL is the LPs’ loss; their losses are the LPs’ gain" id={`${id}-risk`} className={LEFT_WIDE}>
          <div className="space-y-5">
            <ExposureTable pool={pool} />
            <StressControl pool={pool} markets={markets} lpBalance={lpBalance} />
          </div>
        </Panel>
        <Panel title={`${pool.id} price history`} id={`${id}-history`} className={LEFT_WIDE}>
          <LpHistoryPanel pool={pool.id} />
        </Panel>
      </div>
    </section>
  );
}
