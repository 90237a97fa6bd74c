import { cn } from '@/components/ui';
import { formatUsd } from '@/lib/format';
import type { PortfolioTotals } from '@/lib/trade/portfolio-totals';

function Figure({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'long' | 'short' }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-card border border-line bg-bg-raised p-3">
      <span className="text-xs text-ink-faint">{label}</span>
      <span className={cn('num truncate text-lg font-semibold', tone === 'long' && 'text-long', tone === 'short' && 'text-short')} data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

const tone = (v: bigint) => (v >= 0n ? 'long' : 'short');

/** Total value (wallet + LP + positions at net value) and PnL, unrealised (as the rows show it, per the PnL setting) and realised. */
export function PortfolioSummary({ totals }: { totals: PortfolioTotals & { withFees: boolean } }) {
  return (
    <div className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
      <Figure label="Total value" value={formatUsd(totals.totalUsd)} testId="portfolio-total" />
      <Figure label="Wallet" value={formatUsd(totals.walletUsd)} testId="portfolio-wallet" />
      <Figure label="Liquidity (LP)" value={formatUsd(totals.lpUsd)} testId="portfolio-lp" />
      <Figure label="Positions (net value)" value={formatUsd(totals.positionsUsd)} testId="portfolio-positions" />
      <Figure label={`Unrealised PnL (${totals.withFees ? 'after' : 'before'} fees)`} value={formatUsd(totals.unrealizedPnlUsd, { sign: true })} testId="portfolio-unrealized-pnl" tone={tone(totals.unrealizedPnlUsd)} />
      <Figure label="Realised PnL" value={formatUsd(totals.realizedPnlUsd, { sign: true })} testId="portfolio-realized-pnl" tone={tone(totals.realizedPnlUsd)} />
    </div>
  );
}
