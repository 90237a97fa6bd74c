/** lib/oracle: price sources behind one `Oracle`, candles, and the staleness helper of /api/health. */
export type { Oracle, OracleMode, OraclePrice, PriceListener, Clock } from './types';
export { ManualOracle } from './manual-oracle';
export { CompositeOracle } from './composite-oracle';
export { createOracle, type OracleConfig } from './create-oracle';
export { isOracleStale } from './staleness';
export { SimulatedSource, HISTORY_DAYS } from './simulated-source';
export { PythSource } from './pyth-source';
export { PYTH_FEEDS } from './pyth-feeds';
export { pythToPrice } from './pyth-convert';
export { JumpGuard, JUMP_HOLD_BPS } from './jump-guard';
export { CANDLE_INTERVALS, type Candle, type CandleInterval } from './candles';
export { readCandles } from './candle-store';
