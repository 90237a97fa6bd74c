import type { Metadata } from 'next';
import { TradeScreen } from '@/components/trade/TradeScreen';
import { QuerySeed } from '@/lib/hooks/query-seed';
import { dayCandleAnswers } from '@/lib/server/first-answers';
import { marketFromParam } from '@/lib/trade/market-param';

export const metadata: Metadata = { title: 'Trade' };

/**
 * /trade?market=SOL: a server shell around the client trade screen. The page reads `searchParams`, so it renders
 * per request and the trade screen (which reads `?market=` with `useSearchParams`) is server-rendered too: a
 * statically prerendered page would bail out to client rendering below the Suspense boundary, leaving the screen
 * empty until its JavaScript runs (late first paint of the chart box and the ticket bar, layout shift). The
 * selected market's day candles are rendered in with it (lib/server/first-answers.ts), as the layout does for markets
 * and pools.
 */
export default async function TradePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).market;
  const market = marketFromParam(typeof raw === 'string' ? raw : undefined);
  return (
    <div className="min-w-0">
      <h1 className="sr-only">Trade</h1>
      <QuerySeed entries={await dayCandleAnswers(market)}>
        <TradeScreen />
      </QuerySeed>
    </div>
  );
}
