import type { Metadata } from 'next';
import { EarnView } from '@/components/earn/EarnView';

export const metadata: Metadata = {
  title: 'Earn',
  description: 'Provide liquidity to the ALP and RWALP pools: earn trading and borrow fees as the traders’ counterparty.',
};

/**
 * Rendered per request, as /trade: the root layout's first answers (markets, pools: lib/server/first-answers.ts) are
 * read then, so the page paints prices, not placeholders; prerendered at build time it would have none.
 */
export const dynamic = 'force-dynamic';

export default function EarnPage() {
  return (
    <div className="mx-auto w-full max-w-7xl space-y-6 px-3 py-5 md:px-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Earn</h1>
        <p className="max-w-3xl text-sm text-ink-muted">
          Liquidity providers are the counterparty of every trade. LPs earn the fees traders pay (open, close, borrow,
          liquidation) and their losses, and pay their profits. Deposit a pool token to mint ALP or RWALP; redeem it for
          any custody token.
        </p>
      </header>
      <EarnView />
    </div>
  );
}
