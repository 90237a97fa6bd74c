/**
 * Compute units of every instruction issue 16 names, each from the metadata of its own one-instruction
 * transaction, in a busy world built from fixed keys (fixed-keys.ts: the same figures on every run). Shared by
 * `npm run bench -- cu` (the table, the breakdown, bench/cu-baseline.json) and program/tests/cu-regression.test.ts.
 *
 * The world: §9's genesis, then a crowd wallet holds a position on both sides of all six markets (so AUM reads
 * every side of both pools: ALP's 4 custodies and 6 sides, RWALP's 1 and 6), an hour passes (interest accrues)
 * and prices are refreshed. Each case then runs in that world in order (a close follows its open).
 */
import { getAddressEncoder, getProgramDerivedAddress, type Address, type Instruction, type TransactionSigner } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, type FeedId, type TokenId } from '@/lib/math/ids';
import { GENESIS, MARKETS } from '@/lib/math/params';
import { updatePricesInstruction } from '../instructions/admin';
import { queryPoolInstruction } from '../instructions/liquidity';
import {
  addCollateralIx,
  addLiquidityIx,
  cancelOrderIx,
  closeIx,
  executeTpSlIx,
  fillIx,
  liquidateIx,
  openIx,
  placeOrderIx,
  removeCollateralIx,
  removeLiquidityIx,
  setTpSlIx,
  swapIx,
} from './actions';
import { createFixedWorld, type FixedWorld } from './fixed-keys';
import { simulateReturn } from './simulate';
import type { SendResult } from './svm-send';
import type { Trader } from './world';

/** The seed of the fixed keys: changing it changes the bump searches and so the figures (re-baseline). */
export const CU_WORLD_SEED = 'poolperps-cu-baseline-v1';

export type CuGroup = 'user' | 'keeper' | 'oracle' | 'read';

export interface CuCase {
  name: string;
  group: CuGroup;
  computeUnits: number;
  /** Instructions in the transaction (a batch: computeUnits is per instruction). */
  instructions: number;
  /** The transaction's instructions (their account metas: the write-lock table). */
  ixs: Instruction[];
  logs: string[];
  /** Canonical bumps the program searched for (a created position or order, an order's position): 256 − bump tries each. */
  bumpsSearched: number[];
}

const ONE: Readonly<Record<TokenId, bigint>> = { USDC: 1_000_000n, SOL: 1_000_000_000n, WBTC: 100_000_000n, BONK: 100_000n };
const USD = ONE.USDC;

/** Targets (issue 16): a user instruction ≤ 50,000 CU, a liquidation ≤ 30,000; the moonshot is half. */
export function cuTarget(c: Pick<CuCase, 'name' | 'group'>): { target: number; moonshot: number } {
  const target = c.name.startsWith('liquidate') ? 30_000 : 50_000;
  return { target, moonshot: target / 2 };
}

async function bumpOf(programId: Address, seeds: (string | Uint8Array)[]): Promise<number> {
  const [, bump] = await getProgramDerivedAddress({ programAddress: programId, seeds });
  return bump;
}

const addressBytes = (a: Address) => getAddressEncoder().encode(a) as Uint8Array;

export interface CuRun {
  world: FixedWorld;
  cases: CuCase[];
  /** Every wallet of the run (the crowd, the traders, the doomed), to name their accounts. */
  traders: Trader[];
}

export interface CuOptions {
  /**
   * Another build of the program to measure (e.g. one with compute-unit probes, bench/cu-probes.ts): the world and
   * its genesis are made by the committed binary, then this one replaces it at the same program id.
   */
  programBytes?: Uint8Array;
}

/** Builds the world and measures every case; throws (with the logs) if any instruction is refused. */
export async function measureCuCases(options: CuOptions = {}): Promise<CuRun> {
  const w = await createFixedWorld(CU_WORLD_SEED);
  if (options.programBytes) {
    w.svm.addProgram(w.addresses.programId, options.programBytes);
    w.svm.withLogBytesLimit(); // probes log far more than the 10 kB a transaction keeps by default
  }
  const cases: CuCase[] = [];
  const programId = w.addresses.programId;
  const positionBump = async (t: Trader, market: (typeof MARKET_IDS)[number], side: 'long' | 'short') =>
    bumpOf(programId, ['position', addressBytes(t.address), addressBytes(w.addresses.markets[market]), Uint8Array.of(side === 'long' ? 0 : 1)]);
  const orderBump = async (t: Trader, slot: number) => bumpOf(programId, ['order', addressBytes(t.address), Uint8Array.of(slot)]);

  const send = async (name: string, group: CuGroup, ixs: Instruction[], signer: TransactionSigner, bumpsSearched: number[] = []): Promise<SendResult> => {
    const r = await w.send(ixs, [signer]);
    if (!r.ok) throw new Error(`${name} refused (${r.code ?? JSON.stringify(r.err)}):\n${r.logs.join('\n')}`);
    cases.push({ name, group, computeUnits: Number(r.computeUnits) / ixs.length, instructions: ixs.length, ixs, logs: r.logs, bumpsSearched });
    return r;
  };
  const must = async (ixs: Instruction[], signer: TransactionSigner) => {
    await w.must(ixs, [signer]);
  };
  const prices = (overrides: Partial<Record<FeedId, bigint>> = {}) => ({ ...(Object.fromEntries(FEED_IDS.map((f) => [f, GENESIS.prices[f]])) as Record<FeedId, bigint>), ...overrides });
  const refreshPrices = async (overrides: Partial<Record<FeedId, bigint>> = {}) => {
    const r = await w.setPrices(prices(overrides));
    if (!r.ok) throw new Error(`prices refused:\n${r.logs.join('\n')}`);
  };

  // The crowd: both sides of every market, 5x, in the lock token (a long in SOL, WBTC or BONK; else USDC).
  const crowd = await w.trader({ USDC: 2_000_000n * USD, SOL: 1_000n * ONE.SOL, WBTC: 5n * ONE.WBTC, BONK: 1_000_000_000n * ONE.BONK });
  for (const market of MARKET_IDS) {
    for (const side of ['long', 'short'] as const) {
      const token: TokenId = side === 'long' && MARKETS[market].pool === 'ALP' ? ({ SOL: 'SOL', BTC: 'WBTC', BONK: 'BONK' } as const)[market as 'SOL' | 'BTC' | 'BONK'] : 'USDC';
      const amount = { USDC: 2_000n * USD, SOL: 10n * ONE.SOL, WBTC: ONE.WBTC / 50n, BONK: 80_000_000n * ONE.BONK }[token];
      await must([await openIx(w, crowd, { market, side, token, amount, leverageBps: 50_000n })], crowd.signer);
    }
  }
  w.advance(3_600n);
  await refreshPrices();

  const a = await w.trader({ USDC: 100_000n * USD, SOL: 100n * ONE.SOL });
  const b = await w.trader({ USDC: 100_000n * USD, SOL: 100n * ONE.SOL, WBTC: ONE.WBTC });
  const doomed = await w.trader({ USDC: 10_000n * USD, SOL: 100n * ONE.SOL });
  const doomedBatch: Trader[] = [];
  for (let i = 0; i < 5; i++) doomedBatch.push(await w.trader({ SOL: 10n * ONE.SOL }));

  // Opens, increase, collateral, TP/SL, closes.
  await send('open: SOL short in USDC (new position)', 'user', [await openIx(w, a, { market: 'SOL', side: 'short', amount: 1_000n * USD, leverageBps: 100_000n })], a.signer, [await positionBump(a, 'SOL', 'short')]);
  await send('open: SOL long posted in USDC, swapped to SOL (new)', 'user', [await openIx(w, a, { market: 'SOL', side: 'long', token: 'USDC', amount: 1_000n * USD, leverageBps: 100_000n })], a.signer, [await positionBump(a, 'SOL', 'long')]);
  await send('open: SOL long in SOL (new)', 'user', [await openIx(w, b, { market: 'SOL', side: 'long', amount: 5n * ONE.SOL, leverageBps: 50_000n })], b.signer, [await positionBump(b, 'SOL', 'long')]);
  await send('open: XAU long in USDC (RWALP, new)', 'user', [await openIx(w, a, { market: 'XAU', side: 'long', amount: 1_000n * USD, leverageBps: 100_000n })], a.signer, [await positionBump(a, 'XAU', 'long')]);
  await send('increase: SOL short in USDC', 'user', [await openIx(w, a, { market: 'SOL', side: 'short', amount: 500n * USD, leverageBps: 50_000n })], a.signer);
  await send('addCollateral: SOL long, SOL', 'user', [await addCollateralIx(w, a, 'SOL', 'long', ONE.SOL)], a.signer);
  await send('removeCollateral: SOL long, $10 as SOL', 'user', [await removeCollateralIx(w, a, 'SOL', 'long', 10n * USD)], a.signer);
  await send('setTpSl: SOL short, TP and SL', 'user', [await setTpSlIx(w, a, 'SOL', 'short', 1_400_000_000_000n, 1_600_000_000_000n)], a.signer);
  await send('close 50%: SOL short', 'user', [await closeIx(w, a, 'SOL', 'short', 5_000n)], a.signer);
  await send('close whole: XAU long', 'user', [await closeIx(w, a, 'XAU', 'long')], a.signer);

  // Orders.
  await send('placeLimitOrder: BTC short in USDC', 'user', [await placeOrderIx(w, a, { market: 'BTC', side: 'short', slot: 0, amount: 200n * USD, leverageBps: 20_000n, triggerPrice: 960_000_000_000_000n })], a.signer, [await orderBump(a, 0), await positionBump(a, 'BTC', 'short')]);
  await send('placeLimitOrder: BONK long in USDC (swapped at fill)', 'user', [await placeOrderIx(w, b, { market: 'BONK', side: 'long', token: 'USDC', slot: 1, amount: 200n * USD, leverageBps: 20_000n, triggerPrice: 249_000n })], b.signer, [await orderBump(b, 1), await positionBump(b, 'BONK', 'long')]);
  await send('placeLimitOrder: XAU long in USDC', 'user', [await placeOrderIx(w, a, { market: 'XAU', side: 'long', slot: 2, amount: 200n * USD, leverageBps: 20_000n, triggerPrice: 26_000_000_000_000n })], a.signer, [await orderBump(a, 2), await positionBump(a, 'XAU', 'long')]);
  await send('cancelOrder: XAU long', 'user', [await cancelOrderIx(w, a, 2, 'USDC')], a.signer);

  // Liquidity and swaps (AUM over every custody and side of the pool).
  await send('addLiquidity: ALP, USDC', 'user', [addLiquidityIx(w, a, 'ALP', 'USDC', 1_000n * USD)], a.signer);
  await send('addLiquidity: ALP, SOL', 'user', [addLiquidityIx(w, a, 'ALP', 'SOL', 5n * ONE.SOL)], a.signer);
  await send('removeLiquidity: ALP, USDC', 'user', [removeLiquidityIx(w, a, 'ALP', 'USDC', 500n * USD)], a.signer);
  await send('addLiquidity: RWALP, USDC', 'user', [addLiquidityIx(w, a, 'RWALP', 'USDC', 1_000n * USD)], a.signer);
  await send('removeLiquidity: RWALP, USDC', 'user', [removeLiquidityIx(w, a, 'RWALP', 'USDC', 500n * USD)], a.signer);
  await send('swap: SOL → WBTC', 'user', [swapIx(w, b, 'SOL', 'WBTC', 2n * ONE.SOL)], b.signer);
  await send('swap: USDC → SOL', 'user', [swapIx(w, b, 'USDC', 'SOL', 200n * USD)], b.signer);
  const query = async (pool: 'ALP' | 'RWALP') => {
    const ix = queryPoolInstruction(w.addresses, pool);
    const { computeUnits } = await simulateReturn(w, ix, w.keeper);
    cases.push({ name: `queryPool: ${pool} (simulated, read-only)`, group: 'read', computeUnits: Number(computeUnits), instructions: 1, ixs: [ix], logs: [], bumpsSearched: [] });
  };
  await query('ALP');
  await query('RWALP');

  // Positions the keeper settles below: 10x SOL longs (liquidated at $130), one alone and five in one batch.
  await must([await openIx(w, doomed, { market: 'SOL', side: 'long', amount: 2n * ONE.SOL, leverageBps: 100_000n })], doomed.signer);
  for (const d of doomedBatch) await must([await openIx(w, d, { market: 'SOL', side: 'long', amount: 2n * ONE.SOL, leverageBps: 100_000n })], d.signer);

  // Prices: one feed, every feed (what the price writer sends per tick), then the move the keeper acts on.
  const oracle = w.oracleAuthority;
  const update = (feeds: readonly FeedId[], p: Record<FeedId, bigint>) =>
    updatePricesInstruction({ programId, authority: oracle.address, config: w.addresses.config, updates: feeds.map((f) => ({ account: w.addresses.oracles[f], price: p[f], publishTime: w.nowS() })) });
  w.advance(1n);
  await send('updatePrices: 1 feed', 'oracle', [update(['SOL'], prices({ SOL: 1_499_000_000_000n }))], oracle);
  w.advance(1n);
  const moved = prices({ SOL: 1_300_000_000_000n, BTC: 970_000_000_000_000n, BONK: 240_000n });
  await send(`updatePrices: all ${FEED_IDS.length} feeds`, 'oracle', [update(FEED_IDS, moved)], oracle);

  // The keeper.
  // The fill derives the new position's address with the bump PlaceLimitOrder recorded: no search.
  await send('fillLimitOrder: BTC short (creates the position)', 'keeper', [await fillIx(w, a, 0, { market: 'BTC', side: 'short' })], w.keeper);
  await send('fillLimitOrder: BONK long, USDC swapped to BONK', 'keeper', [await fillIx(w, b, 1, { market: 'BONK', side: 'long', token: 'USDC' })], w.keeper);
  await send('executeTpSl: SOL short, take profit', 'keeper', [await executeTpSlIx(w, a, 'SOL', 'short', 'takeProfit')], w.keeper);
  await send('liquidate: SOL long', 'keeper', [await liquidateIx(w, doomed, 'SOL', 'long')], w.keeper);
  await send(`liquidate: SOL long, ${doomedBatch.length} in one transaction (per liquidation)`, 'keeper', await Promise.all(doomedBatch.map((d) => liquidateIx(w, d, 'SOL', 'long'))), w.keeper);
  return { world: w, cases, traders: [crowd, a, b, doomed, ...doomedBatch] };
}
