import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TradeScreen } from '@/components/trade/TradeScreen';

export const metadata: Metadata = { title: 'Trade' };

/** /trade?market=SOL: a server shell around the client trade screen (it reads the URL, so it sits in Suspense). */
export default function TradePage() {
  return (
    <div className="min-w-0">
      <h1 className="sr-only">Trade</h1>
      <Suspense>
        <TradeScreen />
      </Suspense>
    </div>
  );
}
