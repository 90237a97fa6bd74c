import { describe, expect, it } from 'vitest';
import { describeHistoryRow, liquidityPool } from './history-row';
import type { HistoryRowInput } from './history-row';

const row = (kind: string, details: HistoryRowInput['details'], market: string | undefined = 'SOL'): HistoryRowInput => ({ kind, market, details });

describe('history rows in words', () => {
  it.each([
    [row('closed', { fractionBps: '5000', reason: 'close', payoutToken: 'SOL', payoutAmount: '330000000', payoutUsd: '49500000' }), 'Partly closed (50%)', 'Paid out 0.33 SOL ($49.50)'],
    [row('closed', { fractionBps: '10000', reason: 'close', payoutToken: 'USDC', payoutAmount: '99100000', payoutUsd: '99100000' }), 'Closed', 'Paid out 99.1 USDC ($99.10)'],
    [row('closed', { fractionBps: '10000', reason: 'takeProfit', payoutToken: 'SOL', payoutAmount: '1000000000', payoutUsd: '160000000' }), 'Closed by take profit', 'Paid out 1 SOL ($160.00)'],
    [row('liquidated', { fractionBps: '10000', reason: 'liquidation', payoutToken: 'SOL', payoutAmount: '0', payoutUsd: '0' }), 'Liquidated', 'Paid out 0 SOL ($0.00)'],
    [row('collateral', { collateralUsdBefore: '100000000', collateralUsdAfter: '150000000', token: 'USDC', amount: '50000000', addedUsd: '50000000' }), 'Collateral added', '+$50.00 (50 USDC) · $100.00 → $150.00'],
    [row('collateral', { collateralUsdBefore: '150000000', collateralUsdAfter: '130000000', token: 'USDC', amountOut: '20000000', amountUsd: '20000000' }), 'Collateral removed', '−$20.00 (20 USDC) · $150.00 → $130.00'],
    [row('tpsl', { takeProfit: '1600000000000', stopLoss: null }), 'TP/SL set', 'TP $160.00 · SL none'],
    [row('opened', { postedToken: 'USDC', postedAmount: '100000000', collateralToken: 'SOL', collateralAmount: '663674147', leverageBps: '100000' }), 'Opened', '100 USDC posted → 0.663674 SOL held · at 10.0x'],
    [row('order_placed', { collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '50000' }), 'Order placed', '100 USDC held for the order · at 5.0x'],
    [row('liquidity_added', { token: 'SOL', amount: '1000000000', lpOut: '157000000', aumUsd: '9527483206691' }, undefined), 'Liquidity added to ALP', '1 SOL → 157 ALP'],
    [row('liquidity_removed', { token: 'USDC', lpAmount: '100000000', amountOut: '99900000', aumUsd: '1000000000000' }, undefined), 'Liquidity removed from RWALP', '100 RWALP → 99.9 USDC'],
    [row('faucet', { token: 'USDC', amount: '10000000000' }, undefined), 'Test funds', 'Received 10,000 USDC'], // never an empty card
    [row('swap', { tokenIn: 'SOL', tokenOut: 'USDC', amountIn: '1000000000', amountOut: '149325750' }, undefined), 'Swap', '1 SOL → 149.32575 USDC'],
  ])('%o → %s: %s', (input, label, detail) => {
    const text = describeHistoryRow(input, { aumNowUsd: { ALP: 9_500_000_000_000n, RWALP: 1_000_000_000_000n } });
    expect(text.label).toBe(label);
    expect(text.detail).toBe(detail);
  });

  it.each([
    [{ pool: 'RWALP', token: 'USDC' }, 'RWALP'], // the API's own field wins
    [{ token: 'BONK' }, 'ALP'], // only ALP holds BONK
    [{ token: 'USDC', aumUsd: '9000000000000' }, 'ALP'], // nearest AUM by ratio: 9.5M/9M beats 9M/1M
    [{ token: 'USDC', aumUsd: '1200000000000' }, 'RWALP'],
    [{ token: 'USDC' }, undefined], // nothing to tell them apart: no pool claimed
  ] as [HistoryRowInput['details'], string | undefined][])('liquidityPool(%o) = %s', (details, pool) => {
    expect(liquidityPool({ details, aumNowUsd: { ALP: 9_500_000_000_000n, RWALP: 1_000_000_000_000n } })).toBe(pool);
  });
});
