'use client';
import { useMemo, useState } from 'react';
import type { Market, Pool } from '@/lib/client/types';
import { feedQuotesFromMarkets } from '@/lib/earn/feed-quotes';
import { parseSignedPercentBps } from '@/lib/earn/inputs';
import { lpValueUsd } from '@/lib/earn/pool-stats';
import { stressFeeds, stressPool } from '@/lib/earn/stress';
import { formatBps, formatPrice, formatUsd } from '@/lib/format';
import type { FeedId, MarketId } from '@/lib/math/ids';
import { isMarketId } from '@/lib/math/ids';
import { cn } from '@/components/ui/cn';

const PRESETS = ['-50', '-20', '-10', '10', '20', '50'] as const;

const marketOf = (feed: FeedId): MarketId | undefined => (isMarketId(feed) ? feed : undefined);

/**
 * "If SOL moves by X%": the pool's AUM and LP price recomputed with lib/math's AUM at the moved price (custody values
 * at the new low, traders' PnL at the new mid), and what the wallet's LP holding would be worth.
 */
export function StressControl({ pool, markets, lpBalance }: { pool: Pool; markets: readonly Market[]; lpBalance: bigint | undefined }) {
  const feeds = stressFeeds(pool.id);
  const [feed, setFeed] = useState<FeedId>(feeds[0] ?? 'SOL');
  const [text, setText] = useState('-20');
  const moveBps = parseSignedPercentBps(text);
  const result = useMemo(
    () => (moveBps === undefined ? undefined : stressPool({ pool, quotes: feedQuotesFromMarkets(markets), feed, moveBps })),
    [pool, markets, feed, moveBps],
  );
  const id = `stress-${pool.id}`;
  return (
    <div className="space-y-3" data-testid={id}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-feed`} className="text-xs font-medium text-ink-muted">
            If the price of
          </label>
          <select
            id={`${id}-feed`}
            value={feed}
            onChange={(e) => setFeed(feeds.find((f) => f === e.target.value) ?? feed)}
            className="min-h-11 rounded-lg border border-line bg-bg-input px-3 text-sm font-medium focus:border-accent md:min-h-9"
          >
            {feeds.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-move`} className="text-xs font-medium text-ink-muted">
            moves by (%)
          </label>
          <input
            id={`${id}-move`}
            data-testid={`${id}-move`}
            inputMode="decimal"
            autoComplete="off"
            value={text}
            aria-invalid={moveBps === undefined || undefined}
            onChange={(e) => setText(e.target.value.replace(/[^\d.+-]/g, ''))}
            className="min-h-11 w-24 rounded-lg border border-line bg-bg-input px-3 text-sm focus:border-accent md:min-h-9"
          />
        </div>
        <div className="flex flex-wrap gap-1" role="group" aria-label="Preset moves">
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={text === p}
              onClick={() => setText(p)}
              className={cn(
                'min-h-11 min-w-11 rounded-md border px-2 text-xs md:min-h-9',
                text === p ? 'border-accent bg-accent-soft text-ink' : 'border-line text-ink-muted hover:text-ink',
                p.startsWith('-') ? 'hover:border-short' : 'hover:border-long',
              )}
            >
              {p.startsWith('-') ? p : `+${p}`}%
            </button>
          ))}
        </div>
      </div>
      {moveBps === undefined ? (
        <p className="text-sm text-short">Enter a percentage like -20 or 12.5.</p>
      ) : result === undefined ? (
        <p className="text-sm text-ink-muted">Prices are loading.</p>
      ) : (
        <dl className="grid grid-cols-2 gap-3 rounded-lg border border-line bg-bg-input p-3 text-sm sm:grid-cols-4" aria-live="polite">
          <div>
            <dt className="text-xs text-ink-muted">{feed} price</dt>
            <dd>{formatPrice(result.movedPrice, { market: marketOf(feed) })}</dd>
          </div>
          <div>
            <dt className="text-xs text-ink-muted">AUM</dt>
            <dd>{formatUsd(result.aumUsd, { digits: 0 })}</dd>
            <dd className={cn('text-xs', result.aumChangeUsd < 0n ? 'text-short' : 'text-long')}>{formatUsd(result.aumChangeUsd, { sign: true, digits: 0 })}</dd>
          </div>
          <div>
            <dt className="text-xs text-ink-muted">{pool.id} price</dt>
            <dd data-testid={`${id}-lp-price`}>{formatUsd(result.lpPriceUsd, { digits: 6 })}</dd>
            {result.lpPriceChangeBps !== undefined ? (
              <dd className={cn('text-xs', result.lpPriceChangeBps < 0n ? 'text-short' : 'text-long')}>{formatBps(result.lpPriceChangeBps, { sign: true })}</dd>
            ) : null}
          </div>
          <div>
            <dt className="text-xs text-ink-muted">Your {pool.id}</dt>
            <dd>{lpBalance === undefined ? '–' : formatUsd(lpValueUsd({ lpAmount: lpBalance, lpPriceUsd: result.lpPriceUsd }))}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
