import { describe, expect, it } from 'vitest';
import { closeAcceptablePrice, openAcceptablePrice } from './acceptable-price';
import { amountForFraction, amountToInputText } from './amount-fraction';
import { fractionForCloseSize } from './close-preview';
import { historyToCsv } from './history-csv';
import { changeBps, dayStats } from './market-stats';
import { limitTriggerFromMove, triggerFromMove } from './trigger-presets';

describe('acceptable prices (0.5% slippage at $150)', () => {
  it.each([
    ['long', 1_507_500_000_000n, 1_492_500_000_000n],
    ['short', 1_492_500_000_000n, 1_507_500_000_000n],
  ] as const)('%s: open %s, close %s', (side, open, close) => {
    expect(openAcceptablePrice({ side, price: 1_500_000_000_000n, slippageBps: 50n })).toBe(open);
    expect(closeAcceptablePrice({ side, price: 1_500_000_000_000n, slippageBps: 50n })).toBe(close);
  });
  it('rounds the tolerance narrower, never wider (price 3, 1 bps)', () => {
    expect(openAcceptablePrice({ side: 'long', price: 3n, slippageBps: 1n })).toBe(3n);
    expect(openAcceptablePrice({ side: 'short', price: 3n, slippageBps: 1n })).toBe(3n);
  });
});

describe('amount fractions', () => {
  it.each([
    [1_000n, 2_500n, 250n],
    [1_001n, 5_000n, 500n],
    [7n, 10_000n, 7n],
    [0n, 10_000n, 0n],
  ])('floor(%s × %s bps) = %s', (balance, fractionBps, out) => {
    expect(amountForFraction({ balance, fractionBps })).toBe(out);
  });
  it.each([
    [1_500_000_000n, 9, '1.5'],
    [10_000_000_000n, 6, '10000'],
    [1n, 5, '0.00001'],
    [0n, 6, '0'],
  ])('%s at %s decimals → %s', (amount, decimals, text) => {
    expect(amountToInputText({ amount, decimals })).toBe(text);
  });
});

describe('24h stats', () => {
  const c = (time: number, open: bigint, high: bigint, low: bigint, close: bigint) => ({ time, open, high, low, close });
  it('uses candles inside the window and folds in the live price', () => {
    const now = 200_000;
    const candles = [c(now - 90_000, 1n, 999n, 1n, 1n), c(now - 80_000, 100n, 120n, 90n, 110n), c(now - 3_600, 110n, 130n, 95n, 125n)];
    expect(dayStats({ candles, price: 140n, nowS: now })).toEqual({ openPrice: 100n, highPrice: 140n, lowPrice: 90n, changeBps: 4_000n });
  });
  it('no candles: no stats', () => {
    expect(dayStats({ candles: [], price: 1n, nowS: 0 })).toBeUndefined();
  });
  it.each([
    [100n, 99n, -100n],
    [3n, 2n, -3334n],
    [0n, 5n, 0n],
  ])('change %s → %s = %s bps (floored)', (from, to, bps) => {
    expect(changeBps({ from, to })).toBe(bps);
  });
});

describe('trigger presets', () => {
  it.each([
    ['long', 'takeProfit', 1_650_000_000_000n],
    ['long', 'stopLoss', 1_350_000_000_000n],
    ['short', 'takeProfit', 1_350_000_000_000n],
    ['short', 'stopLoss', 1_650_000_000_000n],
  ] as const)('%s %s 10%% from $150', (side, kind, out) => {
    expect(triggerFromMove({ side, kind, price: 1_500_000_000_000n, moveBps: 1_000n })).toBe(out);
  });
  it('limit 1% better than the mark', () => {
    expect(limitTriggerFromMove({ side: 'long', price: 1_500_000_000_000n, moveBps: 100n })).toBe(1_485_000_000_000n);
    expect(limitTriggerFromMove({ side: 'short', price: 1_500_000_000_000n, moveBps: 100n })).toBe(1_515_000_000_000n);
  });
});

describe('close by amount', () => {
  it.each([
    [250_000_000n, 1_000_000_000n, 2_500n],
    [1n, 3n, 3_334n],
    [5_000_000_000n, 1_000_000_000n, 10_000n],
    [0n, 1_000_000_000n, undefined],
  ])('%s of %s → %s bps', (closeSizeUsd, positionSizeUsd, bps) => {
    expect(fractionForCloseSize({ closeSizeUsd, positionSizeUsd })).toBe(bps);
  });
});

describe('history CSV', () => {
  it('exact decimals, quoted fields, CRLF', () => {
    const csv = historyToCsv([
      { id: 'e,1', kind: 'closed', market: 'SOL', side: 'long', at: 0, sizeUsd: 1_496_250_000n, price: 1_360_500_000_000n, realizedPnlUsd: -12_345_678n, feesUsd: 1_496_250n, signature: '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW' },
      { id: 'e2', kind: 'faucet', market: undefined, side: undefined, at: 60, sizeUsd: undefined, price: undefined, realizedPnlUsd: undefined, feesUsd: undefined },
    ]);
    expect(csv).toBe(
      'time_utc,event,market,side,size_usd,price,realized_pnl_usd,fees_usd,id,signature\r\n' +
        '1970-01-01T00:00:00.000Z,closed,SOL,long,1496.25,136.05,-12.345678,1.49625,"e,1",5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW\r\n' +
        '1970-01-01T00:01:00.000Z,faucet,,,,,,,e2,\r\n',
    );
  });
});
