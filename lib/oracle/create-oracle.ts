import { GENESIS } from '@/lib/math/params';
import { CandleWriter } from './candle-writer';
import { CompositeOracle } from './composite-oracle';
import type { OracleDatabase } from './db-port';
import { PythSource } from './pyth-source';
import { SimulatedSource } from './simulated-source';
import type { Clock } from './types';

export interface OracleConfig {
  oracle: 'simulated' | 'manual' | 'pyth';
  hermesUrl: string;
  oracleSeed: number;
  oracleTickMs: number;
}

/**
 * The server's oracle for `ORACLE` (api.md § Configuration): `simulated` (default; seeded GBM and 30 days of
 * stored history), `manual` (the §9 default prices, stamped with the engine clock, moved only by
 * `/api/dev/prices`), or `pyth` (Hermes at HERMES_URL). All three write ticks into candles_1m and accept manual
 * overrides per feed. Call `start()` once (services do); `stop()` ends timers and streams.
 */
export function createOracle(config: OracleConfig, deps: { db: OracleDatabase; clock: Clock }): CompositeOracle {
  const candles = new CandleWriter(deps.db);
  if (config.oracle === 'manual') {
    return new CompositeOracle({ candles, manual: GENESIS.prices, initialNowS: deps.clock.nowS() });
  }
  const source =
    config.oracle === 'pyth'
      ? new PythSource({ hermesUrl: config.hermesUrl })
      : new SimulatedSource({ clock: deps.clock, seed: config.oracleSeed, tickMs: config.oracleTickMs, db: deps.db });
  return new CompositeOracle({ source, candles });
}
