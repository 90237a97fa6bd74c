import type { Metadata } from 'next';
import { PortfolioScreen } from '@/components/portfolio/PortfolioScreen';

export const metadata: Metadata = { title: 'Portfolio' };

/**
 * /portfolio: a server shell around the client portfolio of the connected wallet. Rendered per request, as /trade:
 * the root layout's first answers (markets, pools: lib/server/first-answers.ts) are read then, so the page paints
 * prices, not placeholders; prerendered at build time it would have none.
 */
export const dynamic = 'force-dynamic';

export default function PortfolioPage() {
  return (
    <div className="mx-auto w-full max-w-7xl min-w-0">
      <h1 className="px-3 pt-4 text-lg font-semibold md:px-4">Portfolio</h1>
      <PortfolioScreen />
    </div>
  );
}
