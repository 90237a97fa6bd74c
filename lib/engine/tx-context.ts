import type { SqlClient } from '@/lib/db/types';
import type { FeedId, MarketId, PoolId, TokenId } from '@/lib/math/ids';
import { FEED_BAND_BPS, TOKENS, custodyParams } from '@/lib/math/params';
import { isPriceStale, priceBand, tokenPrices } from '@/lib/math/oracle-band';
import { accrueCumulativeInterest } from '@/lib/math/interest';
import { borrowRateHourly, utilizationBps } from '@/lib/math/borrow-rate';
import { ProtocolError } from '@/lib/math/errors';
import { describePrice } from '@/lib/math/describe';
import type { OraclePrice } from '@/lib/oracle/types';
import type { EngineChangeState, EngineEvent } from './event-bus';
import { EngineError } from './errors';
import type { CustodyRow, SideAggregateRow } from './store/rows';
import { selectAggregates, selectCustodies, selectPoolSupply, selectPoolWithCustodiesPglite } from './store/custodies';
import type { EventRecord } from './store/events';
import { writeFlush } from './store/flush';
import { marketOpenState } from './market-state';
import type { CommittedPoolState, PoolStateCache } from './pool-state-cache';
import { DeferredSettlements } from './deferred-settlements';
import { creditBalance } from './store/balances';
import { deletePosition } from './store/positions';

/** A TxContext's in-memory state at one point (`checkpoint`), to undo one refused settlement of a batch. */
export interface TxCheckpoint {
  custodies: [string, { row: CustodyRow; dirty: boolean }][];
  supplies: [PoolId, { supply: bigint; dirty: boolean }][];
  aggregates: [string, { row: SideAggregateRow; dirty: boolean }][] | undefined;
  events: number;
  emitted: number;
  deferred: { credits: number; deletes: number } | undefined;
}

export interface TokenQuote {
  price: bigint;
  low: bigint;
  high: bigint;
  publishTime: number;
  stale: boolean;
}

interface EngineLike {
  readonly oracle: { getPrice(feed: FeedId): OraclePrice | undefined; isManual(feed: FeedId): boolean };
  readonly clock: { nowS(): number };
  readonly config: { devnet: boolean; maxPriceAgeS: number };
  readonly db: { kind: 'pglite' | 'postgres' };
}

/**
 * The state of one engine transaction: the pools it locked, their custodies (interest accrued to now in memory;
 * written back only for the custodies an action touched, with the rate recomputed from the new utilization,
 * protocol.md §4), the aggregates, and the events to announce after commit.
 */
export class TxContext {
  readonly nowS: number;
  readonly readOnly: boolean;
  readonly emitted: EngineEvent[] = [];
  /** `emittedState[i]` is what `emitted[i]` left behind (see `EngineChangeState`). */
  readonly emittedState: (EngineChangeState | undefined)[] = [];
  private readonly supplies = new Map<PoolId, { supply: bigint; dirty: boolean }>();
  private readonly custodyRows = new Map<string, { row: CustodyRow; dirty: boolean }>();
  private aggregates: Map<string, { row: SideAggregateRow; dirty: boolean }> | undefined;
  /** Fixed prices for this transaction (the keeper acts at the price of the update that triggered it). */
  private readonly priceOverrides = new Map<FeedId, OraclePrice>();
  /** Events recorded by the action, written at `flush` (one statement with the other end writes). */
  private readonly pendingEvents: EventRecord[] = [];
  /** PGlite: the committed pool state, read instead of the database (see PoolStateCache). */
  private readonly cache: PoolStateCache | undefined;
  /** What `flush` wrote of the cached state; the engine applies it to the cache after commit. */
  written: CommittedPoolState | undefined;
  /** Keeper batches: payouts and position deletions kept for `flush` (see `deferSettlementWrites`). */
  private deferred: DeferredSettlements | undefined;

  constructor(
    readonly tx: SqlClient,
    private readonly engine: EngineLike,
    opts: { readOnly?: boolean; cache?: PoolStateCache } = {},
  ) {
    this.nowS = engine.clock.nowS();
    this.readOnly = opts.readOnly ?? false;
    this.cache = opts.cache;
  }

  get devnet(): boolean {
    return this.engine.config.devnet;
  }

  get dbKind(): 'pglite' | 'postgres' {
    return this.engine.db.kind;
  }

  usePrices(prices: readonly OraclePrice[]): void {
    for (const p of prices) this.priceOverrides.set(p.feed, p);
  }

  /**
   * Locks the pool row (`FOR UPDATE`) so actions on one pool are serialised, and loads its custodies (one statement
   * on PGlite, two on PostgreSQL: see `selectPoolWithCustodiesPglite`). On PGlite, a pool the cache holds is not
   * read at all (one process, one engine transaction at a time: nothing to lock against).
   */
  async lockPool(pool: PoolId): Promise<void> {
    if (this.supplies.has(pool)) return;
    const { supply, custodies } = this.cache?.pool(pool) ?? (await this.selectPool(pool));
    this.supplies.set(pool, { supply, dirty: false });
    for (const row of custodies) {
      row.cumulativeInterest = accrueCumulativeInterest({
        cumulativeInterest: row.cumulativeInterest,
        rateHourly: row.rateHourly,
        elapsedS: this.nowS - row.lastAccrualS,
      });
      this.custodyRows.set(`${pool}:${row.token}`, { row, dirty: false });
    }
  }

  /** One statement on PGlite (remembered in the cache), two on PostgreSQL: see `selectPoolWithCustodiesPglite`. */
  private async selectPool(pool: PoolId): Promise<{ supply: bigint; custodies: CustodyRow[] }> {
    if (this.dbKind !== 'pglite') {
      return { supply: await selectPoolSupply(this.tx, pool, !this.readOnly), custodies: await selectCustodies(this.tx, pool) };
    }
    const read = await selectPoolWithCustodiesPglite(this.tx, pool, !this.readOnly);
    this.cache?.setPool(pool, read.supply, read.custodies);
    return read;
  }

  lpSupply(pool: PoolId): bigint {
    const entry = this.supplies.get(pool);
    if (!entry) throw new Error(`Pool ${pool} not locked in this transaction.`);
    return entry.supply;
  }

  setLpSupply(pool: PoolId, supply: bigint): void {
    this.supplies.set(pool, { supply, dirty: true });
  }

  /** The custody with interest accrued to now (view). Call `touch` before changing owned/locked/collateral. */
  custody(pool: PoolId, token: TokenId): CustodyRow {
    const entry = this.custodyRows.get(`${pool}:${token}`);
    if (!entry) {
      custodyParams(pool, token);
      throw new Error(`Custody ${pool}/${token} not loaded: lock the pool first.`);
    }
    return entry.row;
  }

  custodies(pool: PoolId): CustodyRow[] {
    return [...this.custodyRows.values()].filter((e) => e.row.pool === pool).map((e) => e.row);
  }

  /** Marks a custody changed by this action: its accrued interest and recomputed rate are written at flush. */
  touch(pool: PoolId, token: TokenId): CustodyRow {
    const entry = this.custodyRows.get(`${pool}:${token}`);
    if (!entry) throw new Error(`Custody ${pool}/${token} not loaded: lock the pool first.`);
    entry.dirty = true;
    return entry.row;
  }

  async aggregate(market: MarketId, side: 'long' | 'short'): Promise<SideAggregateRow> {
    if (!this.aggregates) {
      let rows = this.cache?.aggregates();
      if (!rows) {
        rows = await selectAggregates(this.tx);
        this.cache?.setAggregates(rows);
      }
      this.aggregates = new Map();
      for (const row of rows) this.aggregates.set(`${row.market}:${row.side}`, { row, dirty: false });
    }
    const entry = this.aggregates.get(`${market}:${side}`);
    if (!entry) throw new Error(`No aggregate row for ${market} ${side}.`);
    return entry.row;
  }

  async allAggregates(): Promise<SideAggregateRow[]> {
    await this.aggregate('SOL', 'long');
    return [...(this.aggregates?.values() ?? [])].map((e) => e.row);
  }

  setAggregate(row: SideAggregateRow): void {
    this.aggregates?.set(`${row.market}:${row.side}`, { row, dirty: true });
  }

  /** Mid, low, high of a feed; `ORACLE_STALE` unless `allowStale` (reads) or the feed is manual. */
  feedQuote(feed: FeedId, opts: { allowStale?: boolean } = {}): TokenQuote {
    const mark = this.priceOverrides.get(feed) ?? this.engine.oracle.getPrice(feed);
    if (!mark) {
      if (opts.allowStale) return { price: 0n, low: 0n, high: 0n, publishTime: 0, stale: true };
      throw new EngineError('ORACLE_STALE', `No ${feed} price yet; try again in a few seconds.`);
    }
    const stale =
      !this.engine.oracle.isManual(feed) &&
      isPriceStale({ publishTime: mark.publishTime, nowS: this.nowS, maxAgeS: this.engine.config.maxPriceAgeS });
    if (stale && !opts.allowStale) {
      throw new ProtocolError(
        'ORACLE_STALE',
        `The ${feed} price (${describePrice(mark.price)}) is ${this.nowS - mark.publishTime}s old, over the ${this.engine.config.maxPriceAgeS}s limit; try again when the oracle updates.`,
      );
    }
    const band = priceBand({ price: mark.price, bandBps: FEED_BAND_BPS[feed] });
    return { price: mark.price, low: band.low, high: band.high, publishTime: mark.publishTime, stale };
  }

  /** A token's mid/low/high (USDC is $1 exactly, §1). */
  tokenQuote(token: TokenId, opts: { allowStale?: boolean } = {}): TokenQuote {
    if (token === 'USDC') {
      const one = tokenPrices({ token: 'USDC', price: 0n });
      return { ...one, publishTime: this.nowS, stale: false };
    }
    return this.feedQuote(TOKENS[token].feed, opts);
  }

  /** `MARKET_CLOSED` with the reopening time while an RWALP market is shut (§3). */
  requireMarketOpen(market: MarketId): void {
    const state = marketOpenState(market, this.nowS);
    if (!state.open) {
      const when = state.reopensAt === null ? 'later' : `at ${new Date(state.reopensAt * 1000).toISOString().replace('.000Z', 'Z')}`;
      throw new ProtocolError('MARKET_CLOSED', `The ${market} market is closed; it reopens ${when}.`);
    }
  }

  requireDevnet(what: string): void {
    if (!this.engine.config.devnet) throw new EngineError('DEVNET_DISABLED', `${what} exists only on the local network.`);
  }

  /** From now on, `creditPayout` and `removePosition` are written by `flush` (Engine.keeperSettleMany). */
  deferSettlementWrites(): void {
    this.deferred ??= new DeferredSettlements();
  }

  /** Credits a settlement's payout to the wallet: now, or at `flush` in a keeper batch. */
  async creditPayout(owner: string, token: TokenId, amount: bigint): Promise<void> {
    if (this.deferred) this.deferred.credit(owner, token, amount);
    else await creditBalance(this.tx, owner, token, amount);
  }

  /** Deletes a closed position: now, or at `flush` in a keeper batch. */
  async removePosition(positionId: string): Promise<void> {
    if (this.deferred) this.deferred.remove(positionId);
    else await deletePosition(this.tx, positionId);
  }

  /**
   * The in-memory state now, for `restore`: the pool rows copied (a few dozen), events and deferred writes as
   * lengths. Database writes made meanwhile are not undone (in a keeper batch a settlement makes none).
   */
  checkpoint(): TxCheckpoint {
    return {
      custodies: [...this.custodyRows].map(([k, e]) => [k, { row: { ...e.row }, dirty: e.dirty }]),
      supplies: [...this.supplies].map(([k, e]) => [k, { ...e }]),
      aggregates: this.aggregates && [...this.aggregates].map(([k, e]) => [k, { ...e }]),
      events: this.pendingEvents.length,
      emitted: this.emitted.length,
      deferred: this.deferred?.mark(),
    };
  }

  /** Back to `cp`: custodies, supplies, aggregates, recorded events, announcements and deferred writes. */
  restore(cp: TxCheckpoint): void {
    this.custodyRows.clear();
    for (const [k, e] of cp.custodies) this.custodyRows.set(k, { row: { ...e.row }, dirty: e.dirty });
    this.supplies.clear();
    for (const [k, e] of cp.supplies) this.supplies.set(k, { ...e });
    this.aggregates = cp.aggregates && new Map(cp.aggregates.map(([k, e]) => [k, { ...e }]));
    this.pendingEvents.length = cp.events;
    this.emitted.length = cp.emitted;
    this.emittedState.length = cp.emitted;
    if (cp.deferred) this.deferred?.rewind(cp.deferred);
    else this.deferred = undefined;
  }

  /** Queues a history row; `flush` writes it (every mutating transaction ends with `flush`). */
  recordEvent(e: EventRecord): Promise<void> {
    if (!this.readOnly) this.pendingEvents.push(e);
    return Promise.resolve();
  }

  /** Announces `event` after commit; `state` carries the row it left (the keeper indexes it without a read). */
  emit(event: EngineEvent, state?: EngineChangeState): void {
    this.emitted.push(event);
    this.emittedState.push(state);
  }

  /**
   * Writes touched custodies (rate recomputed from the new utilization), changed supplies and aggregates, and the
   * recorded events, in one statement (store/flush.ts). Every mutating transaction must end with it.
   */
  async flush(): Promise<void> {
    if (this.readOnly) return;
    const custodies: CustodyRow[] = [];
    for (const { row, dirty } of this.custodyRows.values()) {
      if (!dirty) continue;
      const curve = custodyParams(row.pool, row.token).borrow;
      row.rateHourly = borrowRateHourly({ utilizationBps: utilizationBps({ locked: row.locked, owned: row.owned }), ...curve });
      row.lastAccrualS = this.nowS;
      custodies.push(row);
    }
    const supplies = [...this.supplies].filter(([, e]) => e.dirty).map(([pool, { supply }]) => ({ pool, supply }));
    const aggregates = [...(this.aggregates?.values() ?? [])].filter((e) => e.dirty).map((e) => e.row);
    const events = this.pendingEvents.splice(0);
    const { credits, deletes } = this.deferred?.drain() ?? { credits: [], deletes: [] };
    await writeFlush(this.tx, { custodies, supplies, aggregates, events, credits, deletes, nowS: this.nowS });
    // Accumulated (applied in order after commit), should a transaction ever flush twice.
    const prev = this.written;
    this.written = prev
      ? { custodies: [...prev.custodies, ...custodies], supplies: [...prev.supplies, ...supplies], aggregates: [...prev.aggregates, ...aggregates] }
      : { custodies, supplies, aggregates };
    const changed = new Set<PoolId>([...custodies.map((c) => c.pool), ...supplies.map((s) => s.pool)]);
    for (const pool of changed) this.emit({ type: 'pool', pool }, { custodies: custodies.filter((c) => c.pool === pool) });
  }
}
