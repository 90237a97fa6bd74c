'use client';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/** A route that threw while rendering: say so plainly and offer a retry; the header and wallet stay usable. */
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Something went wrong on this page</h1>
      <p className="text-sm text-ink-muted">
        {error.digest ? `The server could not render it (reference ${error.digest}).` : 'It could not be displayed.'} Your positions are not affected.
      </p>
      <Button variant="primary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
