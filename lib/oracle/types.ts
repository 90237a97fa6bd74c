import type { FeedId } from '@/lib/math/ids';

/** One feed's latest mark (protocol.md §2): `price` is the mid in 1e10 units, `publishTime` unix seconds. */
export interface OraclePrice {
  readonly feed: FeedId;
  readonly price: bigint;
  readonly publishTime: number;
}

export type OracleMode = 'simulated' | 'manual' | 'pyth';

/** Called after one or more feeds changed; the keeper and `/api/stream` subscribe. */
export type PriceListener = (updated: readonly OraclePrice[]) => void;

/**
 * The one interface every price source implements (lib/oracle). The engine reads `getPrice` inside each action;
 * staleness is judged by the caller against the engine clock (`publishTime < nowS − maxPriceAgeS`).
 */
export interface Oracle {
  /** Current mode; `setManualPrices` switches the named feeds (and the reported mode) to manual. */
  mode(): OracleMode;
  getPrice(feed: FeedId): OraclePrice | undefined;
  getAll(): readonly OraclePrice[];
  /** Sets prices by hand, stamped with `nowS` (the engine clock); such a feed never goes stale. */
  setManualPrices(prices: Partial<Record<FeedId, bigint>>, nowS: number): readonly OraclePrice[];
  /** True when a manual price pins this feed (it is then exempt from staleness). */
  isManual(feed: FeedId): boolean;
  subscribe(listener: PriceListener): () => void;
  /** Optional: produce a fresh update now (the simulated walk ticks); call after the engine clock jumps. */
  poke?(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The engine clock: wall clock plus the offset of `/api/dev/clock` (protocol.md §4). */
export interface Clock {
  nowMs(): number;
  nowS(): number;
}
