import { describe, expect, it } from 'vitest';
import { tidyMessage } from './message';

describe('tidyMessage: prices in sentences read as the rest of the screen', () => {
  it.each([
    ['Price $114.360994755 is above your acceptable price $114.0.', undefined, 'Price $114.36 is above your acceptable price $114.00.'],
    ['Collateral $9.5 is below the minimum of $10.', undefined, 'Collateral $9.50 is below the minimum of $10.'],
    ['Size $1,000,000.123456 is above the maximum.', undefined, 'Size $1,000,000.12 is above the maximum.'],
    ['Price $0.0000255473 moved.', undefined, 'Price $0.00002555 moved.'], // below $1: 4 significant digits
    ['BONK at $0.0000255473', 'BONK', 'BONK at $0.00002555'], // the market's own 8 digits
    ['BTC at $95,000.54321', 'BTC', 'BTC at $95,000.54'], // cents at least: the same sentence may hold USD amounts
    ['XAG at $31.24567', 'XAG', 'XAG at $31.246'],
    ['SOL at $150.255', 'SOL', 'SOL at $150.26'], // half away from zero, on the bigint
    ['A loss of -$12.3456', undefined, 'A loss of -$12.35'],
    ['Fee $0.2500001', undefined, 'Fee $0.25'], // below $1 without a market: significant digits, no trailing zeros
    ['Price $0.0000250000', undefined, 'Price $0.000025'],
    ['Leverage 150x is above 100x; 0.25% band.', undefined, 'Leverage 150x is above 100x; 0.25% band.'],
    ['Stop loss $140 must lie above $136.05.', 'SOL', 'Stop loss $140 must lie above $136.05.'],
  ] as const)('%j (%s) → %j', (message, market, out) => {
    expect(tidyMessage(message, { market })).toBe(out);
  });
});
