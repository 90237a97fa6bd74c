/**
 * The examples pinned for lib/math (lib/math/*.test.ts) and the engine's scenarios (lib/engine/engine-suite.ts),
 * replayed on the program. Every step also goes through the differential runner, so besides the literal figures
 * below, the whole state, the events and QueryPool are checked against the model after each one.
 */
import { describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { GENESIS } from '@/lib/math/params';
import { utilizationBps } from '@/lib/math/borrow-rate';
import type { FeedId } from '@/lib/math/ids';
import type { PositionClosedEvent, PositionOpenedEvent, ProgramEvent } from '@/lib/chain/events';
import { decodeCustody } from '@/lib/chain/accounts';
import { custodyOf } from '@/lib/chain/addresses';
import { base, positionKey } from './harness';
import { positionNow, type Action } from './model';
import { Run, show } from './runner';

const SOL = 1_000_000_000n;
const USDC = 1_000_000n;
const P150 = 1_500_000_000_000n;

async function start(): Promise<{ run: Run; t: Address[] }> {
  const b = await base();
  return { run: new Run(b), t: b.traders.map((x) => x.address) };
}

async function ok(run: Run, action: Action): Promise<ProgramEvent[]> {
  const r = await run.step(action, { allowKnown: true });
  if (!r?.outcome.ok) throw new Error(`refused ${show(r?.outcome)}: ${show(action)}\n${r?.logs.join('\n')}`);
  return r.outcome.events;
}

async function refused(run: Run, action: Action): Promise<string> {
  const r = await run.step(action, { allowKnown: true });
  if (!r || r.outcome.ok) throw new Error(`accepted: ${show(action)}`);
  return r.outcome.code;
}

function opened(events: ProgramEvent[]): PositionOpenedEvent {
  const e = events.find((x) => x.kind === 'positionOpened');
  if (!e || e.kind !== 'positionOpened') throw new Error(`no PositionOpened in ${show(events)}`);
  return e;
}

function closed(events: ProgramEvent[]): PositionClosedEvent {
  const e = events.find((x) => x.kind === 'positionClosed');
  if (!e || e.kind !== 'positionClosed') throw new Error(`no PositionClosed in ${show(events)}`);
  return e;
}

/** Every feed at its genesis price, publish time now, with `changes`. */
function prices(changes: Partial<Record<FeedId, bigint>> = {}): Action {
  return { kind: 'setPrices', prices: { ...GENESIS.prices, ...changes } };
}

describe('lib/math worked examples on the program', () => {
  it('a 10x short of SOL at $150 with 1,000 USDC: liquidation $163.95, 33 bps of USDC, 95/h, one hour of borrow fee', async () => {
    const { run, t } = await start();
    const e = opened(await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 1_000n * USDC, leverageBps: 100_000n }));
    // size $10,000; maxLoss = 10,000 / 200 + 20 bps = $70; Δ = 930 × 150 / 10,000 = 13.95 → 163.95
    expect(e).toMatchObject({ sizeUsd: 10_000n * USDC, collateralUsd: 1_000n * USDC, lockAmount: 10_000n * USDC, price: P150, entryPrice: P150, liquidationPrice: 1_639_500_000_000n });
    const usdc = decodeCustody(run.chain.data(custodyOf(run.chain.addresses, 'ALP', 'USDC'))!);
    // 10,000 of 3,000,000 USDC locked: floor(33.3) = 33 bps; rate = ceil(22,831 × 33 / 8,000) = ceil(94.18) = 95 per hour (1e9)
    expect(utilizationBps({ locked: usdc.locked, owned: usdc.owned })).toBe(33n);
    expect(usdc.rateHourly).toBe(95n);
    await ok(run, { kind: 'advance', seconds: 3_600n });
    await ok(run, prices());
    const p = run.model.positions[positionKey(t[0]!, 'SOL', 'short')]!;
    // one hour: cumulative + ceil(3600 × 95 / 3600) = 95; fee = ceil(95 × 10,000e6 / 1e9) = 950 ($0.00095), and the
    // liquidation price moves down by 0.00095 × 150 / 10,000: 163.94998575
    expect(positionNow(run.model, p)).toMatchObject({ borrowFeeUsd: 950n, liquidationPrice: 1_639_499_857_500n, liquidatable: false });
    const c = closed(await ok(run, { kind: 'close', owner: t[0]!, positionOwner: t[0]!, market: 'SOL', side: 'short', fractionBps: 10_000n }));
    // 1,000 − 10 (exit fee, 10 bps of 10,000) − 0.00095
    expect(c).toMatchObject({ pricePnlUsd: 0n, feeUsd: 10n * USDC, borrowFeeUsd: 950n, payoutUsd: 989_999_050n, payoutAmount: 989_999_050n, realizedPnlUsd: -10_000_950n });
    const after = decodeCustody(run.chain.data(custodyOf(run.chain.addresses, 'ALP', 'USDC'))!);
    expect([after.owned, after.locked, after.collateral, after.cumulativeInterest, after.rateHourly]).toEqual([3_000_000n * USDC + 10_000_950n, 0n, 0n, 95n, 0n]);
  });

  it('opens at exactly 100x and 1.1x, refuses 100.0001x and 1.0999x', async () => {
    const { run, t } = await start();
    const e = opened(await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 1_000_000n }));
    // 1 SOL at low 149.625; ×100 = $14,962.5; lock 100 SOL; maxLoss = 74.8125 + 29.925; Δ = 44.8875 × 150 / 14,962.5 = 0.45
    expect(e).toMatchObject({ collateralUsd: 149_625_000n, sizeUsd: 14_962_500_000n, lockAmount: 100n * SOL, liquidationPrice: 1_495_500_000_000n });
    expect(run.model.positions[positionKey(t[0]!, 'SOL', 'long')]!.state).toMatchObject({ exitFeeUsd: 14_962_500n, liquidationFeeUsd: 29_925_000n });
    expect(await refused(run, { kind: 'open', owner: t[1]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 1_000_001n })).toBe('LEVERAGE_TOO_HIGH');
    expect(await refused(run, { kind: 'open', owner: t[1]!, market: 'BONK', side: 'long', postedToken: 'BONK', amount: 10n ** 12n, leverageBps: 500_001n })).toBe('LEVERAGE_TOO_HIGH');
    expect(await refused(run, { kind: 'open', owner: t[1]!, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 100n * USDC, leverageBps: 10_999n })).toBe('LEVERAGE_TOO_LOW');
    const low = opened(await ok(run, { kind: 'open', owner: t[1]!, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 100n * USDC, leverageBps: 11_000n }));
    // $110 short on $100: maxLoss = 110 / 200 + 0.22 = 0.77 → floor(150 × (110 + 100 − 0.77) / 110) = 285.3136363636
    expect(low).toMatchObject({ sizeUsd: 110n * USDC, liquidationPrice: 2_853_136_363_636n });
  });

  it('a keeper liquidates a 5x SOL long at $121.05 exactly (not one unit above) and pays the remainder', async () => {
    const { run, t } = await start();
    const e = opened(await ok(run, { kind: 'open', owner: t[1]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: 2n * SOL, leverageBps: 50_000n }));
    // 2 SOL at 149.625 = $299.25; ×5 = $1,496.25; lock 10 SOL; maxLoss 7.48125 + 2.9925; Δ = 28.95 → 121.05
    expect(e).toMatchObject({ collateralUsd: 299_250_000n, sizeUsd: 1_496_250_000n, lockAmount: 10n * SOL, liquidationPrice: 1_210_500_000_000n });
    await ok(run, prices({ SOL: 1_210_500_000_001n }));
    expect(await refused(run, { kind: 'liquidate', positionOwner: t[1]!, market: 'SOL', side: 'long' })).toBe('INVALID_TRIGGER');
    await ok(run, prices({ SOL: 1_210_500_000_000n }));
    const before = run.model.wallets[t[1]!]!.SOL;
    const c = closed(await ok(run, { kind: 'liquidate', positionOwner: t[1]!, market: 'SOL', side: 'long' }));
    // 299.25 − 28.95 × 1496.25 / 150 − 2.9925 = 7.48125 (= size / 200), paid at high 121.352625: 0.061648851 SOL
    expect(c).toMatchObject({ reason: 'liquidation', fractionBps: 10_000n, pricePnlUsd: -288_776_250n, feeUsd: 2_992_500n, borrowFeeUsd: 0n, payoutUsd: 7_481_250n, payoutAmount: 61_648_851n });
    expect(run.model.wallets[t[1]!]!.SOL - before).toBe(61_648_851n);
    expect(run.chain.data(run.book.positions[positionKey(t[1]!, 'SOL', 'long')]!)).toBeUndefined();
    const sol = decodeCustody(run.chain.data(custodyOf(run.chain.addresses, 'ALP', 'SOL'))!);
    // the pool keeps the collateral less the remainder; the lock is released
    expect([sol.owned, sol.locked, sol.collateral]).toEqual([GENESIS.pools.ALP.custodies.SOL! + 2n * SOL - 61_648_851n, 0n, 0n]);
  });

  it('closes a SOL long in profit at $180 (paid out of the pool) and a BTC short at $90,000', async () => {
    const { run, t } = await start();
    await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: 2n * SOL, leverageBps: 50_000n });
    await ok(run, { kind: 'open', owner: t[0]!, market: 'BTC', side: 'short', postedToken: 'USDC', amount: 500n * USDC, leverageBps: 200_000n });
    await ok(run, prices({ SOL: 1_800_000_000_000n, BTC: 900_000_000_000_000n }));
    const sol = closed(await ok(run, { kind: 'close', owner: t[0]!, positionOwner: t[0]!, market: 'SOL', side: 'long', fractionBps: 10_000n, acceptablePrice: 1_800_000_000_000n }));
    // +20%: pnl 299.25; payout 299.25 + 299.25 − 1.49625 at high 180.45 → 3.308416458 SOL, more than the 2 posted
    expect(sol).toMatchObject({ pricePnlUsd: 299_250_000n, feeUsd: 1_496_250n, payoutUsd: 597_003_750n, payoutAmount: 3_308_416_458n, realizedPnlUsd: 297_753_750n });
    const btc = closed(await ok(run, { kind: 'close', owner: t[0]!, positionOwner: t[0]!, market: 'BTC', side: 'short', fractionBps: 10_000n }));
    // 10,000 × 5,000 / 95,000 = 526.315789; 500 + 526.315789 − 10
    expect(btc).toMatchObject({ pricePnlUsd: 526_315_789n, feeUsd: 10n * USDC, payoutUsd: 1_016_315_789n, payoutAmount: 1_016_315_789n });
    const custody = decodeCustody(run.chain.data(custodyOf(run.chain.addresses, 'ALP', 'SOL'))!);
    expect(custody.owned).toBe(GENESIS.pools.ALP.custodies.SOL! + 2n * SOL - 3_308_416_458n);
  });

  it('mints and burns LP at AUM / supply (ALP in USDC and SOL, RWALP)', async () => {
    const { run, t } = await start();
    // genesis AUM: 3,000,000 + 3,491,249.999999 + 2,493,749.99965 + 997,500 (custodies at low, each floored)
    expect(await run.chain.queryPool('ALP')).toEqual({ ok: true, aumUsd: 9_982_499_999_649n, supply: 10_000_000_000_000n, lpPriceUsd: 998_249n });
    const sol = await ok(run, { kind: 'addLiquidity', owner: t[2]!, pool: 'ALP', token: 'SOL', amount: SOL, minLpOut: 149_437_640n });
    // 1 SOL, fee 30 bps = 0.003 SOL; 0.997 × 149.625 = 149.176125; × 1e13 / 9,982,499.999649 = 149.437640…
    expect(sol[0]).toMatchObject({ kind: 'liquidityAdded', amountIn: SOL, feeAmount: 3_000_000n, valueUsd: 149_176_125n, amountOut: 149_437_640n, aumUsd: 9_982_499_999_649n });
    const { run: fresh } = await start();
    const add = await ok(fresh, { kind: 'addLiquidity', owner: t[2]!, pool: 'ALP', token: 'USDC', amount: 1_000n * USDC, minLpOut: 1n });
    // 1,000 × 1e13 / 9,982,499.999649 = 1,001.753067 ALP
    expect(add[0]).toMatchObject({ amountOut: 1_001_753_067n, feeAmount: 0n, valueUsd: 1_000n * USDC, supplyAfter: 10_000_000_000_000n + 1_001_753_067n });
    expect(await refused(fresh, { kind: 'removeLiquidity', owner: t[2]!, pool: 'ALP', token: 'USDC', lpAmount: 1_001_753_067n, minAmountOut: 1_000n * USDC })).toBe('MIN_OUT_NOT_MET');
    expect(await refused(fresh, { kind: 'removeLiquidity', owner: t[2]!, pool: 'ALP', token: 'USDC', lpAmount: 1_001_753_068n, minAmountOut: 0n })).toBe('INSUFFICIENT_BALANCE');
    const rm = await ok(fresh, { kind: 'removeLiquidity', owner: t[2]!, pool: 'ALP', token: 'USDC', lpAmount: 1_001_753_067n, minAmountOut: 0n });
    // AUM is now 9,983,499.999649: usdOut = floor(AUM × lp / supply) = 999.999999; fee ceil(10 bps) = 1 USDC
    expect(rm[0]).toMatchObject({ kind: 'liquidityRemoved', amountIn: 1_001_753_067n, valueUsd: 999_999_999n, feeAmount: 1_000_000n, amountOut: 998_999_999n, aumUsd: 9_983_499_999_649n });
    const rwa = await ok(fresh, { kind: 'addLiquidity', owner: t[2]!, pool: 'RWALP', token: 'USDC', amount: 1_000n * USDC, minLpOut: 0n });
    expect(rwa[0]).toMatchObject({ amountOut: 1_000n * USDC, aumUsd: 1_000_000n * USDC });
    expect(await fresh.chain.queryPool('RWALP')).toEqual({ ok: true, aumUsd: 1_001_000n * USDC, supply: 1_001_000n * USDC, lpPriceUsd: 1_000_000n });
  });
});

describe('engine scenarios on the program (lib/engine/engine-suite.ts)', () => {
  it('opens a SOL long in SOL with the §5 numbers, and one in USDC through the swap', async () => {
    const { run, t } = await start();
    const e = opened(await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 100_000n, acceptablePrice: 1_510_000_000_000n }));
    expect(e).toMatchObject({ collateralUsd: 149_625_000n, sizeUsd: 1_496_250_000n, entryPrice: P150, lockAmount: 10n * SOL });
    const usd = opened(await ok(run, { kind: 'open', owner: t[1]!, market: 'SOL', side: 'long', postedToken: 'USDC', amount: 150n * USDC, leverageBps: 50_000n, acceptablePrice: P150 }));
    // fee = ceil(150 × 20 bps) = 0.3 USDC; out = floor(149.7 / high 150.375) SOL
    expect(usd).toMatchObject({ swapFeeAmount: 300_000n, collateralAmount: (149_700_000n * 10_000_000_000n * 10n ** 9n) / (1_503_750_000_000n * 10n ** 6n) });
    expect(decodeCustody(run.chain.data(custodyOf(run.chain.addresses, 'ALP', 'USDC'))!).owned).toBe(3_000_000n * USDC + 150n * USDC);
  });

  it('increases a short at a new price with the harmonic mean entry', async () => {
    const { run, t } = await start();
    await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 100n * USDC, leverageBps: 20_000n, acceptablePrice: P150 });
    await ok(run, prices({ SOL: 1_200_000_000_000n }));
    const e = opened(await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 100n * USDC, leverageBps: 20_000n, acceptablePrice: 1_000_000_000_000n }));
    // 400 × 150 × 120 / (200 × 120 + 200 × 150) = 133.33… floored for a short
    expect(e).toMatchObject({ increased: true, totalSizeUsd: 400n * USDC, entryPrice: 1_333_333_333_333n });
  });

  it('refuses opens with each code and changes nothing', async () => {
    const { run, t } = await start();
    const open = (patch: Partial<Extract<Action, { kind: 'open' }>>): Action => ({ kind: 'open', owner: t[0]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 100_000n, acceptablePrice: P150, ...patch });
    expect(await refused(run, open({ leverageBps: 1_000_001n }))).toBe('LEVERAGE_TOO_HIGH');
    expect(await refused(run, open({ leverageBps: 10_999n }))).toBe('LEVERAGE_TOO_LOW');
    expect(await refused(run, open({ amount: 60_000_000n }))).toBe('COLLATERAL_TOO_SMALL');
    expect(await refused(run, open({ acceptablePrice: P150 - 1n }))).toBe('SLIPPAGE');
    expect(await refused(run, open({ side: 'short', postedToken: 'SOL' }))).toBe('UNSUPPORTED_COLLATERAL');
    expect(await refused(run, open({ postedToken: 'WBTC', amount: 100_000n }))).toBe('UNSUPPORTED_COLLATERAL');
    expect(await refused(run, open({ owner: t[3]!, amount: 3n * SOL }))).toBe('INSUFFICIENT_BALANCE');
    expect(await refused(run, open({ amount: 7_000n * SOL, leverageBps: 1_000_000n }))).toBe('POSITION_TOO_LARGE');
  });

  it('closes whole and in part, with payout and realised PnL; refuses slippage, others, dust and bad fractions', async () => {
    const { run, t } = await start();
    await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 100_000n });
    const close = (patch: Partial<Extract<Action, { kind: 'close' }>>): Action => ({ kind: 'close', owner: t[0]!, positionOwner: t[0]!, market: 'SOL', side: 'long', fractionBps: 10_000n, ...patch });
    expect(await refused(run, close({ acceptablePrice: P150 + 1n }))).toBe('SLIPPAGE');
    expect(await refused(run, close({ owner: t[1]! }))).toBe('NOT_OWNER');
    expect(await refused(run, close({ fractionBps: 9_500n }))).toBe('REMAINING_COLLATERAL_TOO_SMALL');
    expect(await refused(run, close({ fractionBps: 10_001n }))).toBe('INVALID_AMOUNT');
    expect(await refused(run, close({ side: 'short' }))).toBe('NOT_FOUND');
    await ok(run, prices({ SOL: 1_650_000_000_000n }));
    const part = closed(await ok(run, close({ fractionBps: 5_000n, acceptablePrice: 1_600_000_000_000n })));
    // closed size 748.125; pnl = 748.125 × 15 / 150 = 74.8125; payout = 74.8125 + 74.8125 − 0.748125
    expect(part).toMatchObject({ pricePnlUsd: 74_812_500n, feeUsd: 748_125n, payoutUsd: 74_812_500n + 74_812_500n - 748_125n, remainingSizeUsd: 748_125_000n });
    const all = closed(await ok(run, close({ acceptablePrice: 1_600_000_000_000n })));
    expect(all.remainingSizeUsd).toBe(0n);
    expect(decodeCustody(run.chain.data(custodyOf(run.chain.addresses, 'ALP', 'SOL'))!).locked).toBe(0n);
  });

  it('adds and removes collateral, refusing too much', async () => {
    const { run, t } = await start();
    await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 100_000n });
    const at = { owner: t[0]!, positionOwner: t[0]!, market: 'SOL' as const, side: 'long' as const };
    const added = await ok(run, { kind: 'addCollateral', ...at, amount: SOL / 2n });
    expect(added[0]).toMatchObject({ kind: 'collateralChanged', added: true, amountUsd: 74_812_500n, collateralUsdAfter: 149_625_000n + 74_812_500n });
    expect(await refused(run, { kind: 'removeCollateral', ...at, amountUsd: 220_000_000n })).toBe('REMAINING_COLLATERAL_TOO_SMALL');
    expect(await refused(run, { kind: 'removeCollateral', ...at, amountUsd: 212_000_000n })).toBe('LEVERAGE_TOO_HIGH');
    expect(await refused(run, { kind: 'addCollateral', ...at, owner: t[3]!, positionOwner: t[0]!, amount: 1n })).toBe('NOT_OWNER');
    const removed = await ok(run, { kind: 'removeCollateral', ...at, amountUsd: 74_812_500n });
    // paid at high 150.375: floor(74.8125 / 150.375) SOL
    expect(removed[0]).toMatchObject({ added: false, amount: (74_812_500n * 10n ** 13n) / 1_503_750_000_000n, collateralUsdAfter: 149_625_000n });
  });

  it('sets and clears TP/SL, refusing invalid levels; the keeper takes profit only when hit', async () => {
    const { run, t } = await start();
    await ok(run, { kind: 'open', owner: t[0]!, market: 'SOL', side: 'long', postedToken: 'SOL', amount: SOL, leverageBps: 100_000n });
    const at = { owner: t[0]!, positionOwner: t[0]!, market: 'SOL' as const, side: 'long' as const };
    expect(await refused(run, { kind: 'setTpSl', ...at, takeProfit: 1_400_000_000_000n, stopLoss: null })).toBe('INVALID_TAKE_PROFIT');
    expect(await refused(run, { kind: 'setTpSl', ...at, takeProfit: null, stopLoss: 1_000_000_000_000n })).toBe('INVALID_STOP_LOSS');
    await ok(run, { kind: 'setTpSl', ...at, takeProfit: null, stopLoss: null });
    await ok(run, { kind: 'setTpSl', ...at, takeProfit: 1_700_000_000_000n, stopLoss: 1_400_000_000_000n });
    const keeper = { positionOwner: t[0]!, market: 'SOL' as const, side: 'long' as const };
    expect(await refused(run, { kind: 'executeTpSl', ...keeper, trigger: 'takeProfit' })).toBe('INVALID_TRIGGER');
    await ok(run, prices({ SOL: 1_700_000_000_000n }));
    expect(await refused(run, { kind: 'executeTpSl', ...keeper, trigger: 'stopLoss' })).toBe('INVALID_TRIGGER');
    const c = closed(await ok(run, { kind: 'executeTpSl', ...keeper, trigger: 'takeProfit' }));
    // +20 on 150: 1,496.25 × 20 / 150 = 199.5 profit, exit fee 1.49625
    expect(c).toMatchObject({ reason: 'takeProfit', pricePnlUsd: 199_500_000n, feeUsd: 1_496_250n, payoutUsd: 149_625_000n + 199_500_000n - 1_496_250n });
  });

  it('places and cancels limit orders with escrow, at most 16; fills one at the price of the update', async () => {
    const { run, t } = await start();
    const place = (slot: number, patch: Partial<Extract<Action, { kind: 'placeOrder' }>> = {}): Action => ({
      kind: 'placeOrder',
      owner: t[0]!,
      market: 'SOL',
      side: 'short',
      postedToken: 'USDC',
      slot,
      amount: 20n * USDC,
      leverageBps: 50_000n,
      triggerPrice: 1_600_000_000_000n,
      acceptablePrice: 1_590_000_000_000n,
      ...patch,
    });
    for (let slot = 0; slot < 16; slot++) await ok(run, place(slot));
    expect(run.model.wallets[t[0]!]!.USDC).toBe(20_000_000n * USDC - 16n * 20n * USDC);
    expect(await refused(run, place(16))).toBe('TOO_MANY_ORDERS');
    expect(await refused(run, place(3))).toBe('ORDER_SLOT_TAKEN');
    expect(await refused(run, place(3, { owner: t[1]!, triggerPrice: 0n }))).toBe('INVALID_TRIGGER');
    // the program's placement rule: a short's trigger at or above the mark, a long's at or below it
    expect(await refused(run, place(3, { owner: t[1]!, triggerPrice: P150 - 1n }))).toBe('INVALID_TRIGGER');
    expect(await refused(run, place(3, { owner: t[1]!, amount: 9_999_999n }))).toBe('COLLATERAL_TOO_SMALL');
    expect(await refused(run, { kind: 'cancelOrder', owner: t[1]!, orderOwner: t[0]!, slot: 0 })).toBe('NOT_OWNER');
    const cancelled = await ok(run, { kind: 'cancelOrder', owner: t[0]!, orderOwner: t[0]!, slot: 0 });
    expect(cancelled[0]).toMatchObject({ kind: 'orderCancelled', amount: 20n * USDC, triggerPrice: 1_600_000_000_000n });
    expect(await refused(run, { kind: 'cancelOrder', owner: t[0]!, orderOwner: t[0]!, slot: 0 })).toBe('NOT_FOUND');
    expect(await refused(run, { kind: 'fillOrder', orderOwner: t[0]!, slot: 1 })).toBe('INVALID_TRIGGER');
    await ok(run, prices({ SOL: 1_600_000_000_000n }));
    // filled at the update's price 160 (≥ the acceptable 159): a $100 short from the escrow
    const fill = opened(await ok(run, { kind: 'fillOrder', orderOwner: t[0]!, slot: 1 }));
    expect(fill).toMatchObject({ order: run.book.orders[`${t[0]!}:1`], price: 1_600_000_000_000n, sizeUsd: 100n * USDC, collateralUsd: 20n * USDC });
    const again = opened(await ok(run, { kind: 'fillOrder', orderOwner: t[0]!, slot: 2 }));
    expect(again).toMatchObject({ increased: true, totalSizeUsd: 200n * USDC });
  });

  it('swaps through ALP; refuses below minAmountOut, equal tokens, RWALP, and a custody pushed out of its band', async () => {
    const { run, t } = await start();
    expect(await refused(run, { kind: 'swap', owner: t[0]!, pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: 150n * USDC, minAmountOut: SOL })).toBe('MIN_OUT_NOT_MET');
    expect(await refused(run, { kind: 'swap', owner: t[0]!, pool: 'ALP', tokenIn: 'USDC', tokenOut: 'USDC', amountIn: USDC, minAmountOut: 0n })).toBe('INVALID_SWAP');
    expect(await refused(run, { kind: 'swap', owner: t[0]!, pool: 'RWALP', tokenIn: 'USDC', tokenOut: 'USDC', amountIn: USDC, minAmountOut: 0n })).toBe('INVALID_SWAP');
    const r = await ok(run, { kind: 'swap', owner: t[0]!, pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: 150n * USDC, minAmountOut: 0n });
    expect(r[0]).toMatchObject({ kind: 'swapped', feeAmount: 300_000n, amountOut: (149_700_000n * 10_000_000_000n * 10n ** 9n) / (1_503_750_000_000n * 10n ** 6n) });
    // $1M of BONK in, ~$1M of USDC out: BONK goes to ~20% (max 15%); adding $1M of BONK: 2/11 = 18%
    expect(await refused(run, { kind: 'swap', owner: t[1]!, pool: 'ALP', tokenIn: 'BONK', tokenOut: 'USDC', amountIn: 4n * 10n ** 15n, minAmountOut: 0n })).toBe('RATIO_OUT_OF_BAND');
    expect(await refused(run, { kind: 'addLiquidity', owner: t[1]!, pool: 'ALP', token: 'BONK', amount: 4n * 10n ** 15n, minLpOut: 0n })).toBe('RATIO_OUT_OF_BAND');
    // AUM is $9.98M for 10M ALP, so 100 USDC mints about 100.17 ALP
    expect(await refused(run, { kind: 'addLiquidity', owner: t[1]!, pool: 'ALP', token: 'USDC', amount: 100n * USDC, minLpOut: 101n * USDC })).toBe('MIN_OUT_NOT_MET');
  });

  it('refuses opens over the open-interest cap or the free liquidity', async () => {
    const { run, t } = await start();
    // $250k at 50x needs $5,000 of BONK at low $0.0000249375: 200,501,253.13283 BONK (5 decimals)
    const bonk = (owner: Address): Action => ({ kind: 'open', owner, market: 'BONK', side: 'long', postedToken: 'BONK', amount: 20_050_125_313_283n, leverageBps: 500_000n, acceptablePrice: 10n ** 12n });
    await ok(run, bonk(t[0]!));
    await ok(run, bonk(t[1]!));
    expect(await refused(run, bonk(t[2]!))).toBe('OPEN_INTEREST_CAP');
    // three $1M SOL shorts lock all 3,000,000 USDC of ALP (a limit is inclusive); then nothing is free
    for (const owner of t.slice(0, 3)) await ok(run, { kind: 'open', owner, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 10_000n * USDC, leverageBps: 1_000_000n });
    expect(decodeCustody(run.chain.data(custodyOf(run.chain.addresses, 'ALP', 'USDC'))!).locked).toBe(3_000_000n * USDC);
    expect(await refused(run, { kind: 'open', owner: t[0]!, market: 'BTC', side: 'short', postedToken: 'USDC', amount: 100n * USDC, leverageBps: 100_000n })).toBe('INSUFFICIENT_LIQUIDITY');
    // nor can LPs take the locked USDC out
    expect(await refused(run, { kind: 'removeLiquidity', owner: t[0]!, pool: 'ALP', token: 'USDC', lpAmount: 1_000n * USDC, minAmountOut: 0n })).toBe('INSUFFICIENT_LIQUIDITY');
  });

  it('refuses with ORACLE_STALE when a price is older than 30 s (exactly 30 s is fresh)', async () => {
    const { run, t } = await start();
    const open: Action = { kind: 'open', owner: t[0]!, market: 'SOL', side: 'short', postedToken: 'USDC', amount: 20n * USDC, leverageBps: 20_000n };
    await ok(run, { kind: 'advance', seconds: 30n });
    await ok(run, open);
    await ok(run, { kind: 'advance', seconds: 1n });
    expect(await refused(run, open)).toBe('ORACLE_STALE');
    expect(await refused(run, { kind: 'addLiquidity', owner: t[0]!, pool: 'ALP', token: 'USDC', amount: USDC, minLpOut: 0n })).toBe('ORACLE_STALE');
    expect(await run.chain.queryPool('ALP')).toEqual({ ok: false, code: 'ORACLE_STALE' });
    // RWALP has no open position and holds USDC only: it needs no price
    await ok(run, { kind: 'addLiquidity', owner: t[0]!, pool: 'RWALP', token: 'USDC', amount: USDC, minLpOut: 0n });
    await ok(run, prices());
    await ok(run, open);
  });

  it('closes RWA markets from Friday 21:00:00 to Sunday 21:59:59 UTC, to the second', async () => {
    const { run, t } = await start();
    const open = (owner: Address): Action => ({ kind: 'open', owner, market: 'WTI', side: 'long', postedToken: 'USDC', amount: 50n * USDC, leverageBps: 20_000n });
    // Wednesday 12:00 + 2 days 9 hours − 1 s = Friday 20:59:59
    await ok(run, { kind: 'advance', seconds: 2n * 86_400n + 9n * 3_600n - 1n });
    await ok(run, prices());
    await ok(run, open(t[0]!));
    await ok(run, { kind: 'advance', seconds: 1n });
    expect(await refused(run, open(t[1]!))).toBe('MARKET_CLOSED');
    // crypto markets never close
    await ok(run, { kind: 'open', owner: t[1]!, market: 'SOL', side: 'long', postedToken: 'USDC', amount: 50n * USDC, leverageBps: 20_000n });
    await ok(run, { kind: 'advance', seconds: 49n * 3_600n - 1n });
    await ok(run, prices());
    expect(await refused(run, open(t[1]!))).toBe('MARKET_CLOSED');
    await ok(run, { kind: 'advance', seconds: 1n });
    await ok(run, open(t[1]!));
  });

  it('refuses RWA opens, closes, collateral removals and liquidations while the market is closed', async () => {
    const { run, t } = await start();
    await ok(run, { kind: 'open', owner: t[1]!, market: 'XAU', side: 'short', postedToken: 'USDC', amount: 50n * USDC, leverageBps: 500_000n });
    // Wednesday 12:00 + 2 days 10 hours = Friday 22:00 UTC
    await ok(run, { kind: 'advance', seconds: 2n * 86_400n + 10n * 3_600n });
    await ok(run, prices({ XAU: 27_000_000_000_000n }));
    const at = { owner: t[1]!, positionOwner: t[1]!, market: 'XAU' as const, side: 'short' as const };
    expect(await refused(run, { kind: 'open', owner: t[0]!, market: 'XAU', side: 'long', postedToken: 'USDC', amount: 50n * USDC, leverageBps: 20_000n })).toBe('MARKET_CLOSED');
    expect(await refused(run, { kind: 'close', ...at, fractionBps: 10_000n })).toBe('MARKET_CLOSED');
    expect(await refused(run, { kind: 'removeCollateral', ...at, amountUsd: USDC })).toBe('MARKET_CLOSED');
    // up 1.9%: a 50x short is past its liquidation price, but liquidations wait for the open
    expect(positionNow(run.model, run.model.positions[positionKey(t[1]!, 'XAU', 'short')]!).liquidatable).toBe(true);
    expect(await refused(run, { kind: 'liquidate', positionOwner: t[1]!, market: 'XAU', side: 'short' })).toBe('MARKET_CLOSED');
    // adding collateral is allowed (as in the engine); Sunday 22:00 the market reopens and the keeper liquidates
    await ok(run, { kind: 'addCollateral', ...at, amount: USDC });
    await ok(run, { kind: 'advance', seconds: 2n * 86_400n });
    await ok(run, prices({ XAU: 27_000_000_000_000n }));
    expect(closed(await ok(run, { kind: 'liquidate', positionOwner: t[1]!, market: 'XAU', side: 'short' })).reason).toBe('liquidation');
  });
});
