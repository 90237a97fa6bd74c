import type { Metadata } from 'next';
import { TradeScreen } from '@/components/trade/TradeScreen';

export const metadata: Metadata = { title: 'Trade' };

/**
 * /trade?market=SOL: a server shell around the client trade screen. The page reads `searchParams`, so it renders
 * per request and the trade screen (which reads `?market=` with `useSearchParams`) is server-rendered too: a
 * statically prerendered page would bail out to client rendering below the Suspense boundary, leaving the screen
 * empty until its JavaScript runs (late first paint of the chart box and the ticket bar, layout shift).
 */
export default async function TradePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await searchParams;
  return (
    <div className="min-w-0">
      <h1 className="sr-only">Trade</h1>
      <TradeScreen />
    </div>
  );
}
