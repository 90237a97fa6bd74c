import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeOpen } from '@/lib/math/open';
import { GENESIS } from '@/lib/math/params';
import { previewTicket } from './open-preview';
import type { TicketCustody, TicketInput, TicketMarket } from './ticket-types';

const SOL_PRICE = 1_500_000_000_000n; // $150
const solMarket: TicketMarket = {
  id: 'SOL',
  pool: 'ALP',
  price: SOL_PRICE,
  open: true,
  stale: false,
  maxInitialLeverageBps: 1_000_000n,
  liquidationLeverageBps: 2_000_000n,
  openInterestLongUsd: 0n,
  openInterestShortUsd: 0n,
};
const alpCustodies: TicketCustody[] = [
  { token: 'USDC', owned: GENESIS.pools.ALP.custodies.USDC ?? 0n, locked: 0n },
  { token: 'SOL', owned: GENESIS.pools.ALP.custodies.SOL ?? 0n, locked: 0n },
];

const base: TicketInput = {
  market: solMarket,
  side: 'long',
  orderType: 'market',
  collateralToken: 'SOL',
  collateralAmount: 1_000_000_000n,
  leverageBps: 100_000n,
  slippageBps: 50n,
  balance: 50_000_000_000n,
  custodies: alpCustodies,
};

describe('previewTicket: the numbers', () => {
  it('SOL long, 1 SOL at $150, 10x (hand calculation of protocol.md §5–6)', () => {
    const { preview, issue } = previewTicket(base);
    expect(issue).toBeUndefined();
    // low = floor(150 × 0.9975) = 149.625; collateral = $149.625; size = $1,496.25
    expect(preview?.open.collateralUsd).toBe(149_625_000n);
    expect(preview?.open.sizeUsd).toBe(1_496_250_000n);
    // lock = ceil(1496.25 / 149.625) = 10 SOL
    expect(preview?.open.lockAmount).toBe(10_000_000_000n);
    // exit 10 bps, liquidation 20 bps, both ceil
    expect(preview?.open.exitFeeUsd).toBe(1_496_250n);
    expect(preview?.open.liquidationFeeUsd).toBe(2_992_500n);
    // maxLoss = 7.48125 + 2.9925 = 10.47375; ceil(150 × (1496.25 − 149.625 + 10.47375) / 1496.25) = 136.05
    expect(preview?.open.liquidationPrice).toBe(1_360_500_000_000n);
    // acceptable = floor(150 × 1.005)
    expect(preview?.acceptablePrice).toBe(1_507_500_000_000n);
    // size in SOL = floor(1496.25 / 150) = 9.975 SOL
    expect(preview?.sizeTokens).toBe(9_975_000_000n);
    expect(preview?.maxProfitUsd).toBeUndefined();
    expect(preview?.swap).toBeUndefined();
  });

  it('SOL short, 100 USDC at 5x: lock = size in USDC, profit capped at size', () => {
    const { preview, issue } = previewTicket({ ...base, side: 'short', collateralToken: 'USDC', collateralAmount: 100_000_000n, leverageBps: 50_000n });
    expect(issue).toBeUndefined();
    expect(preview?.open.sizeUsd).toBe(500_000_000n);
    expect(preview?.open.lockAmount).toBe(500_000_000n);
    // maxLoss = 2.5 + 1 = 3.5; floor(150 × (500 + 100 − 3.5) / 500) = 178.95
    expect(preview?.open.liquidationPrice).toBe(1_789_500_000_000n);
    expect(preview?.acceptablePrice).toBe(1_492_500_000_000n);
    expect(preview?.maxProfitUsd).toBe(500_000_000n);
  });

  it('ALP long posted in USDC is swapped into SOL first (20 bps, at USDC $1 and SOL high)', () => {
    const { preview, issue } = previewTicket({ ...base, collateralToken: 'USDC', collateralAmount: 100_000_000n, leverageBps: 50_000n, balance: 1_000_000_000n });
    expect(issue).toBeUndefined();
    // fee = 0.2 USDC; out = floor(99.8 / 150.375 SOL)
    expect(preview?.swap).toEqual({ tokenIn: 'USDC', tokenOut: 'SOL', amountIn: 100_000_000n, feeAmount: 200_000n, amountOut: 663_674_147n });
    expect(preview?.open.collateralUsd).toBe(99_302_244n);
    expect(preview?.open.sizeUsd).toBe(496_511_220n);
    expect(preview?.open.lockAmount).toBe(3_318_370_727n);
  });

  it('a limit order is previewed at its trigger price', () => {
    const trigger = 1_400_000_000_000n;
    const { preview } = previewTicket({ ...base, orderType: 'limit', triggerPrice: trigger });
    expect(preview?.open.entryPrice).toBe(trigger);
    expect(preview?.acceptablePrice).toBe(1_407_000_000_000n);
  });

  it('an increase shows the position before → after: entry, collateral current + added, fee totals', () => {
    const existing = {
      side: 'long' as const,
      sizeUsd: 1_496_250_000n,
      collateralUsd: 149_625_000n,
      collateralAmount: 1_000_000_000n,
      entryPrice: 1_400_000_000_000n, // opened at $140, now $150
      lockAmount: 10_000_000_000n,
      exitFeeUsd: 1_496_250n,
      liquidationFeeUsd: 2_992_500n,
      borrowFeeUsd: 250_000n,
    };
    const { preview, issue } = previewTicket({ ...base, existing });
    expect(issue).toBeUndefined();
    const added = preview!.open;
    // Before: the position itself, never the mark or the increment.
    expect(preview?.increase?.before).toMatchObject({ sizeUsd: 1_496_250_000n, collateralUsd: 149_625_000n, entryPrice: 1_400_000_000_000n, exitFeeUsd: 1_496_250n, liquidationFeeUsd: 2_992_500n, borrowFeeUsd: 250_000n, liquidatable: false });
    // After: sizes, collateral and fees add; entry = size-weighted harmonic mean of $140 and $150, rounded up for a long:
    // ceil(2992.5 / (1496.25/140 + 1496.25/150)) = $144.8275862069 (1e10).
    expect(preview?.increase?.after).toMatchObject({
      sizeUsd: 1_496_250_000n + added.sizeUsd,
      collateralUsd: 149_625_000n + added.collateralUsd,
      entryPrice: 1_448_275_862_069n,
      exitFeeUsd: 1_496_250n + added.exitFeeUsd,
      liquidationFeeUsd: 2_992_500n + added.liquidationFeeUsd,
      liquidatable: false,
    });
    // The borrow cost is that of the merged size.
    expect(preview?.borrow.rateHourly).toBe(preview?.borrowRateHourly);
  });

  it('a limit order that would merge into a position its trigger liquidates is refused in words (never "Leverage after ∞")', () => {
    const existing = {
      side: 'long' as const,
      sizeUsd: 10_000_000_000n, // $10,000 at $150 with $100 of collateral: liquidated near $149
      collateralUsd: 100_000_000n,
      collateralAmount: 700_000_000n,
      entryPrice: SOL_PRICE,
      lockAmount: 67_000_000_000n,
      exitFeeUsd: 10_000_000n,
      liquidationFeeUsd: 20_000_000n,
      borrowFeeUsd: 0n,
    };
    // The trigger ($120) lies beyond the position's own liquidation price: it is liquidated before the order could fill.
    const first = previewTicket({ ...base, orderType: 'limit', triggerPrice: 1_200_000_000_000n, collateralAmount: 100_000_000n, existing });
    expect(first.preview?.increase?.before.liquidatable).toBe(true);
    expect(first.issue?.code).toBe('WOULD_LIQUIDATE');
    expect(first.issue?.message).toMatch(/^Your SOL long is liquidated at \$[\d,]+\.\d{2}, before the price reaches \$120\.00: this order could not add to it\./);
    expect(first.issue?.message).not.toContain('∞');
    // (Merging cannot push a position that survives the trigger past liquidation: the new part brings more margin than
    // it needs; the 'liquidated at once' refusal stays as a guard for rounding.)
  });

  it('costs in money: a SOL long posted in USDC pays the swap fee and the band, and is held in SOL', () => {
    const { preview } = previewTicket({ ...base, collateralToken: 'USDC', collateralAmount: 100_000_000n, leverageBps: 50_000n, balance: 1_000_000_000n });
    expect(preview?.heldToken).toBe('SOL');
    // posted $100; swap fee 0.2 USDC = $0.20; counted $99.302244 (above); band = 100 − 0.2 − 99.302244 = $0.497756
    expect(preview?.costs).toEqual({ postedUsd: 100_000_000n, swapFeeUsd: 200_000n, bandUsd: 497_756n, bandBps: 25n, openFeeUsd: 0n, totalUsd: 697_756n });
  });

  it('costs in money: 1 SOL posted at $150 is counted at the low: the 25 bps band costs $0.375', () => {
    const { preview } = previewTicket(base);
    expect(preview?.costs).toEqual({ postedUsd: 150_000_000n, swapFeeUsd: 0n, bandUsd: 375_000n, bandBps: 25n, openFeeUsd: 0n, totalUsd: 375_000n });
  });
});

describe('previewTicket: the issues, in plain words', () => {
  it.each([
    ['no amount', { collateralAmount: undefined }, 'AMOUNT_REQUIRED'],
    ['zero amount', { collateralAmount: 0n }, 'AMOUNT_REQUIRED'],
    ['under $10 of collateral', { collateralAmount: 60_000_000n }, 'COLLATERAL_TOO_SMALL'],
    ['above max leverage', { leverageBps: 1_000_001n }, 'LEVERAGE_TOO_HIGH'],
    ['below 1.1x', { leverageBps: 10_999n }, 'LEVERAGE_TOO_LOW'],
    ['more than the wallet holds', { balance: 999_999_999n }, 'INSUFFICIENT_BALANCE'],
    ['market closed', { market: { ...solMarket, open: false } }, 'MARKET_CLOSED'],
    ['stale price', { market: { ...solMarket, stale: true } }, 'ORACLE_STALE'],
    ['above max position', { collateralAmount: 10_000_000_000_000n, balance: undefined }, 'POSITION_TOO_LARGE'],
    ['above the open-interest cap', { market: { ...solMarket, openInterestLongUsd: 2_999_000_000_000n } }, 'OPEN_INTEREST_CAP'],
    ['not enough free liquidity', { custodies: [{ token: 'SOL' as const, owned: 10_000_000_000n, locked: 1n }] }, 'INSUFFICIENT_LIQUIDITY'],
    ['SOL as collateral of a short', { side: 'short' as const }, 'UNSUPPORTED_COLLATERAL'],
    ['a take profit below the mark for a long', { takeProfit: 1_400_000_000_000n }, 'INVALID_TAKE_PROFIT'],
    ['a stop loss below the liquidation price', { stopLoss: 1_300_000_000_000n }, 'INVALID_STOP_LOSS'],
    ['a limit order without a trigger', { orderType: 'limit' as const }, 'TRIGGER_REQUIRED'],
  ] as [string, Partial<TicketInput>, string][])('%s → %s', (_name, patch, code) => {
    const { issue } = previewTicket({ ...base, ...patch });
    expect(issue?.code).toBe(code);
    expect(issue?.message.length).toBeGreaterThan(10);
  });

  it('a valid TP and SL pass', () => {
    expect(previewTicket({ ...base, takeProfit: 1_600_000_000_000n, stopLoss: 1_400_000_000_000n }).issue).toBeUndefined();
  });
});

describe('previewTicket: the same numbers as lib/math computeOpen (what the engine runs)', () => {
  it('for any amount and leverage of a SOL long in SOL', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 11_000n, max: 1_000_000n }), (amount, leverageBps) => {
        const { preview } = previewTicket({ ...base, collateralAmount: amount, leverageBps, balance: undefined });
        const direct = computeOpen({
          market: 'SOL',
          side: 'long',
          collateralAmount: amount,
          collateralLow: 1_496_250_000_000n,
          collateralDecimals: 9,
          leverageBps,
          price: SOL_PRICE,
          lockLow: 1_496_250_000_000n,
          lockDecimals: 9,
        });
        expect(preview?.open).toEqual(direct);
      }),
    );
  });
});
