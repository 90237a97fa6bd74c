'use client';
/**
 * Whether the exchange answers yet. On a fresh machine the server builds its database, its local chain and the
 * price history before `/api/health` answers: until then (no answer, a 5xx such as 503) the app says the exchange
 * is starting and asks again every 2 s. Once it has answered, a later failed read is a stale-data banner's job,
 * not this one's.
 */
import { useEffect } from 'react';
import { isApiError } from '@/lib/client/api-error';
import { useHealth } from '@/lib/hooks/use-health';

export type ExchangeStatus = 'unknown' | 'starting' | 'up';

/** Starting: a network failure or a 5xx answer (a 4xx would be a real refusal, not a start). */
export function isStartingError(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status >= 500;
}

export function useExchangeStatus(): { status: ExchangeStatus; retry: () => void } {
  const health = useHealth();
  const starting = health.data === undefined && health.isError && isStartingError(health.error);
  const { refetch } = health;
  useEffect(() => {
    if (!starting) return;
    const id = setInterval(() => void refetch(), 2_000);
    return () => clearInterval(id);
  }, [starting, refetch]);
  return { status: starting ? 'starting' : health.data ? 'up' : 'unknown', retry: () => void refetch() };
}
