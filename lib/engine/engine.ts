import type { Database, SqlClient } from '@/lib/db/types';
import type { FeedId } from '@/lib/math/ids';
import type { Oracle, OraclePrice } from '@/lib/oracle/types';
import type { ActionRequest, QuoteOpenParams } from './action-params';
import { EngineClock } from './clock';
import { EngineEventBus, type EngineChangeListener } from './event-bus';
import { isProtocolError } from '@/lib/math/errors';
import { keeperSettleBatch, type KeeperSettleItem, type KeeperSettleOutcome, type KeeperSettleReason } from './actions/keeper-settle';
import { fillOrder } from './actions/orders';
import type {
  CloseResultView,
  PositionView,
  AccountView,
  ActionResult,
  HealthView,
  HistoryEventView,
  MarketView,
  OpenQuoteView,
  PoolView,
} from './views';
import { runAction } from './actions/index';
import { TxContext } from './tx-context';
import { PoolStateCache } from './pool-state-cache';
import { EngineError, isEngineError } from './errors';
import { insertNonce } from './store/nonces';
import { readAccount, readHistory, readMarkets, readPools, quoteOpen } from './reads/index';
import { ensureGenesis } from './genesis';
import { readLpHistory, type LpHistoryPointView } from './reads/lp-history';
import type { PoolId } from '@/lib/math/ids';

/** Resolves after the event loop has served pending I/O (one `setImmediate` turn). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface EngineConfig {
  /** The local network: faucet and dev controls on, genesis balances minted. */
  devnet: boolean;
  maxPriceAgeS: number;
}

export interface EngineDeps {
  db: Database;
  oracle: Oracle;
  /** An `EngineClock` keeps its offset in the database; any other `Clock` (tests) is used as is. */
  clock: EngineClock | { nowMs(): number; nowS(): number };
  config: EngineConfig;
}

/**
 * The pool program (protocol.md): every action is one database transaction that locks the pool row, accrues
 * borrow interest on the custodies it touches, validates with lib/math, writes, records events and consumes the
 * nonce. A refused action throws (`ProtocolError` or `EngineError`) and changes nothing.
 */
export class Engine {
  readonly db: Database;
  readonly oracle: Oracle;
  readonly clock: EngineDeps['clock'];
  readonly config: EngineConfig;
  readonly events = new EngineEventBus();
  /** Called after each committed change to positions/orders (the keeper's index listens). */
  private readonly changeListeners = new Set<EngineChangeListener>();
  private readonly clockListeners = new Set<() => void>();
  /** PGlite: the committed pool state (PoolStateCache); undefined on PostgreSQL. */
  private readonly cache: PoolStateCache | undefined;
  /** PGlite: the tail of the engine's transactions, run one after another (see `exclusive`). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(deps: EngineDeps) {
    this.db = deps.db;
    this.oracle = deps.oracle;
    this.clock = deps.clock;
    this.config = deps.config;
    this.cache = deps.db.kind === 'pglite' ? new PoolStateCache() : undefined;
  }

  /** Loads the clock offset and writes genesis on an empty database (idempotent, safe for two instances). */
  async init(): Promise<void> {
    await this.exclusive(async () => {
      this.cache?.clear();
      await this.db.transaction(async (tx) => {
        await this.syncClock(tx);
        await ensureGenesis(tx, { devnet: this.config.devnet, nowS: this.clock.nowS(), kind: this.db.kind });
      });
    });
  }

  /** For scripts that write pools, custodies or aggregates with SQL behind the engine's back (bench/seed.ts). */
  forgetCachedState(): void {
    this.cache?.clear();
  }

  async execute(request: ActionRequest): Promise<ActionResult> {
    return this.inTx((ctx) => runAction(ctx, request), { nonce: { owner: request.owner, nonce: request.nonce } });
  }

  /**
   * Exactly what opening would do now (the same code as `openPosition`), in a transaction that is rolled back.
   * With `owner`, an existing position on that market and side is increased (liquidation price of the result).
   */
  async quoteOpen(params: QuoteOpenParams, owner?: string): Promise<OpenQuoteView> {
    return this.readTx((ctx) => quoteOpen(ctx, params, owner));
  }

  getMarkets(): Promise<MarketView[]> {
    return this.readTx((ctx) => readMarkets(ctx));
  }

  getPools(): Promise<PoolView[]> {
    return this.readTx((ctx) => readPools(ctx));
  }

  getAccount(owner: string): Promise<AccountView> {
    return this.readTx((ctx) => readAccount(ctx, owner));
  }

  getHistory(owner: string, limit = 200): Promise<HistoryEventView[]> {
    return this.readTx((ctx) => readHistory(ctx, owner, limit));
  }

  /** LP price history of a pool (lp_snapshots, one a minute), oldest first, thinned to at most `limit` points. */
  getLpHistory(pool: PoolId, limit = 500): Promise<LpHistoryPointView[]> {
    return readLpHistory(this.db.sql, pool, limit);
  }

  async getHealth(): Promise<HealthView> {
    const nowS = this.clock.nowS();
    const stale = this.oracle
      .getAll()
      .some((p) => !this.oracle.isManual(p.feed) && p.publishTime < nowS - this.config.maxPriceAgeS);
    await this.db.sql.query('SELECT 1');
    return { ok: true, oracle: { mode: this.oracle.mode(), stale }, db: this.db.kind, devnet: this.config.devnet, nowS };
  }

  /** Dev control: sets manual prices stamped with the engine clock; the keeper reacts through the oracle. */
  async setPrices(prices: Partial<Record<FeedId, bigint>>): Promise<readonly OraclePrice[]> {
    if (this.clock instanceof EngineClock) await this.clock.syncInTx(this.db.sql);
    return this.oracle.setManualPrices(prices, this.clock.nowS());
  }

  /** Dev control: moves the engine clock forward (persisted; borrow fees accrue). Returns the new now. */
  async advanceClock(seconds: number): Promise<{ offsetS: number; nowS: number }> {
    const clock = this.clock;
    if (!(clock instanceof EngineClock)) throw new Error('This engine runs on a fixed test clock.');
    const offsetS = await this.db.transaction((tx) => clock.advanceInTx(tx, seconds));
    for (const l of this.clockListeners) l();
    return { offsetS, nowS: clock.nowS() };
  }

  /**
   * Keeper actions (no nonce, no owner check), each its own transaction at the prices of the update that
   * triggered it (§7): liquidation, a take profit or stop loss (whole close at the exit fee), a limit order fill.
   * A single settlement is a batch of one (`keeperSettleMany`); its refusal is thrown.
   */
  async keeperSettle(positionId: string, reason: KeeperSettleReason, prices: readonly OraclePrice[]): Promise<CloseResultView> {
    const [outcome] = await this.keeperSettleMany([{ positionId, reason }], prices);
    if (!outcome?.ok) throw outcome?.error ?? new Error('keeper settlement produced no outcome');
    return outcome.result;
  }

  /**
   * Keeper: the settlements one price update triggers, in ONE transaction at its prices (what lets a keeper act
   * on a hundred crossed positions within one update; GMX's keepers batch a block's liquidations likewise): pools
   * locked once, rows read in one statement, each checked exactly as `keeperSettle` does, a refused one undone
   * alone and reported in its outcome (actions/keeper-settle.ts). Any other error rolls the batch back and throws.
   */
  keeperSettleMany(items: readonly KeeperSettleItem[], prices: readonly OraclePrice[]): Promise<KeeperSettleOutcome[]> {
    return this.inTx(async (ctx) => {
      ctx.usePrices(prices);
      return keeperSettleBatch(ctx, items);
    });
  }

  keeperFill(orderId: string, prices: readonly OraclePrice[]): Promise<PositionView> {
    return this.inTx(async (ctx) => {
      ctx.usePrices(prices);
      const position = await fillOrder(ctx, orderId);
      await ctx.flush();
      return position;
    });
  }

  /** Subscribes to clock jumps (`advanceClock`): borrow fees jump with them, so the keeper re-indexes. */
  onClockAdvanced(listener: () => void): () => void {
    this.clockListeners.add(listener);
    return () => this.clockListeners.delete(listener);
  }

  /** Internal hook for the keeper index: every committed engine event, with the rows it left behind. */
  onChange(listener: EngineChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Runs `fn` as one engine transaction and, after commit, announces its events. With `nonce` (a signed action),
   * the nonce is consumed first, in the same statement that reads the clock offset (`consumeNonceInTx`).
   */
  async inTx<T>(fn: (ctx: TxContext) => Promise<T>, opts: { nonce?: { owner: string; nonce: string } } = {}): Promise<T> {
    let ctx: TxContext | undefined;
    const result = await this.exclusive(async () => {
      const value = await this.db.transaction(async (tx) => {
        if (opts.nonce) await this.consumeNonce(tx, opts.nonce.owner, opts.nonce.nonce);
        else await this.syncClock(tx);
        ctx = new TxContext(tx, this, { cache: this.cache });
        return fn(ctx);
      });
      if (ctx?.written) this.cache?.apply(ctx.written);
      return value;
    });
    const emitted = ctx?.emitted ?? [];
    emitted.forEach((event, i) => {
      for (const l of this.changeListeners) l(event, ctx?.emittedState[i]);
    });
    this.events.emit(emitted);
    return result;
  }

  private readTx<T>(fn: (ctx: TxContext) => Promise<T>): Promise<T> {
    const rollback = Symbol('rollback');
    return this.exclusive(async () => {
      let out: { value: T } | undefined;
      try {
        await this.db.transaction(async (tx) => {
          await this.syncClock(tx);
          out = { value: await fn(new TxContext(tx, this, { readOnly: true, cache: this.cache })) };
          throw rollback;
        });
      } catch (error) {
        if (error !== rollback) throw error;
      }
      if (!out) throw new Error('read transaction produced nothing');
      return out.value;
    });
  }

  /**
   * PGlite: runs `fn` after every engine transaction queued before it, so that a commit's writes reach the cache
   * before the next transaction reads it (PGlite runs one transaction at a time anyway; this only keeps the
   * cache's update inside that order). An unexpected failure forgets the cache. PostgreSQL: runs `fn` at once.
   *
   * Each transaction first yields to the event loop. PGlite's statements resolve as microtasks, so without the
   * yield queued transactions run back to back and starve I/O: requests that arrive meanwhile are read only when
   * the queue is empty, then run as one batch, and under load a request waits up to two batches (p95 ≈ 2 × p50).
   * With it, requests enter the queue in arrival order (p95 ≈ p50).
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const cache = this.cache;
    if (!cache) return fn();
    const run = this.tail.then(yieldToEventLoop, yieldToEventLoop).then(fn).catch((error: unknown) => {
      if (!isProtocolError(error) && !isEngineError(error)) cache.clear();
      throw error;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async consumeNonce(tx: SqlClient, owner: string, nonce: string): Promise<void> {
    const clock = this.clock;
    const fresh = clock instanceof EngineClock ? await clock.consumeNonceInTx(tx, owner, nonce) : await insertNonce(tx, owner, nonce, clock.nowS());
    if (!fresh) throw new EngineError('NONCE_REUSED', 'This signed request was already used; sign a new one.');
  }

  private async syncClock(tx: Parameters<Parameters<Database['transaction']>[0]>[0]): Promise<void> {
    if (this.clock instanceof EngineClock) await this.clock.syncInTx(tx);
  }
}
