/**
 * Where the program and the engine (the model) disagreed, each as its smallest case, now pinned as equal: the four
 * were the order of refusals (the same action refused either way, with another code), fixed in the program so it
 * checks in the engine's order; their predicates left known.ts, so the random sequences cover them again.
 */
import { describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { GENESIS } from '@/lib/math/params';
import { base } from './harness';
import { applyAction, type Action } from './model';
import { Run, show } from './runner';
import { execute } from './chain-actions';
import { knownDiscrepancy } from './known';

const SOL = 1_000_000_000n;
const USDC = 1_000_000n;

async function setup(steps: (t: Run['book'] & { traders: Address[] }) => Action[]): Promise<Run> {
  const b = await base();
  const run = new Run(b);
  for (const a of steps({ ...run.book, traders: b.traders.map((x) => x.address) })) {
    const r = await run.step(a);
    if (!r?.outcome.ok) throw new Error(`setup refused: ${show(a)} ${show(r?.outcome)}`);
  }
  return run;
}

/** The engine's code (the model's) and the program's for `action` in the run's state. */
async function codes(run: Run, action: Action): Promise<{ engine: string; program: string; known: string | undefined }> {
  const { outcome } = applyAction(run.model, run.book, action);
  const sent = await execute(run.chain, action);
  return { engine: outcome.ok ? 'ok' : outcome.code, program: sent?.ok ? 'ok' : (sent?.code ?? '?'), known: knownDiscrepancy(run.model, action, outcome.ok ? 'ok' : outcome.code) };
}

describe('former discrepancies: the program refuses with the engine’s code, in the engine’s order', () => {
  // Engine (lib/engine/actions/index.ts closePosition): fractionBps outside 1..10000 is INVALID_AMOUNT before the
  // position is even loaded. Program (close_position.rs): the same, right after the data (it used to be checked
  // after load_position, the market hours and the oracle). Inputs: trader B closes trader A's SOL long with fractionBps 10001.
  it('close: an invalid fraction is INVALID_AMOUNT before NOT_OWNER / NOT_FOUND / MARKET_CLOSED / ORACLE_STALE', async () => {
    const run = await setup(({ traders: [a] }) => [{ kind: 'open', owner: a!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 100_000n }]);
    const [a, b] = run.chain.base.traders.map((t) => t.address);
    const action: Action = { kind: 'close', owner: b!, positionOwner: a!, market: 'SOL', side: 'long', fractionBps: 10_001n };
    const c = await codes(run, action);
    expect(c.known).toBeUndefined();
    expect(c.program).toBe(c.engine);
  });

  // Engine (open-position.ts checkCollateralToken): a SOL long posted in WBTC is UNSUPPORTED_COLLATERAL first.
  // Program (open_core.rs plan → load_open_swap): the posted token must be the pool's USDC before the amount and
  // the oracle (it used to be found inside the swap planning, after them). Inputs: SOL long, WBTC posted, amount 0.
  it('open: a third collateral token is UNSUPPORTED_COLLATERAL before AMOUNT_TOO_SMALL / ORACLE_STALE', async () => {
    const run = await setup(() => []);
    const [a] = run.chain.base.traders.map((t) => t.address);
    const action: Action = { kind: 'open', owner: a!, market: 'SOL', side: 'long', postedToken: 'WBTC', amount: 0n, leverageBps: 100_000n };
    const c = await codes(run, action);
    expect(c.known).toBeUndefined();
    expect(c.program).toBe(c.engine);
  });

  // Engine (swap-core.ts planSwap): a swap of a token for itself is INVALID_SWAP, and the amount, the out amount,
  // the free liquidity and the minimum are checked with the two tokens' prices; the other custodies' prices are
  // read last, by the ratio rule. Program (swap_core.rs plan_swap, also for an ALP long posted in USDC): the same
  // (it used to read every custody's price first). Inputs: 31 s after genesis the SOL feed alone is
  // refreshed (BTC and BONK are stale); swap 1 SOL for SOL.
  it('swap: a same-token swap is INVALID_SWAP even while another custody price is stale', async () => {
    const run = await setup(() => [
      { kind: 'advance', seconds: 31n },
      { kind: 'setPrices', prices: { SOL: GENESIS.prices.SOL } },
    ]);
    const [a] = run.chain.base.traders.map((t) => t.address);
    const action: Action = { kind: 'swap', owner: a!, pool: 'ALP', tokenIn: 'SOL', tokenOut: 'SOL', amountIn: SOL, minAmountOut: 0n };
    const c = await codes(run, action);
    expect(c.known).toBeUndefined();
    expect(c.program).toBe(c.engine);
  });

  // Engine (keeper-settle.ts keeperSettlePosition): a take profit or stop loss is checked at the price (ORACLE_STALE,
  // then INVALID_TRIGGER when not hit) before settlePosition checks the market hours. Program (settle.rs): the same
  // for TP/SL (it used to check the hours first); closes and liquidations still check the hours first. Inputs: an XAU long with a take profit at $2,900,
  // Friday 22:00 UTC (closed), XAU at $2,650: ExecuteTpSl(take profit).
  it('execute TP/SL: a trigger not hit is INVALID_TRIGGER even while the market is closed', async () => {
    const run = await setup(({ traders: [a] }) => [
      { kind: 'open', owner: a!, market: 'XAU', side: 'long', postedToken: 'USDC', amount: 100n * USDC, leverageBps: 50_000n, takeProfit: 29_000_000_000_000n },
      { kind: 'advance', seconds: 2n * 86_400n + 10n * 3_600n },
      { kind: 'setPrices', prices: { ...GENESIS.prices } },
    ]);
    const [a] = run.chain.base.traders.map((t) => t.address);
    const action: Action = { kind: 'executeTpSl', positionOwner: a!, market: 'XAU', side: 'long', trigger: 'takeProfit' };
    const c = await codes(run, action);
    expect(c.known).toBeUndefined();
    expect(c.program).toBe(c.engine);
  });
});
