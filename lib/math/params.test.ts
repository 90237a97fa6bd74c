import { describe, expect, it } from 'vitest';
import { FEED_IDS, MARKET_IDS, POOL_IDS, TOKEN_IDS, isFeedId, isMarketId, isPoolId, isTokenId } from './ids';
import { CUSTODIES, GENESIS, MARKETS, POOLS, TOKENS, custodyParams, lockToken, marketToken, positionCollateralToken } from './params';
import { tokenToUsd } from './convert';

describe('params (§3, §9)', () => {
  it('targets of each pool sum to 100%', () => {
    for (const pool of POOL_IDS) {
      const sum = POOLS[pool].custodies.reduce((s, t) => s + custodyParams(pool, t).targetBps, 0n);
      expect(sum).toBe(10_000n);
    }
  });

  it.each([
    ['SOL', 'long', 'SOL', 'SOL', ['SOL', 'USDC']],
    ['BTC', 'long', 'WBTC', 'WBTC', ['WBTC', 'USDC']],
    ['BONK', 'short', 'BONK', 'USDC', ['USDC']],
    ['XAU', 'long', undefined, 'USDC', ['USDC']],
  ] as const)('%s %s: market token %s, lock %s, collateral %o', (market, side, token, lock, collateral) => {
    expect(marketToken(market)).toBe(token);
    expect(lockToken(market, side)).toBe(lock);
    expect(positionCollateralToken(market, side)).toBe(lock);
    expect(MARKETS[market].collateralTokens(side)).toEqual(collateral);
  });

  it('refuses a custody a pool does not hold', () => {
    expect(() => custodyParams('RWALP', 'SOL')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_COLLATERAL', message: 'RWALP has no SOL custody; use USDC.' }));
    expect(CUSTODIES.RWALP.USDC?.removeFeeBps).toBe(10n);
  });

  it('genesis ALP is about $10M at the default prices', () => {
    const prices = { USDC: GENESIS.prices.USDC, SOL: GENESIS.prices.SOL, WBTC: GENESIS.prices.BTC, BONK: GENESIS.prices.BONK };
    const total = TOKEN_IDS.reduce((s, t) => s + tokenToUsd({ amount: GENESIS.pools.ALP.custodies[t] ?? 0n, price: prices[t], decimals: TOKENS[t].decimals }, 'floor'), 0n);
    expect(total).toBe(9_999_999_999_649n);
  });

  it('guards ids', () => {
    expect(isTokenId('SOL')).toBe(true);
    expect(isTokenId('ETH')).toBe(false);
    expect(isFeedId('BTC') && isMarketId('XAU') && isPoolId('RWALP')).toBe(true);
    expect(FEED_IDS.length + MARKET_IDS.length).toBe(13);
  });
});
