import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closePosition, validateClose } from './close';
import type { CloseInput } from './close';
import { computeOpen } from './open';
import type { OpenInput } from './open';
import { tokenPrices } from './oracle-band';
import type { PositionState } from './position';
import type { MarketId, Side, TokenId } from './ids';
import { TOKENS } from './params';
import { pow10, PRICE_ONE } from './scales';

const SOL_MID = 1_500_000_000_000n;

/** The worked example: long SOL, 2 SOL at low 149.625, 5x. */
const SOL_LONG: PositionState = {
  side: 'long',
  sizeUsd: 1_496_250_000n,
  collateralUsd: 299_250_000n,
  collateralAmount: 2_000_000_000n,
  entryPrice: SOL_MID,
  lockAmount: 10_000_000_000n,
  exitFeeUsd: 1_496_250n,
  liquidationFeeUsd: 2_992_500n,
  carriedInterestUsd: 0n,
  interestSnapshot: 0n,
};

/** The worked example: short BTC, 500 USDC at 20x, entry 95,000. */
const BTC_SHORT: PositionState = {
  side: 'short',
  sizeUsd: 10_000_000_000n,
  collateralUsd: 500_000_000n,
  collateralAmount: 500_000_000n,
  entryPrice: 950_000_000_000_000n,
  lockAmount: 10_000_000_000n,
  exitFeeUsd: 10_000_000n,
  liquidationFeeUsd: 20_000_000n,
  carriedInterestUsd: 0n,
  interestSnapshot: 0n,
};

const solClose = (price: bigint, extra: Partial<CloseInput> = {}): CloseInput => ({
  position: SOL_LONG,
  fractionBps: 10_000n,
  price,
  payoutHigh: tokenPrices({ token: 'SOL', price }).high,
  collateralDecimals: 9,
  borrowFeeUsd: 0n,
  cumulativeInterest: 0n,
  feeKind: 'exit',
  ...extra,
});

const btcClose = (price: bigint, extra: Partial<CloseInput> = {}): CloseInput => ({
  position: BTC_SHORT,
  fractionBps: 10_000n,
  price,
  payoutHigh: PRICE_ONE,
  collateralDecimals: 6,
  borrowFeeUsd: 0n,
  cumulativeInterest: 0n,
  feeKind: 'exit',
  ...extra,
});

describe('closePosition (§6): worked examples', () => {
  it.each([
    // same price: 299.25 − 1.49625 = 297.75375, paid at high 150.375 → 1.980074812… SOL
    ['long SOL at 150', solClose(SOL_MID), 0n, 1_496_250n, 297_753_750n, 1_980_074_812n],
    // +20%: pnl 299.25, payout 597.00375 at high 180.45 → 3.308416458 SOL (more than the collateral: owned drops)
    ['long SOL at 180', solClose(1_800_000_000_000n), 299_250_000n, 1_496_250n, 597_003_750n, 3_308_416_458n],
    // down to the liquidation price with the liquidation fee: 299.25 − 28.95 × 1496.25 / 150 − 2.9925 = 7.48125 (= size / 200), paid at high 121.352625
    ['long SOL liquidated at 121.05', solClose(1_210_500_000_000n, { feeKind: 'liquidation' }), -288_776_250n, 2_992_500n, 7_481_250n, 61_648_851n],
    // far below: the loss exceeds the collateral, the payout is 0
    ['long SOL at 100', solClose(1_000_000_000_000n), -498_750_000n, 1_496_250n, 0n, 0n],
    // 10,000 × 5,000 / 95,000 = 526.315789…; payout 500 + 526.315789 − 10 in USDC
    ['short BTC at 90,000', btcClose(900_000_000_000_000n), 526_315_789n, 10_000_000n, 1_016_315_789n, 1_016_315_789n],
    // at the liquidation price 99,085: −430 exactly; 500 − 430 − 20 = 50 = size / 200
    ['short BTC liquidated at 99,085', btcClose(990_850_000_000_000n, { feeKind: 'liquidation' }), -430_000_000n, 20_000_000n, 50_000_000n, 50_000_000n],
    // borrow fee 356.75 on top
    ['short BTC with borrow fee', btcClose(950_000_000_000_000n, { borrowFeeUsd: 356_750n }), 0n, 10_000_000n, 489_643_250n, 489_643_250n],
  ])('%s', (_name, input, pricePnlUsd, feeUsd, payoutUsd, payoutAmount) => {
    const result = closePosition(input);
    expect(result).toMatchObject({ pricePnlUsd, feeUsd, payoutUsd, payoutAmount, remaining: undefined });
    expect(result.ownedDelta).toBe(input.position.collateralAmount - payoutAmount);
    expect(result.realizedPnlUsd).toBe(payoutUsd - input.position.collateralUsd);
    expect(result.releasedLockAmount).toBe(input.position.lockAmount);
  });

  it('closes half pro rata: remainder exact, fees ceiled on the closed part, borrow fee carried', () => {
    const result = closePosition(solClose(SOL_MID, { fractionBps: 5_000n, borrowFeeUsd: 1_001n, cumulativeInterest: 77n }));
    expect(result).toEqual({
      closedSizeUsd: 748_125_000n,
      closedCollateralUsd: 149_625_000n,
      closedCollateralAmount: 1_000_000_000n,
      releasedLockAmount: 5_000_000_000n,
      pricePnlUsd: 0n,
      feeUsd: 748_125n,
      borrowFeePaidUsd: 501n,
      // 149.625 − 0.748125 − 0.000501
      payoutUsd: 148_876_374n,
      payoutAmount: 990_034_074n,
      ownedDelta: 9_965_926n,
      realizedPnlUsd: -748_626n,
      remaining: {
        ...SOL_LONG,
        sizeUsd: 748_125_000n,
        collateralUsd: 149_625_000n,
        collateralAmount: 1_000_000_000n,
        lockAmount: 5_000_000_000n,
        exitFeeUsd: 748_125n,
        liquidationFeeUsd: 1_496_250n,
        carriedInterestUsd: 500n,
        interestSnapshot: 77n,
      },
    });
  });

  it('caps the payout at lock plus collateral', () => {
    const position = { ...SOL_LONG, lockAmount: 0n };
    const result = closePosition({ ...solClose(3_000_000_000_000n), position });
    expect(result.payoutAmount).toBe(2_000_000_000n);
    // 2 SOL at high 300.75
    expect(result.payoutUsd).toBe(601_500_000n);
    expect(result.ownedDelta).toBe(0n);
  });

  it.each([0n, -1n, 10_001n])('refuses fraction %s with INVALID_AMOUNT', (fractionBps) => {
    expect(() => closePosition(solClose(SOL_MID, { fractionBps }))).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});

describe('validateClose (§6)', () => {
  const remaining = { ...SOL_LONG, collateralUsd: 9_999_999n };
  it.each([
    ['long', SOL_MID, SOL_MID + 1n, undefined, 'SLIPPAGE'],
    ['short', SOL_MID, SOL_MID - 1n, undefined, 'SLIPPAGE'],
    ['long', SOL_MID, SOL_MID, remaining, 'REMAINING_COLLATERAL_TOO_SMALL'],
  ] as const)('%s at %s with acceptable %s → %s', (side, price, acceptablePrice, rest, code) => {
    expect(() => validateClose({ side, price, acceptablePrice, remaining: rest })).toThrow(expect.objectContaining({ code }));
  });

  it('accepts inclusive limits', () => {
    expect(() => validateClose({ side: 'long', price: SOL_MID, acceptablePrice: SOL_MID, remaining: { ...SOL_LONG, collateralUsd: 10_000_000n } })).not.toThrow();
    expect(() => validateClose({ side: 'short', price: SOL_MID, acceptablePrice: SOL_MID, remaining: undefined })).not.toThrow();
    expect(() => validateClose({ side: 'short', price: SOL_MID, remaining: undefined })).not.toThrow();
  });
});

const CASES: readonly { market: MarketId; side: Side; token: TokenId }[] = [
  { market: 'SOL', side: 'long', token: 'SOL' },
  { market: 'BTC', side: 'long', token: 'WBTC' },
  { market: 'BONK', side: 'long', token: 'BONK' },
  { market: 'SOL', side: 'short', token: 'USDC' },
  { market: 'BTC', side: 'short', token: 'USDC' },
  { market: 'XAU', side: 'long', token: 'USDC' },
];

const caseArb = fc.constantFrom(...CASES);
const priceArb = fc.bigInt({ min: 10_000n, max: 10n ** 16n });

function openAt(c: (typeof CASES)[number], amount: bigint, leverageBps: bigint, price: bigint): { input: OpenInput; position: PositionState } {
  const collateral = tokenPrices({ token: c.token, price });
  const decimals = TOKENS[c.token].decimals;
  const input: OpenInput = { market: c.market, side: c.side, collateralAmount: amount, collateralLow: collateral.low, collateralDecimals: decimals, leverageBps, price, lockLow: collateral.low, lockDecimals: decimals };
  const q = computeOpen(input);
  const position: PositionState = { side: c.side, sizeUsd: q.sizeUsd, collateralUsd: q.collateralUsd, collateralAmount: amount, entryPrice: price, lockAmount: q.lockAmount, exitFeeUsd: q.exitFeeUsd, liquidationFeeUsd: q.liquidationFeeUsd, carriedInterestUsd: 0n, interestSnapshot: 0n };
  return { input, position };
}

describe('closePosition properties', () => {
  it('opening and closing at once at the same price returns the collateral minus the exit fee', () => {
    fc.assert(
      fc.property(caseArb, fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 11_000n, max: 500_000n }), priceArb, (c, amount, leverageBps, price) => {
        const { position } = openAt(c, amount, leverageBps, price);
        const decimals = TOKENS[c.token].decimals;
        const result = closePosition({ position, fractionBps: 10_000n, price, payoutHigh: tokenPrices({ token: c.token, price }).high, collateralDecimals: decimals, borrowFeeUsd: 0n, cumulativeInterest: 0n, feeKind: 'exit' });
        const expectedUsd = position.collateralUsd - position.exitFeeUsd;
        expect(result.pricePnlUsd).toBe(0n);
        expect(result.payoutUsd).toBe(expectedUsd > 0n ? expectedUsd : 0n);
        expect(result.payoutAmount <= amount).toBe(true);
        expect(result.ownedDelta >= 0n).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never rounds in the trader’s favour, caps a long’s payout at lock + collateral and a short’s profit at its size', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.bigInt({ min: 11_000n, max: 1_000_000n }),
        priceArb,
        priceArb,
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.constantFrom('exit' as const, 'liquidation' as const),
        (c, amount, leverageBps, entry, exit, fractionBps, borrowFeeUsd, feeKind) => {
          const { position } = openAt(c, amount, leverageBps, entry);
          const decimals = TOKENS[c.token].decimals;
          const payoutHigh = tokenPrices({ token: c.token, price: exit }).high;
          const r = closePosition({ position, fractionBps, price: exit, payoutHigh, collateralDecimals: decimals, borrowFeeUsd, cumulativeInterest: 0n, feeKind });
          // exact value owed × entry (a rational with denominator `entry`), never less than what is paid
          const move = c.side === 'long' ? exit - entry : entry - exit;
          const owedTimesEntry = (r.closedCollateralUsd - r.feeUsd - r.borrowFeePaidUsd) * entry + r.closedSizeUsd * move;
          expect(r.payoutUsd * entry <= (owedTimesEntry > 0n ? owedTimesEntry : 0n)).toBe(true);
          // the tokens paid are worth at most payoutUsd at the high
          expect(r.payoutAmount * payoutHigh <= r.payoutUsd * pow10(decimals + 4)).toBe(true);
          expect(r.payoutAmount <= r.releasedLockAmount + r.closedCollateralAmount).toBe(true);
          if (c.side === 'short') expect(r.pricePnlUsd <= r.closedSizeUsd).toBe(true);
          expect(r.payoutAmount >= 0n && r.payoutUsd >= 0n).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('closing in two pieces never charges less than closing whole', () => {
    fc.assert(
      fc.property(caseArb, fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 11_000n, max: 1_000_000n }), priceArb, priceArb, fc.bigInt({ min: 1n, max: 9_999n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), (c, amount, leverageBps, entry, exit, fractionBps, borrowFeeUsd) => {
        const { position } = openAt(c, amount, leverageBps, entry);
        const base = { price: exit, payoutHigh: tokenPrices({ token: c.token, price: exit }).high, collateralDecimals: TOKENS[c.token].decimals, cumulativeInterest: 0n, feeKind: 'exit' as const };
        const whole = closePosition({ ...base, position, fractionBps: 10_000n, borrowFeeUsd });
        const first = closePosition({ ...base, position, fractionBps, borrowFeeUsd });
        const rest = first.remaining!;
        const second = closePosition({ ...base, position: rest, fractionBps: 10_000n, borrowFeeUsd: rest.carriedInterestUsd });
        expect(first.feeUsd + second.feeUsd).toBe(whole.feeUsd);
        expect(first.borrowFeePaidUsd + second.borrowFeePaidUsd).toBe(whole.borrowFeePaidUsd);
        expect(first.pricePnlUsd + second.pricePnlUsd <= whole.pricePnlUsd).toBe(true);
        expect(first.closedSizeUsd + second.closedSizeUsd).toBe(position.sizeUsd);
        expect(first.closedCollateralAmount + second.closedCollateralAmount).toBe(position.collateralAmount);
        expect(first.releasedLockAmount + second.releasedLockAmount).toBe(position.lockAmount);
      }),
      { numRuns: 300 },
    );
  });
});
