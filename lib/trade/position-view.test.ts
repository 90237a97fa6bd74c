import { describe, expect, it } from 'vitest';
import { positionView } from './position-view';

// $1,000 long SOL on $100 collateral at $150, exit fee $1, borrow fee accrued to the last read $0.05.
const position = {
  side: 'long' as const,
  sizeUsd: 1_000_000_000n,
  collateralUsd: 100_000_000n,
  collateralAmount: 666_666_666n,
  entryPrice: 1_500_000_000_000n,
  lockAmount: 6_666_666_667n,
  exitFeeUsd: 1_000_000n,
  liquidationFeeUsd: 2_000_000n,
  borrowFeeUsd: 50_000n,
};

describe('positionView', () => {
  it.each([
    // pnl = floor(1e9 × 1 / 150) = 6_666_666; net = pnl − 1_000_000 − 50_000; leverage = ceil(1e13 / 106_616_666) = ceil(93_793.97) = 93_794
    [true, 6_666_666n, 5_616_666n, 5_616_666n, 561n, 93_794n],
    [false, 6_666_666n, 5_616_666n, 6_666_666n, 666n, 93_794n],
  ])('at $151 with fees %s', (withFees, pricePnl, netPnl, shown, shownBps, leverage) => {
    expect(positionView({ market: 'SOL', position, price: 1_510_000_000_000n, withFees })).toEqual({
      pricePnlUsd: pricePnl,
      netPnlUsd: netPnl,
      shownPnlUsd: shown,
      shownPnlBps: shownBps,
      leverageBps: leverage,
    });
  });
});
