/**
 * LP price history of a pool from the stored `lp_snapshots` (GET /api/pools/history?pool=ALP →
 * [{time, lpPriceUsd, aumUsd}], decimal strings). The route may not exist yet: a 404 answers `null` ("no history
 * available") instead of an error, so the chart can say so.
 */
import { ApiError } from '@/lib/client/api-error';
import { requestJson } from '@/lib/client/api';
import { big } from '@/lib/client/decode';
import type { PoolId } from '@/lib/math/ids';

export interface LpHistoryPointWire {
  time: number;
  lpPriceUsd: string;
  aumUsd: string;
}

export interface LpHistoryPoint {
  /** Unix seconds. */
  time: number;
  lpPriceUsd: bigint;
  aumUsd: bigint;
}

export function decodeLpHistory(rows: readonly LpHistoryPointWire[]): LpHistoryPoint[] {
  return rows
    .map((row) => ({ time: row.time, lpPriceUsd: big(row.lpPriceUsd, 'lpPriceUsd'), aumUsd: big(row.aumUsd, 'aumUsd') }))
    .sort((a, b) => a.time - b.time);
}

export async function getLpHistory(pool: PoolId, o?: { signal?: AbortSignal }): Promise<LpHistoryPoint[] | null> {
  try {
    const rows = await requestJson<LpHistoryPointWire[]>(`/api/pools/history?pool=${encodeURIComponent(pool)}`, o);
    return Array.isArray(rows) ? decodeLpHistory(rows) : null;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}
