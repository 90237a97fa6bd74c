import type { OraclePrice } from './types';

export type SourceEmit = (prices: readonly OraclePrice[], options?: { storeCandles?: boolean }) => void;

/** A feed of prices behind the composite oracle (simulated walk or Pyth Hermes). */
export interface PriceSource {
  readonly mode: 'simulated' | 'pyth';
  /**
   * Starts producing; `emit` receives every batch of updated feeds. `storeCandles: false` marks prices another
   * instance already stored (a simulated follower), so they are published but not written again.
   */
  start(emit: SourceEmit): Promise<void>;
  stop(): Promise<void>;
  /** Produces a fresh update now if the source can (the simulated walk ticks at once). */
  poke?(): void;
}
