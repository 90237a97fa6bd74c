/**
 * lib/math throughput: liquidation checks (what the keeper re-checks per candidate: borrow fee, liquidation
 * price, the §6 test) and bare liquidation prices, per second, over a fixed set of varied positions.
 */
import { isLiquidatable, liquidationPrice } from '@/lib/math/liquidation';
import { positionBorrowFeeUsd, type PositionState } from '@/lib/math/position';
import { MARKETS } from '@/lib/math/params';
import { median, nowMs, row, type BenchRow } from './stats';

const RUNS = 7;
const PER_RUN = 200_000;
const VARIANTS = 1_024;

function positions(): PositionState[] {
  const out: PositionState[] = [];
  for (let i = 0; i < VARIANTS; i++) {
    const sizeUsd = BigInt(100 + (i % 97) * 13) * 1_000_000n;
    out.push({
      side: i % 2 === 0 ? 'long' : 'short',
      sizeUsd,
      collateralUsd: sizeUsd / BigInt(2 + (i % 40)),
      collateralAmount: 10_000_000n,
      entryPrice: 1_400_000_000_000n + BigInt(i) * 100_000_000n,
      lockAmount: 1_000_000_000n,
      exitFeeUsd: sizeUsd / 1_000n,
      liquidationFeeUsd: sizeUsd / 500n,
      carriedInterestUsd: BigInt(i % 5) * 1_000n,
      interestSnapshot: 1_000_000_000n + BigInt(i) * 10n,
    });
  }
  return out;
}

function perSecond(fn: (p: PositionState, i: number) => void, all: readonly PositionState[]): number {
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = nowMs();
    for (let i = 0; i < PER_RUN; i++) fn(all[i % VARIANTS] as PositionState, i);
    rates.push(PER_RUN / ((nowMs() - t0) / 1000));
  }
  return median(rates);
}

export function benchMath(): BenchRow[] {
  const all = positions();
  const leverage = MARKETS.SOL.liquidationLeverageBps;
  const cumulative = 1_000_500_000n;
  let sink = 0n;
  const priceOf = (p: PositionState) =>
    liquidationPrice({
      side: p.side,
      sizeUsd: p.sizeUsd,
      collateralUsd: p.collateralUsd,
      entryPrice: p.entryPrice,
      liquidationLeverageBps: leverage,
      liquidationFeeUsd: p.liquidationFeeUsd,
      borrowFeeUsd: positionBorrowFeeUsd({ position: p, cumulativeInterest: cumulative }),
    });
  const checks = perSecond((p, i) => {
    const liq = priceOf(p);
    if (isLiquidatable({ side: p.side, price: 1_300_000_000_000n + BigInt(i % 4_000) * 100_000_000n, liquidationPrice: liq })) sink += 1n;
  }, all);
  const prices = perSecond((p) => {
    sink += liquidationPrice({
      side: p.side,
      sizeUsd: p.sizeUsd,
      collateralUsd: p.collateralUsd,
      entryPrice: p.entryPrice,
      liquidationLeverageBps: leverage,
      liquidationFeeUsd: p.liquidationFeeUsd,
      borrowFeeUsd: p.carriedInterestUsd,
    });
  }, all);
  if (sink === -1n) throw new Error('unreachable');
  return [
    row({ section: 'math', name: 'liquidation checks (borrow fee + price + test)', value: checks, unit: '/s', target: '' }),
    row({ section: 'math', name: 'liquidation prices', value: prices, unit: '/s', target: '' }),
  ];
}
