'use client';
/**
 * The six markets grouped by pool (ALP: SOL, BTC, BONK; RWALP: XAU, XAG, WTI): one row per pool on phones (all six
 * in view), one line on wider screens.
 */
import type { MarketId } from '@/lib/math/ids';
import { MarketTab } from './MarketTab';
import { MARKETS_BY_POOL } from './market-labels';

export function MarketSelector({ selected }: { selected: MarketId }) {
  return (
    <nav aria-label="Markets" className="min-w-0 md:overflow-x-auto" data-testid="market-selector">
      <div className="flex flex-col gap-1 md:w-max md:flex-row md:items-stretch md:gap-3">
        {MARKETS_BY_POOL.map(({ pool, markets }) => (
          <div key={pool} role="group" aria-label={`${pool} markets`} className="flex min-w-0 items-center gap-1">
            <span className="w-4 shrink-0 rotate-180 text-[10px] font-semibold tracking-wider text-ink-faint uppercase [writing-mode:vertical-rl]">{pool}</span>
            <div className="grid min-w-0 flex-1 grid-cols-3 gap-1 md:flex">
              {markets.map((m) => (
                <MarketTab key={m} market={m} selected={m === selected} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </nav>
  );
}
