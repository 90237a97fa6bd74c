/**
 * The reference model's state and its transaction context: what the pool program holds (custodies, LP supplies,
 * market side aggregates, positions) plus the traders' wallets, the clock and the feeds. `Tx` is the engine's
 * TxContext without a database (lib/engine/tx-context.ts): locking a pool accrues its custodies' interest in memory,
 * only touched custodies are written back, with the rate recomputed from the new utilization (§4).
 */
import type { Address } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, POOL_IDS, SIDES, type FeedId, type MarketId, type PoolId, type Side, type TokenId } from '@/lib/math/ids';
import { FEED_BAND_BPS, POOLS, TOKENS, custodyParams } from '@/lib/math/params';
import { isPriceStale, priceBand, tokenPrices } from '@/lib/math/oracle-band';
import { accrueCumulativeInterest } from '@/lib/math/interest';
import { borrowRateHourly, utilizationBps } from '@/lib/math/borrow-rate';
import { isMarketOpen } from '@/lib/math/market-hours';
import { ProtocolError } from '@/lib/math/errors';
import type { SideAggregate } from '@/lib/math/aggregates';
import type { PositionState } from '@/lib/math/position';
import type { ChainAddresses } from '@/lib/chain/addresses';
import type { ChainErrorCode } from '@/lib/chain/errors';
import type { Asset } from './harness';

export interface CustodyState {
  owned: bigint;
  locked: bigint;
  collateral: bigint;
  cumulativeInterest: bigint;
  rateHourly: bigint;
  lastAccrualS: bigint;
}

export interface PositionRecord {
  owner: Address;
  market: MarketId;
  state: PositionState;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  openedAt: bigint;
  updatedAt: bigint;
}

export interface OrderRecord {
  owner: Address;
  market: MarketId;
  side: Side;
  postedToken: TokenId;
  slot: number;
  collateralAmount: bigint;
  leverageBps: bigint;
  triggerPrice: bigint;
  acceptablePrice: bigint | null;
  takeProfit: bigint | null;
  stopLoss: bigint | null;
  createdAt: bigint;
}

export interface FeedState {
  price: bigint;
  publishTime: bigint;
}

export interface ModelState {
  nowS: bigint;
  maxPriceAgeS: bigint;
  feeds: Record<FeedId, FeedState>;
  /** `${pool}:${token}`. */
  custodies: Record<string, CustodyState>;
  lpSupply: Record<PoolId, bigint>;
  /** `${market}:${side}`. */
  aggregates: Record<string, SideAggregate>;
  /** positionKey(owner, market, side). */
  positions: Record<string, PositionRecord>;
  /** orderKey(owner, slot). */
  orders: Record<string, OrderRecord>;
  wallets: Record<string, Record<Asset, bigint>>;
}

/** Where the model names accounts in the events it expects. */
export interface Book {
  addresses: ChainAddresses;
  positions: Record<string, Address>;
  /** orderKey(owner, slot) → the order PDA, slots 0..15. */
  orders: Record<string, Address>;
}

export const custodyKey = (pool: PoolId, token: TokenId): string => `${pool}:${token}`;
export const aggregateKey = (market: MarketId, side: Side): string => `${market}:${side}`;

export function refuse(code: ProtocolError['code'], message = code): never {
  throw new ProtocolError(code, message);
}

/** A refusal of the chain's own (lib/chain/errors.ts CHAIN_ERROR_CODES), which the engine has no code for. */
export class ChainRefusal extends Error {
  constructor(readonly code: ChainErrorCode) {
    super(code);
  }
}

export function refuseChain(code: ChainErrorCode): never {
  throw new ChainRefusal(code);
}

export interface Quote {
  price: bigint;
  low: bigint;
  high: bigint;
}

/** One action's working state over a copy of the model (`structuredClone`): committed or dropped as a whole. */
export class Tx {
  private readonly originals = new Map<string, CustodyState>();
  private readonly dirty = new Set<string>();

  constructor(readonly s: ModelState) {}

  get nowS(): bigint {
    return this.s.nowS;
  }

  /** The engine's lockPool: every custody of the pool accrued to now in memory. */
  lockPool(pool: PoolId): void {
    for (const token of POOLS[pool].custodies) {
      const key = custodyKey(pool, token);
      if (this.originals.has(key)) continue;
      const c = this.s.custodies[key]!;
      this.originals.set(key, { ...c });
      c.cumulativeInterest = accrueCumulativeInterest({ cumulativeInterest: c.cumulativeInterest, rateHourly: c.rateHourly, elapsedS: this.s.nowS - c.lastAccrualS });
    }
  }

  custody(pool: PoolId, token: TokenId): CustodyState {
    const key = custodyKey(pool, token);
    if (!this.originals.has(key)) throw new Error(`model: ${key} read before its pool was locked`);
    return this.s.custodies[key]!;
  }

  /** Marks a custody changed: written at commit with its accrued interest and a recomputed rate. */
  touch(pool: PoolId, token: TokenId): CustodyState {
    const c = this.custody(pool, token);
    this.dirty.add(custodyKey(pool, token));
    return c;
  }

  /** The engine's flush: touched custodies get the rate of their new utilization; the others are not written. */
  commit(): void {
    for (const [key, original] of this.originals) {
      if (!this.dirty.has(key)) {
        this.s.custodies[key] = original;
        continue;
      }
      const c = this.s.custodies[key]!;
      const [pool, token] = key.split(':') as [PoolId, TokenId];
      c.rateHourly = borrowRateHourly({ utilizationBps: utilizationBps({ locked: c.locked, owned: c.owned }), ...custodyParams(pool, token).borrow });
      c.lastAccrualS = this.s.nowS;
    }
  }

  /** Mid, low and high of a feed; ORACLE_STALE when older than the limit (§2). */
  feedQuote(feed: FeedId): Quote {
    const f = this.s.feeds[feed];
    if (isPriceStale({ publishTime: Number(f.publishTime), nowS: Number(this.s.nowS), maxAgeS: Number(this.s.maxPriceAgeS) })) refuse('ORACLE_STALE');
    return { price: f.price, ...priceBand({ price: f.price, bandBps: FEED_BAND_BPS[feed] }) };
  }

  /** A token's quote: USDC is $1 exactly (§1), others their feed's. */
  tokenQuote(token: TokenId): Quote {
    if (token === 'USDC') return tokenPrices({ token, price: 0n });
    return this.feedQuote(TOKENS[token].feed);
  }

  requireMarketOpen(market: MarketId): void {
    if (!isMarketOpen(market, Number(this.s.nowS))) refuse('MARKET_CLOSED');
  }

  debit(owner: string, asset: Asset, amount: bigint): void {
    if (amount === 0n) return;
    const w = this.s.wallets[owner]!;
    if (w[asset] < amount) refuse('INSUFFICIENT_BALANCE');
    w[asset] -= amount;
  }

  credit(owner: string, asset: Asset, amount: bigint): void {
    this.s.wallets[owner]![asset] += amount;
  }
}

/** Every (market, side) aggregate key and every pool's custody keys, for iteration. */
export function allAggregateKeys(): string[] {
  return MARKET_IDS.flatMap((m) => SIDES.map((s) => aggregateKey(m, s)));
}

export function allCustodyKeys(): string[] {
  return POOL_IDS.flatMap((p) => POOLS[p].custodies.map((t) => custodyKey(p, t)));
}

export const ALL_FEEDS: readonly FeedId[] = FEED_IDS;
