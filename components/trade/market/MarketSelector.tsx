'use client';
/** The six markets grouped by pool (ALP: SOL, BTC, BONK; RWALP: XAU, XAG, WTI); scrolls sideways on phones. */
import type { MarketId } from '@/lib/math/ids';
import { MarketTab } from './MarketTab';
import { MARKETS_BY_POOL } from './market-labels';

export function MarketSelector({ selected }: { selected: MarketId }) {
  return (
    <nav aria-label="Markets" className="min-w-0 overflow-x-auto" data-testid="market-selector">
      <div className="flex w-max items-stretch gap-3">
        {MARKETS_BY_POOL.map(({ pool, markets }) => (
          <div key={pool} role="group" aria-label={`${pool} markets`} className="flex items-center gap-1">
            <span className="px-1 text-[10px] font-semibold tracking-wider text-ink-faint uppercase [writing-mode:vertical-rl] rotate-180">{pool}</span>
            {markets.map((m) => (
              <MarketTab key={m} market={m} selected={m === selected} />
            ))}
          </div>
        ))}
      </div>
    </nav>
  );
}
