/**
 * The differential property (issue 13): random action sequences — opens at 1.1x–100x, increases, partial closes,
 * collateral changes, TP/SL, limit orders, clock advances, price moves of up to ±30%, LP adds and removes on ALP and
 * RWALP, swaps, liquidations when the model says a position is liquidatable and attempts when it is not — executed
 * by the program and computed by the model (lib/math, orchestrated as lib/engine does) must agree to the unit after
 * every step: the outcome (or the same error code), the events, every custody, market aggregate, position, order,
 * escrow, LP supply and wallet, and QueryPool's AUM / supply / LP price (runner.ts).
 *
 * A fixed seed (the same sequences on every run) and a random one (new sequences each time; its seed is printed on
 * failure, `DIFF_SEED=<seed>` replays it). `DIFF_RUNS=<n>` multiplies both run counts for a long local search.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base } from './harness';
import { intentArb, resolve } from './generators';
import { Run } from './runner';
import { utilizationBps } from '@/lib/math/borrow-rate';
import type { ProgramEvent } from '@/lib/chain/events';

const SCALE = Number(process.env.DIFF_RUNS ?? 1);
const FIXED = { seed: 13, numRuns: Math.round(90 * SCALE) };
const RANDOM = { seed: process.env.DIFF_SEED === undefined ? undefined : Number(process.env.DIFF_SEED), numRuns: Math.round(30 * SCALE) };

/** Outcomes every fixed-seed search must reach, so that the generators cannot quietly stop testing something. */
const MUST_REACH = [
  'open:ok',
  'open:SLIPPAGE',
  'open:LEVERAGE_TOO_HIGH',
  'open:COLLATERAL_TOO_SMALL',
  'open:ORACLE_STALE',
  'open:MARKET_CLOSED',
  'open:OPEN_INTEREST_CAP',
  'open:INSUFFICIENT_LIQUIDITY',
  'open:POSITION_TOO_LARGE',
  'close:ok',
  'close:REMAINING_COLLATERAL_TOO_SMALL',
  'liquidate:ok',
  'liquidate:INVALID_TRIGGER',
  'addCollateral:ok',
  'removeCollateral:ok',
  'removeCollateral:LEVERAGE_TOO_HIGH',
  'setTpSl:ok',
  'executeTpSl:ok',
  'placeOrder:ok',
  'cancelOrder:ok',
  'fillOrder:ok',
  'addLiquidity:ok',
  'addLiquidity:RATIO_OUT_OF_BAND',
  'removeLiquidity:ok',
  'removeLiquidity:RATIO_OUT_OF_BAND',
  'swap:ok',
  'swap:RATIO_OUT_OF_BAND',
];

interface Totals {
  runs: number;
  actions: number;
  tally: Map<string, number>;
  /** The highest utilization (bps) each custody reached after a step. */
  maxUtilization: Map<string, bigint>;
  /** What the settlements were: liquidations paying a remainder or nothing, partial closes, closes at a profit. */
  settlements: Map<string, number>;
}

const newTotals = (): Totals => ({ runs: 0, actions: 0, tally: new Map(), maxUtilization: new Map(), settlements: new Map() });

function observe(t: Totals, run: Run, events: readonly ProgramEvent[]): void {
  for (const [key, c] of Object.entries(run.model.custodies)) {
    const u = utilizationBps({ locked: c.locked, owned: c.owned });
    if (u > (t.maxUtilization.get(key) ?? -1n)) t.maxUtilization.set(key, u);
  }
  for (const e of events) {
    if (e.kind !== 'positionClosed') continue;
    const kind =
      e.reason === 'liquidation' ? (e.payoutAmount > 0n ? 'liquidation with remainder' : 'liquidation paying nothing') : e.fractionBps < 10_000n ? 'partial close' : e.realizedPnlUsd > 0n ? 'close in profit' : 'close at a loss';
    t.settlements.set(kind, (t.settlements.get(kind) ?? 0) + 1);
  }
}

function property(totals: Totals) {
  return fc.asyncProperty(fc.array(intentArb, { minLength: 25, maxLength: 60 }), async (intents) => {
    const b = await base();
    const run = new Run(b);
    for (const intent of intents) {
      for (const action of resolve({ base: b, book: run.book, model: run.model }, intent)) {
        const r = await run.step(action);
        if (r?.outcome.ok) observe(totals, run, r.outcome.events);
      }
    }
    await run.finish();
    totals.runs += 1;
    totals.actions += run.history.length;
    for (const [k, v] of run.tally) totals.tally.set(k, (totals.tally.get(k) ?? 0) + v);
  });
}

function report(name: string, t: Totals, ms: number): void {
  if (!process.env.DIFF_REPORT) return;
  const lines = [...t.tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `  ${k} ${v}`);
  const util = [...t.maxUtilization].map(([k, v]) => `${k} ${v}`).join(', ');
  const settled = [...t.settlements].map(([k, v]) => `${k} ${v}`).join(', ');
  console.info(`${name}: ${t.runs} sequences, ${t.actions} actions, ${Math.round(ms)} ms\nmax utilization (bps): ${util}\nsettlements: ${settled}\n${lines.join('\n')}`);
}

describe('the program equals the model (lib/math as the engine runs it), to the unit', () => {
  it('on the fixed-seed sequences', { timeout: 300_000 }, async () => {
    await base();
    const totals = newTotals();
    const t0 = performance.now();
    await fc.assert(property(totals), FIXED);
    report('fixed', totals, performance.now() - t0);
    for (const outcome of MUST_REACH) expect(totals.tally.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    // the borrow rate's second slope (utilization over the optimum of 80%) is exercised, and liquidations both pay a
    // remainder and take everything
    expect([...totals.maxUtilization.values()].some((u) => u > 8_000n)).toBe(true);
    for (const kind of ['liquidation with remainder', 'liquidation paying nothing', 'partial close', 'close in profit']) expect(totals.settlements.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it('on random sequences', { timeout: 300_000 }, async () => {
    const totals = newTotals();
    const t0 = performance.now();
    await fc.assert(property(totals), RANDOM);
    report('random', totals, performance.now() - t0);
    expect(totals.runs).toBe(RANDOM.numRuns);
  });
});
