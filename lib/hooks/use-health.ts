'use client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { requestJson } from '@/lib/client/api';
import { decodeHealth } from '@/lib/client/decode';
import type { Health } from '@/lib/client/types';
import type { HealthWire } from '@/lib/client/wire';
import { queryKeys } from '@/lib/hooks/query-keys';
import { useHydratedQuery } from '@/lib/hooks/use-hydrated';
import { useQueryData } from '@/lib/hooks/use-query-data';

/** Health and the server's clock: `nowS` is the engine's clock (the dev clock included: /api/dev/clock moves it). */
export interface HealthWithClock extends Health {
  /** The server's unix seconds when it answered; undefined if it did not say. */
  serverNowS: number | undefined;
  /** `Date.now()` when the answer arrived, to run the server's clock forward between reads. */
  receivedAtMs: number;
}

/** Whether a missing `devnet` field means "on": yes outside production builds (as lib/client/api getHealth). */
const DEVNET_DEFAULT = process.env.NODE_ENV !== 'production';

async function getHealthWithClock(signal: AbortSignal): Promise<HealthWithClock> {
  const wire = await requestJson<HealthWire & { nowS?: unknown }>('/api/health', { signal });
  const serverNowS = typeof wire.nowS === 'number' && Number.isFinite(wire.nowS) ? wire.nowS : undefined;
  return { ...decodeHealth(wire, { devDefault: DEVNET_DEFAULT }), serverNowS, receivedAtMs: Date.now() };
}

/** `GET /api/health`, refreshed every 10 s (oracle staleness banner, local-network switch, the server clock). */
export const healthQuery = queryOptions({ queryKey: queryKeys.health, queryFn: ({ signal }) => getHealthWithClock(signal), refetchInterval: 10_000 });

/** The health query with its status (error, refetch). Observed app-wide by app/providers.tsx. */
export function useHealth() {
  return useHydratedQuery(useQuery(healthQuery));
}

/** The last health answer alone (`undefined` until one): a cache read, no observer per component (use-query-data.ts). */
export function useHealthData(): HealthWithClock | undefined {
  return useQueryData<HealthWithClock>(queryKeys.health);
}

/** Whether the local network is on (faucet, burner wallet). `undefined` while unknown. */
export function useDevnet(): boolean | undefined {
  return useHealthData()?.devnet;
}
