/**
 * The keeper on chain (protocol.md §6, §7; chain.md; issue 14): it keeps an index of the program's positions and
 * orders from ChainState (decoded accounts, kept current from every commit) and acts on the on-chain prices:
 * - on every price change (the price account's commit, i.e. the price transaction's confirmation) it plans the
 *   markets of the changed feeds: liquidations, stop losses, take profits, then limit-order fills, each checked
 *   exactly as the program will (planner.ts), and sends them several per transaction (batcher.ts, sender.ts);
 * - every `sweepMs` (1 s) it plans every market again at the chain's clock, so a position that borrow fees alone
 *   carry across its liquidation price goes within about a second even when no price moves (a manual or stalled
 *   feed), and re-prices a few of the oldest index entries;
 * - an order the program refuses for a reason that will not change is given up (attempts.ts); settlements always
 *   go before fills, and a new price preempts a pass's fills, so spam orders cannot delay a liquidation.
 * Passes run one at a time; what arrives during one is merged into the next. One leader per database (leader.ts).
 */
import type { Address, TransactionSigner } from '@solana/kit';
import { MARKET_IDS, SIDES, type MarketId, type Side } from '@/lib/math/ids';
import { MARKETS, lockToken } from '@/lib/math/params';
import type { Database } from '@/lib/db/types';
import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import type { StateChange } from '@/lib/chain-runtime/chain-state';
import { AttemptLedger, type AttemptOptions } from './attempts';
import { Batcher, type PreparedSettlement } from './batcher';
import { KeeperBooks, pricingAt, type Pricing } from './books';
import { Leadership } from './leader';
import { planSettlements, type Settlement, type SettlementKind } from './planner';
import { sendBatch, type SettlementOutcome } from './sender';

export interface ChainKeeperOptions {
  /** Clock sweep period (ms). */
  sweepMs?: number;
  /** How often a follower retries the leader lock, and the leader checks it (ms). */
  leaseRetryMs?: number;
  /** Liquidation entries re-priced per sweep (the query band stays narrow). */
  refreshPerSweep?: number;
  /** Receivers derived ahead per sweep and book side, from the positions nearest liquidation. */
  warmPerSweep?: number;
  /** Fills tried per pass at most (the rest wait for the next pass). */
  maxFillsPerPass?: number;
  /** Fill batches in flight at once. */
  fillConcurrency?: number;
  maxItemsPerTransaction?: number;
  attempts?: AttemptOptions;
  /** Wall clock for back-offs (ms). */
  nowMs?: () => number;
  log?: (message: string) => void;
  /** Lock key (tests run several keepers on one database under their own key). */
  lockKey?: number;
}

export type PassReason = 'start' | 'price' | 'sweep';

export interface PassStats {
  reason: PassReason;
  markets: number;
  /** Index entries looked at. */
  examined: number;
  settlements: number;
  fills: number;
  /** Planning only (the per-tick cost when nothing is crossed), µs. */
  planUs: number;
  /** performance.now() at the start and end of the pass, and when its last settlement was confirmed. */
  startedAtMs: number;
  endedAtMs: number;
  settledAtMs?: number;
  /** Building the settlements' instructions (receiver lookups), ms. */
  prepareMs?: number;
  preempted: boolean;
}

export interface KeeperActionRecord {
  /** 1, 2, … in the order recorded. */
  seq: number;
  kind: SettlementKind;
  address: Address;
  ok: boolean;
  code?: string;
  signature?: string;
}

export interface ChainKeeperStats {
  passes: number;
  transactions: number;
  simulations: number;
  settled: Record<SettlementKind, number>;
  refused: number;
  /** Orders given up (until their account changes). */
  gaveUp: number;
  /** Positions and orders in the index. */
  indexed: number;
  lastPass?: PassStats;
  /** The last pass a price change started. */
  lastPricePass?: PassStats;
  /** performance.now() of the last confirmed keeper transaction. */
  lastConfirmedAtMs?: number;
}

const emptySettled = (): Record<SettlementKind, number> => ({ liquidation: 0, takeProfit: 0, stopLoss: 0, fill: 0 });

export class ChainKeeper {
  readonly books: KeeperBooks;
  readonly attempts: AttemptLedger;
  /** The last 500 outcomes, oldest first. */
  readonly actions: KeeperActionRecord[] = [];
  private actionSeq = 0;
  private readonly batcher: Batcher;
  private readonly keeper: TransactionSigner;
  private readonly leadership: Leadership;
  private readonly o: Required<Omit<ChainKeeperOptions, 'attempts' | 'lockKey'>>;
  private readonly counters = { passes: 0, transactions: 0, simulations: 0, refused: 0, settled: emptySettled() };
  private lastPass: PassStats | undefined;
  private lastPricePass: PassStats | undefined;
  private lastConfirmedAtMs: number | undefined;
  private readonly dirty = new Set<MarketId>();
  private dirtyReason: PassReason | undefined;
  private running: Promise<void> | null = null;
  private scheduled = false;
  private preempt = false;
  private unsubscribe: (() => void) | undefined;
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    private readonly runtime: ChainRuntime,
    db: Database,
    options: ChainKeeperOptions = {},
  ) {
    this.o = {
      sweepMs: options.sweepMs ?? 1_000,
      leaseRetryMs: options.leaseRetryMs ?? 5_000,
      refreshPerSweep: options.refreshPerSweep ?? 128,
      warmPerSweep: options.warmPerSweep ?? 16,
      maxFillsPerPass: options.maxFillsPerPass ?? 64,
      fillConcurrency: options.fillConcurrency ?? 2,
      maxItemsPerTransaction: options.maxItemsPerTransaction ?? 16,
      nowMs: options.nowMs ?? Date.now,
      log: options.log ?? ((m) => console.warn(`[keeper] ${m}`)),
    };
    const keeper = runtime.keys.keeper as TransactionSigner | undefined;
    if (!keeper) throw new Error('the chain runtime has no keeper key');
    this.keeper = keeper;
    this.books = new KeeperBooks(runtime.ids);
    this.attempts = new AttemptLedger(options.attempts);
    this.batcher = new Batcher({ addresses: runtime.addresses, keeper, client: runtime.client, maxItemsPerTransaction: this.o.maxItemsPerTransaction });
    this.leadership = new Leadership(db, { lead: () => this.activate(), step: () => this.deactivate() }, { key: options.lockKey, retryMs: this.o.leaseRetryMs, log: this.o.log });
  }

  get isLeader(): boolean {
    return this.leadership.isLeader;
  }

  /** The sequence number of the last recorded action (0: none yet). */
  get lastActionSeq(): number {
    return this.actionSeq;
  }

  get stats(): ChainKeeperStats {
    return {
      passes: this.counters.passes,
      transactions: this.counters.transactions,
      simulations: this.counters.simulations,
      settled: { ...this.counters.settled },
      refused: this.counters.refused,
      gaveUp: this.attempts.gaveUp,
      indexed: this.books.size,
      lastPass: this.lastPass,
      lastPricePass: this.lastPricePass,
      lastConfirmedAtMs: this.lastConfirmedAtMs,
    };
  }

  /** Competes for the lead; a process without a keeper key of its own (`runtime.keeperEnabled` false) never leads. */
  start(): Promise<void> {
    if (this.runtime.keeperEnabled === false) {
      this.o.log('no keeper key in this process (KEEPER_KEYPAIR): not competing for the keeper lead');
      return Promise.resolve();
    }
    return this.leadership.start();
  }

  async stop(): Promise<void> {
    await this.leadership.stop();
    await this.running?.catch(() => undefined);
  }

  /** Resolves when no pass is running or due (tests and the bench). */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.running) await this.running.catch(() => undefined);
      else if (this.scheduled || this.dirty.size > 0) await new Promise((r) => setImmediate(r));
      else return;
    }
  }

  /** Plans (and sends) the given markets now, as a price change would. */
  poke(markets: readonly MarketId[] = MARKET_IDS, reason: PassReason = 'price'): void {
    this.schedule(markets, reason);
  }

  // ---- leading ----

  private async activate(): Promise<void> {
    const state = this.runtime.state;
    const started = performance.now();
    this.books.load(state.positions, state.orders, pricingAt(this.runtime.snapshot()));
    this.o.log(`leading: ${this.books.positions.size} positions and ${this.books.orders.size} orders indexed in ${Math.round(performance.now() - started)} ms`);
    this.unsubscribe = state.onChange((changes) => this.onChanges(changes));
    const sweep = setInterval(() => this.sweep(), this.o.sweepMs);
    sweep.unref?.();
    const rescan = setInterval(() => this.books.rescanBounds(), 60_000);
    rescan.unref?.();
    this.timers.push(sweep, rescan);
    // Whatever crossed while no keeper ran.
    this.schedule(MARKET_IDS, 'start');
  }

  private deactivate(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const t of this.timers.splice(0)) clearInterval(t);
    this.dirty.clear();
    this.books.clear();
    this.attempts.clear();
  }

  // ---- the index, from the chain's commits ----

  private onChanges(changes: readonly StateChange[]): void {
    try {
      let pricing: Pricing | undefined;
      const pricingNow = () => (pricing ??= pricingAt(this.runtime.snapshot()));
      const priced = new Set<MarketId>();
      for (const c of changes) {
        if (c.kind === 'position') {
          this.attempts.forget(c.address);
          if (c.position) {
            this.books.setPosition(c.address, c.position, pricingNow());
            this.warm(c.position.owner, c.position.market, c.position.state.side);
          } else this.books.deletePosition(c.address);
          // The owner's own position bounds what their orders may add (POSITION_TOO_LARGE): try them again.
          const p = c.position ?? c.previous;
          if (p) this.reviveOrders(p.owner, p.market);
        } else if (c.kind === 'order') {
          this.attempts.forget(c.address);
          if (c.order) this.books.setOrder(c.address, c.order);
          else this.books.deleteOrder(c.address);
        } else if (c.kind === 'price') {
          const feed = this.runtime.ids.feed(c.address);
          if (feed) for (const m of MARKET_IDS) if (MARKETS[m].feed === feed) priced.add(m);
        }
      }
      if (priced.size > 0) this.schedule([...priced], 'price');
    } catch (e) {
      this.o.log(`index update failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private reviveOrders(owner: Address, market: Address): void {
    for (const [address, o] of this.runtime.state.ownedBy(owner).orders) if (o.market === market) this.attempts.forget(address);
  }

  private warm(owner: Address, market: Address, side: Side): void {
    const m = this.runtime.ids.market(market);
    if (m) this.batcher.warmReceiver(owner, this.runtime.addresses.mints[lockToken(m, side)]);
  }

  private sweep(): void {
    try {
      const pricing = pricingAt(this.runtime.snapshot());
      this.books.refresh(pricing, this.o.refreshPerSweep);
      // The receivers of the positions nearest liquidation, derived ahead (those indexed at start first).
      for (const m of MARKET_IDS) {
        for (const side of SIDES) {
          for (const e of this.books.liquidations(m, side).mostEndangered(this.o.warmPerSweep)) {
            const t = this.books.positions.get(e.key as Address);
            if (t) this.warm(t.account.owner, t.account.market, side);
          }
        }
      }
    } catch (e) {
      this.o.log(`refresh failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.schedule(MARKET_IDS, 'sweep');
  }

  // ---- passes ----

  private schedule(markets: readonly MarketId[], reason: PassReason): void {
    if (!this.isLeader) return;
    for (const m of markets) this.dirty.add(m);
    if (this.dirtyReason !== 'price' && this.dirtyReason !== 'start') this.dirtyReason = reason;
    if (reason === 'price' && this.running) this.preempt = true;
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running ??= this.drain().finally(() => {
        this.running = null;
        if (this.dirty.size > 0) this.schedule([], this.dirtyReason ?? 'sweep');
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.dirty.size > 0 && this.isLeader) {
      const markets = [...this.dirty];
      const reason = this.dirtyReason ?? 'sweep';
      this.dirty.clear();
      this.dirtyReason = undefined;
      this.preempt = false;
      try {
        await this.pass(markets, reason);
      } catch (e) {
        this.o.log(`pass failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  private async pass(markets: readonly MarketId[], reason: PassReason): Promise<void> {
    const startedAtMs = performance.now();
    const snapshot = this.runtime.snapshot();
    const nowMs = this.o.nowMs();
    const plan = planSettlements({
      books: this.books,
      snapshot,
      pricing: pricingAt(snapshot),
      markets,
      allowed: (s) => this.attempts.canTry(s.address, s.kind, nowMs),
    });
    const planUs = (performance.now() - startedAtMs) * 1000;
    const stats: PassStats = {
      reason,
      markets: markets.length,
      examined: plan.examined,
      settlements: plan.settlements.length,
      fills: plan.fills.length,
      planUs,
      startedAtMs,
      endedAtMs: startedAtMs,
      preempted: false,
    };
    this.counters.passes += 1;
    if (plan.settlements.length > 0) {
      // Every settlement batch at once: they touch disjoint positions, and the chain commits them together.
      const prepared = await Promise.all(plan.settlements.map((s) => this.batcher.prepare(s)));
      stats.prepareMs = performance.now() - startedAtMs - planUs / 1000;
      await Promise.all(this.batcher.pack(prepared).map((b) => this.send(b, true)));
      stats.settledAtMs = performance.now();
    }
    const fills = plan.fills.slice(0, this.o.maxFillsPerPass);
    if (plan.fills.length > fills.length) for (const s of plan.fills.slice(fills.length)) this.dirty.add(s.market);
    if (fills.length > 0) stats.preempted = await this.fill(fills);
    stats.endedAtMs = performance.now();
    this.lastPass = stats;
    if (reason === 'price') this.lastPricePass = stats;
  }

  /** Fills after the settlements, a few batches at a time; stops early (true) when a new price arrives. */
  private async fill(fills: readonly Settlement[]): Promise<boolean> {
    const prepared = await Promise.all(fills.map((s) => this.batcher.prepare(s)));
    const batches = this.batcher.pack(prepared);
    for (let i = 0; i < batches.length; i += this.o.fillConcurrency) {
      if (this.preempt) {
        for (const b of batches.slice(i)) for (const p of b) this.dirty.add(p.settlement.market);
        return true;
      }
      await Promise.all(batches.slice(i, i + this.o.fillConcurrency).map((b) => this.send(b)));
    }
    return false;
  }

  private async send(batch: readonly PreparedSettlement[], optimistic = false): Promise<void> {
    let outcomes: SettlementOutcome[];
    try {
      outcomes = await sendBatch(
        {
          client: this.runtime.client,
          batcher: this.batcher,
          keeper: this.keeper,
          programId: this.runtime.addresses.programId,
          onSimulated: () => (this.counters.simulations += 1),
          onSent: () => {
            this.counters.transactions += 1;
            this.lastConfirmedAtMs = performance.now();
          },
        },
        batch,
        { optimistic },
      );
    } catch (e) {
      const code = `ERROR: ${e instanceof Error ? e.message : String(e)}`;
      outcomes = batch.map((p) => ({ settlement: p.settlement, ok: false, code }));
    }
    for (const o of outcomes) this.record(o);
  }

  private record(o: SettlementOutcome): void {
    const { kind, address } = o.settlement;
    if (o.ok) {
      this.counters.settled[kind] += 1;
      this.attempts.succeeded(address, kind);
    } else {
      this.counters.refused += 1;
      const verdict = this.attempts.failed(address, kind, o.code ?? 'UNKNOWN', this.o.nowMs());
      if (kind !== 'fill') this.o.log(`${kind} of ${address} refused (${o.code}); ${verdict}`);
    }
    this.actions.push({ seq: ++this.actionSeq, kind, address, ok: o.ok, code: o.code, signature: o.signature });
    if (this.actions.length > 500) this.actions.splice(0, this.actions.length - 500);
  }
}
