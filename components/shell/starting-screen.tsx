'use client';
/**
 * "The exchange is starting…": shown over the page while `/api/health` has never answered (no answer or a 5xx),
 * e.g. during the first `npm run dev`, which builds the database, the local chain and the price history. It asks
 * again every 2 s and disappears by itself once the server answers.
 */
import { Button } from '@/components/ui';
import { useExchangeStatus } from '@/lib/hooks/use-exchange-status';

export function StartingScreen() {
  const { status, retry } = useExchangeStatus();
  if (status !== 'starting') return null;
  return (
    <div role="status" aria-labelledby="starting-title" aria-describedby="starting-text" data-testid="exchange-starting" className="fixed inset-0 z-[55] flex items-center justify-center bg-bg/95 p-6 backdrop-blur">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <span aria-hidden className="h-8 w-8 animate-spin rounded-full border-2 border-accent border-t-transparent" />
        <h2 id="starting-title" className="text-lg font-semibold">
          The exchange is starting…
        </h2>
        <p id="starting-text" className="text-sm text-ink-muted">
          On its first start the server prepares its database, the local chain and 30 days of price history; this takes up to a minute. This page checks again every
          two seconds and continues by itself.
        </p>
        <Button variant="secondary" onClick={retry} data-testid="exchange-starting-retry">
          Check now
        </Button>
      </div>
    </div>
  );
}
