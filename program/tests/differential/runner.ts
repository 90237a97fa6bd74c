/**
 * One differential run: a fresh chain and the model seeded from it. Each step applies an action to both, then
 * compares, to the unit: the outcome (ok, or the same error code), the events (positions opened and closed with
 * their liquidation prices, payouts, borrow fees, LP minted and burnt, AUM), the whole state (`views.ts`), and the
 * pools' AUM, supply and LP price as QueryPool answers them.
 */
import { expect } from 'vitest';
import { POOL_IDS, type PoolId } from '@/lib/math/ids';
import { MARKETS } from '@/lib/math/params';
import type { ProgramEvent } from '@/lib/chain/events';
import { Chain, type Base } from './harness';
import { applyAction, queryPool, type Action, type Outcome } from './model';
import type { Book, ModelState } from './model-state';
import { execute } from './chain-actions';
import { chainView, modelView, seedModel, type Scope } from './views';
import { ORDER_SLOTS, orderKey, positionKey } from './harness';
import { knownDiscrepancy } from './known';

export function show(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

export interface StepResult {
  outcome: Outcome;
  logs: string[];
  computeUnits: bigint;
}

export class Run {
  readonly chain: Chain;
  readonly book: Book;
  model: ModelState;
  readonly history: Action[] = [];
  /** Outcome counts by action kind and code, for the report. */
  readonly tally = new Map<string, number>();

  constructor(base: Base) {
    this.chain = new Chain(base);
    this.book = { addresses: base.addresses, positions: base.positions, orders: base.orders };
    this.model = seedModel(this.chain);
  }

  /** Every `fullEvery` steps (and in `finish`) the whole state is compared; in between, what the step can touch. */
  fullEvery = 8;

  /**
   * Applies `action` to the model and the program and compares everything after it. A known discrepancy
   * (known.ts) is skipped and counted, unless `allowKnown`. Returns what the program did (undefined when skipped).
   */
  async step(action: Action, opts: { queryPools?: boolean; allowKnown?: boolean } = {}): Promise<StepResult | undefined> {
    const { next, outcome } = applyAction(this.model, this.book, action);
    const known = opts.allowKnown ? undefined : knownDiscrepancy(this.model, action, outcome.ok ? 'ok' : outcome.code);
    if (known) {
      this.tally.set(`skipped:${known}`, (this.tally.get(`skipped:${known}`) ?? 0) + 1);
      return undefined;
    }
    this.history.push(action);
    const sent = await execute(this.chain, action);
    const actual: Outcome = sent === undefined ? { ok: true, events: [] } : sent.ok ? { ok: true, events: sent.events } : { ok: false, code: sent.code ?? show(sent.err) };
    const key = `${action.kind}:${outcome.ok ? 'ok' : outcome.code}`;
    this.tally.set(key, (this.tally.get(key) ?? 0) + 1);
    const where = () => `step ${this.history.length - 1}: ${show(action)}\nhistory: ${show(this.history)}\nlogs:\n${sent?.logs.join('\n') ?? ''}`;
    try {
      expect(actual.ok ? 'ok' : actual.code, 'outcome').toBe(outcome.ok ? 'ok' : outcome.code);
      if (outcome.ok && actual.ok) expect(actual.events as ProgramEvent[], 'events').toEqual(outcome.events);
      const scope = this.history.length % this.fullEvery === 0 ? {} : stepScope(this.model, next, action);
      this.model = next;
      this.compareState(scope);
      if (opts.queryPools !== false) await this.compareQueries();
    } catch (e) {
      if (e instanceof Error) e.message = `${e.message}\n${where()}`;
      throw e;
    }
    return { outcome: actual, logs: sent?.logs ?? [], computeUnits: sent?.computeUnits ?? 0n };
  }

  compareState(scope: Scope = {}): void {
    expect(chainView(this.chain, scope), 'state').toEqual(modelView(this.model, this.chain, scope));
  }

  /** The end of a run: the whole state and both pools' queries. */
  async finish(): Promise<void> {
    try {
      this.compareState();
      await this.compareQueries();
    } catch (e) {
      if (e instanceof Error) e.message = `${e.message}\nat the end of: ${show(this.history)}`;
      throw e;
    }
  }

  /** QueryPool (simulated) against the model's AUM / supply / LP price, for both pools. */
  async compareQueries(): Promise<void> {
    for (const pool of POOL_IDS) {
      const expected = queryPool(this.model, pool);
      const actual = await this.chain.queryPool(pool);
      expect(actual, `QueryPool ${pool}`).toEqual(expected);
    }
  }
}

/** What `action` can change besides the pools and markets: its traders' wallets, their positions, the feeds. */
function stepScope(before: ModelState, after: ModelState, action: Action): Scope {
  const traders = new Set<string>();
  if ('owner' in action) traders.add(action.owner);
  if ('positionOwner' in action) traders.add(action.positionOwner);
  if ('orderOwner' in action) traders.add(action.orderOwner);
  const positions = new Set([...Object.keys(before.positions), ...Object.keys(after.positions)]);
  // the position an action names (it must still not exist when it was refused, or closed)
  if (action.kind !== 'placeOrder' && 'market' in action && 'side' in action) positions.add(positionKey('positionOwner' in action ? action.positionOwner : action.owner, action.market, action.side));
  const orders = new Set([...Object.keys(before.orders), ...Object.keys(after.orders)]);
  const ordered = action.kind === 'placeOrder' || action.kind === 'cancelOrder' || action.kind === 'fillOrder';
  if (action.kind === 'placeOrder' && action.slot < ORDER_SLOTS) orders.add(orderKey(action.owner, action.slot));
  const filled = action.kind === 'fillOrder' ? before.orders[orderKey(action.orderOwner, action.slot)] : undefined;
  const pools: PoolId[] = 'pool' in action ? [action.pool] : 'market' in action ? [MARKETS[action.market].pool] : filled ? [MARKETS[filled.market].pool] : [];
  return { pools, traders: [...traders], positions: [...positions], orders: [...orders], escrows: ordered, feeds: action.kind === 'setPrices' };
}
