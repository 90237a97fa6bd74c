/**
 * The local network controls (api.md § Local network controls) and the health read, over the services: manual
 * prices written on chain before answering, the dev clock that the chain's Clock sysvar follows.
 */
import type { FeedId } from '@/lib/math/ids';
import type { OraclePrice } from '@/lib/oracle/types';
import type { HealthView } from '@/lib/views/types';
import type { Services } from './services';

/** Sets manual prices stamped with the dev clock and writes them on chain (the keeper reacts as to any update). */
export async function setDevPrices(s: Services, prices: Partial<Record<FeedId, bigint>>): Promise<readonly OraclePrice[]> {
  await s.clock.syncInTx(s.db.sql);
  const updated = s.oracle.setManualPrices(prices, s.clock.nowS());
  await s.priceWriter?.writeNow(updated);
  return updated;
}

/** Moves the dev clock forward (persisted; the local chain's Clock follows at once, borrow fees accrue). */
export async function advanceDevClock(s: Services, seconds: number): Promise<{ offsetS: number; nowS: number }> {
  const offsetS = await s.db.transaction((tx) => s.clock.advanceInTx(tx, seconds));
  s.chain?.local?.tick();
  return { offsetS, nowS: s.clock.nowS() };
}

/** `GET /api/health` without the chain part: the oracle's mode and staleness (manual feeds never go stale), the database answering. */
export async function healthOf(s: Services): Promise<HealthView> {
  const nowS = s.clock.nowS();
  const stale = s.oracle.getAll().some((p) => !s.oracle.isManual(p.feed) && p.publishTime < nowS - s.config.maxPriceAgeS);
  await s.db.sql.query('SELECT 1');
  return { ok: true, oracle: { mode: s.oracle.mode(), stale }, db: s.db.kind, devnet: s.config.devnet, nowS };
}
