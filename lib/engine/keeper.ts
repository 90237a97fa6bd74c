import type { Database, SessionLock } from '@/lib/db/types';
import type { FeedId, MarketId } from '@/lib/math/ids';
import { MARKET_IDS } from '@/lib/math/ids';
import { MARKETS } from '@/lib/math/params';
import { isProtocolError } from '@/lib/math/errors';
import type { Oracle, OraclePrice } from '@/lib/oracle/types';
import type { Engine } from './engine';
import type { KeeperSettleItem, KeeperSettleOutcome } from './actions/keeper-settle';
import type { EngineChangeState, EngineEvent } from './event-bus';
import { KeeperIndex } from './keeper-index';
import { marketOpenState } from './market-state';
import { selectOrders, selectPositions } from './store/positions';
import { recordLpSnapshots } from './lp-snapshots';

export interface KeeperOptions {
  /** Borrow-fee projection of the liquidation index (s). */
  horizonS?: number;
  /** Full index rebuild period (ms); must be well under the horizon. */
  rebuildEveryMs?: number;
  /** How often a follower retries the leader lock (ms). */
  leaseRetryMs?: number;
  snapshotEveryMs?: number;
  log?: (message: string) => void;
}

export interface KeeperActionRecord {
  kind: 'liquidation' | 'takeProfit' | 'stopLoss' | 'order';
  id: string;
  ok: boolean;
  error?: string;
}

/**
 * Settlements per batch transaction: its one flush binds about 14 parameters per settled position (PostgreSQL
 * allows 65,535), and on PostgreSQL the batch holds its pool's lock while it runs.
 */
const SETTLE_BATCH_MAX = 500;

/** The keeper lease: one advisory lock key for the whole database. */
export const KEEPER_LOCK_KEY = 7_346_003;

/**
 * The keeper (§6, §7): on every oracle update it liquidates, executes TP/SL and fills limit orders whose trigger
 * the update crossed, each in its own engine transaction at that update's price. Work runs on one serial queue
 * (index refreshes, rebuilds and passes never overlap; updates that arrive during a pass are merged into the next).
 * With PostgreSQL only the holder of a session advisory lock runs; the others retry and take over if it dies.
 * It also records an lp_snapshots row per pool each minute.
 */
export class Keeper {
  readonly index: KeeperIndex;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = new Map<FeedId, OraclePrice>();
  private passScheduled = false;
  private leader = false;
  private stopped = true;
  private lock: SessionLock | undefined;
  private lastSyncS: number | undefined;
  private readonly unsubscribers: (() => void)[] = [];
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private leaseTimer: ReturnType<typeof setTimeout> | undefined;
  readonly actions: KeeperActionRecord[] = [];
  private readonly opts: Required<KeeperOptions>;

  constructor(private readonly deps: { engine: Engine; db: Database; oracle: Oracle }, options: KeeperOptions = {}) {
    this.opts = {
      horizonS: options.horizonS ?? 600,
      rebuildEveryMs: options.rebuildEveryMs ?? 60_000,
      leaseRetryMs: options.leaseRetryMs ?? 5_000,
      snapshotEveryMs: options.snapshotEveryMs ?? 60_000,
      log: options.log ?? ((m) => console.warn(`[keeper] ${m}`)),
    };
    this.index = new KeeperIndex(this.opts.horizonS);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.tryLead();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.leaseTimer) clearTimeout(this.leaseTimer);
    this.deactivate();
    await this.queue.catch(() => undefined);
    await this.lock?.release();
    this.lock = undefined;
  }

  /** Resolves when every queued refresh and pass has run (tests poll on state, this just helps them). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const q = this.queue;
      await q.catch(() => undefined);
      if (q === this.queue && !this.passScheduled) return;
    }
  }

  /** Queues a pass on these prices (what an oracle update does). */
  onPrices(updated: readonly OraclePrice[]): void {
    if (!this.leader) return;
    for (const p of updated) this.pending.set(p.feed, p);
    if (this.passScheduled) return;
    this.passScheduled = true;
    this.enqueue(async () => {
      this.passScheduled = false;
      const prices = [...this.pending.values()];
      this.pending = new Map();
      await this.pass(prices);
    });
  }

  /** Rebuilds the index from the database (start, periodically, after clock jumps). */
  rebuild(): Promise<void> {
    return this.enqueue(() => this.index.rebuild(this.deps.db.sql, this.deps.engine.clock.nowS()));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch((e: unknown) => this.opts.log(`task failed: ${e instanceof Error ? e.message : String(e)}`));
    return run;
  }

  private async tryLead(): Promise<void> {
    if (this.stopped) return;
    const acquire = this.deps.db.acquireSessionLock?.bind(this.deps.db);
    if (!acquire) {
      await this.activate();
      return;
    }
    try {
      this.lock = await acquire(KEEPER_LOCK_KEY);
    } catch (e) {
      this.opts.log(`lease attempt failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (this.lock) {
      const lock = this.lock;
      void lock.lost.then(() => {
        if (this.lock !== lock) return;
        this.lock = undefined;
        this.deactivate();
        void lock.release();
        this.scheduleLease();
      });
      await this.activate();
    } else {
      this.scheduleLease();
    }
  }

  private scheduleLease(): void {
    if (this.stopped) return;
    this.leaseTimer = setTimeout(() => void this.tryLead(), this.opts.leaseRetryMs);
    this.leaseTimer.unref?.();
  }

  private async activate(): Promise<void> {
    this.leader = true;
    const { engine, oracle } = this.deps;
    this.unsubscribers.push(oracle.subscribe((updated) => this.onPrices(updated)));
    this.unsubscribers.push(engine.onChange((event, state) => void this.enqueue(() => this.refresh(event, state))));
    this.unsubscribers.push(engine.onClockAdvanced(() => void this.rebuild()));
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref?.();
      this.timers.push(t);
    };
    every(this.opts.rebuildEveryMs, () => void this.rebuild());
    const lease = this.lock;
    if (lease) every(this.opts.leaseRetryMs, () => void lease.check());
    every(this.opts.snapshotEveryMs, () => void this.snapshot());
    await this.rebuild();
    void this.snapshot();
    // Act on the prices as they are now (something may have crossed while no keeper ran).
    this.onPrices(oracle.getAll());
  }

  private deactivate(): void {
    this.leader = false;
    for (const u of this.unsubscribers.splice(0)) u();
    for (const t of this.timers.splice(0)) clearInterval(t);
    for (const b of this.index.books.values()) b.clear();
  }

  private snapshot(): Promise<void> {
    return recordLpSnapshots(this.deps.engine).catch((e: unknown) => this.opts.log(`snapshot failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /**
   * Applies one committed change to the index: from the row the engine carried with the event (no read; what every
   * action of this instance provides), else by reading it back.
   */
  private async refresh(event: EngineEvent, state: EngineChangeState | undefined): Promise<void> {
    const sql = this.deps.db.sql;
    if (event.type === 'position') {
      const row = state?.position !== undefined ? state.position : (await selectPositions(sql, 'id = $1', [event.positionId]))[0];
      if (row) this.index.setPosition(row);
      else this.index.deletePosition(event.market, event.positionId);
    } else if (event.type === 'order') {
      const row = state?.order !== undefined ? state.order : (await selectOrders(sql, 'id = $1', [event.orderId]))[0];
      if (row) this.index.setOrder(row);
      else this.index.deleteOrder(event.market, event.orderId);
    } else if (state?.custodies) {
      this.index.updateCustodies(state.custodies, this.deps.engine.clock.nowS());
    } else {
      await this.index.loadCustodies(sql, this.deps.engine.clock.nowS());
    }
  }

  /**
   * PostgreSQL with several instances: positions and orders written by another instance reach this index through
   * an incremental read of rows changed since the last pass (by `updated_at` / `created_at`, with a margin for
   * clock skew); rows deleted elsewhere drop out when their attempt answers NOT_FOUND.
   */
  private async syncChangedRows(): Promise<void> {
    if (this.deps.db.kind !== 'postgres') return;
    const nowS = this.deps.engine.clock.nowS();
    const sinceS = (this.lastSyncS ?? nowS) - 5;
    this.lastSyncS = nowS;
    const sql = this.deps.db.sql;
    for (const p of await selectPositions(sql, 'updated_at >= $1', [sinceS])) this.index.setPosition(p);
    for (const o of await selectOrders(sql, 'created_at >= $1', [sinceS])) this.index.setOrder(o);
  }

  /**
   * One pass: for each updated feed, the entries of its markets that the update crosses. The position
   * settlements (liquidations first, then TP / SL) run in batch transactions (`SETTLE_BATCH_MAX`) at the update's prices
   * (`Engine.keeperSettleMany`; if the batch fails as a whole, each is retried alone), then limit orders fill,
   * each in its own transaction: settlements first release locked liquidity, as GMX's keepers order them.
   */
  private async pass(prices: readonly OraclePrice[]): Promise<void> {
    const { engine } = this.deps;
    await this.syncChangedRows();
    const settled = new Set<string>();
    for (const update of prices) {
      for (const market of MARKET_IDS) {
        if (MARKETS[market].feed !== update.feed) continue;
        if (!marketOpenState(market, engine.clock.nowS()).open) continue;
        const crossed = this.index.book(market).crossed(update.price);
        const items: KeeperSettleItem[] = [];
        for (const entry of crossed) {
          // Per (position, reason): a liquidation entry is projected early on purpose and may be refused, and the
          // position's stop loss (next in the batch) must still be tried; once a position is settled, the batch
          // answers NOT_FOUND for its other entries.
          const key = `p:${entry.id}:${entry.kind}`;
          if (entry.kind === 'order' || settled.has(key)) continue;
          settled.add(key);
          items.push({ positionId: entry.id, reason: entry.kind });
        }
        for (let i = 0; i < items.length; i += SETTLE_BATCH_MAX) await this.settle(market, items.slice(i, i + SETTLE_BATCH_MAX), update);
        for (const entry of crossed) {
          if (entry.kind !== 'order' || settled.has(`o:${entry.id}`)) continue;
          await this.attempt(market, { kind: 'order', id: entry.id }, () => engine.keeperFill(entry.id, [update]));
          settled.add(`o:${entry.id}`);
        }
      }
    }
  }

  private async settle(market: MarketId, items: KeeperSettleItem[], update: OraclePrice): Promise<void> {
    const { engine } = this.deps;
    let outcomes: KeeperSettleOutcome[];
    try {
      outcomes = await engine.keeperSettleMany(items, [update]);
    } catch (e) {
      this.opts.log(`batch of ${items.length} settlements failed, retrying each alone: ${e instanceof Error ? e.message : String(e)}`);
      for (const item of items) {
        await this.attempt(market, { kind: item.reason, id: item.positionId }, () => engine.keeperSettle(item.positionId, item.reason, [update]));
      }
      return;
    }
    outcomes.forEach((outcome, i) => {
      const kind = items[i]?.reason ?? 'liquidation';
      this.record(market, { kind, id: outcome.positionId, ok: outcome.ok }, outcome.ok ? undefined : outcome.error);
    });
  }

  /** Runs one keeper transaction and records its outcome. */
  private async attempt(market: MarketId, record: Omit<KeeperActionRecord, 'ok'>, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
      this.record(market, { ...record, ok: true });
    } catch (e) {
      this.record(market, { ...record, ok: false }, e);
    }
  }

  /** Keeps the last 200 outcomes; an entry whose row is gone (NOT_FOUND) leaves the index. */
  private record(market: MarketId, record: KeeperActionRecord, error?: unknown): void {
    if (!record.ok) {
      record.error = error instanceof Error ? error.message : String(error);
      if (isProtocolError(error) && error.code === 'NOT_FOUND') {
        if (record.kind === 'order') this.index.deleteOrder(market, record.id);
        else this.index.deletePosition(market, record.id);
      }
    }
    this.actions.push(record);
    if (this.actions.length > 200) this.actions.splice(0, this.actions.length - 200);
  }
}
