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
}

function property(totals: Totals) {
  return fc.asyncProperty(fc.array(intentArb, { minLength: 25, maxLength: 60 }), async (intents) => {
    const b = await base();
    const run = new Run(b);
    for (const intent of intents) {
      for (const action of resolve({ base: b, book: run.book, model: run.model }, intent)) await run.step(action);
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
  console.info(`${name}: ${t.runs} sequences, ${t.actions} actions, ${Math.round(ms)} ms\n${lines.join('\n')}`);
}

describe('the program equals the model (lib/math as the engine runs it), to the unit', () => {
  it('on the fixed-seed sequences', { timeout: 300_000 }, async () => {
    await base();
    const totals: Totals = { runs: 0, actions: 0, tally: new Map() };
    const t0 = performance.now();
    await fc.assert(property(totals), FIXED);
    report('fixed', totals, performance.now() - t0);
    for (const outcome of MUST_REACH) expect(totals.tally.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
  });

  it('on random sequences', { timeout: 300_000 }, async () => {
    const totals: Totals = { runs: 0, actions: 0, tally: new Map() };
    const t0 = performance.now();
    await fc.assert(property(totals), RANDOM);
    report('random', totals, performance.now() - t0);
    expect(totals.runs).toBe(RANDOM.numRuns);
  });
});
