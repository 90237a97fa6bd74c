import type { OraclePrice } from './types';

/** A feed of prices behind the composite oracle (simulated walk or Pyth Hermes). */
export interface PriceSource {
  readonly mode: 'simulated' | 'pyth';
  /** Starts producing; `emit` receives every batch of updated feeds. */
  start(emit: (prices: readonly OraclePrice[]) => void): Promise<void>;
  stop(): Promise<void>;
}
