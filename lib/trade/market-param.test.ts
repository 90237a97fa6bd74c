import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKET, marketFromParam } from './market-param';

describe('marketFromParam (the server and the browser pick the same market)', () => {
  it.each([
    { raw: 'BTC', market: 'BTC' },
    { raw: 'xau', market: 'XAU' },
    { raw: 'Wti', market: 'WTI' },
    { raw: 'DOGE', market: DEFAULT_MARKET },
    { raw: '', market: DEFAULT_MARKET },
    { raw: null, market: DEFAULT_MARKET },
    { raw: undefined, market: DEFAULT_MARKET },
  ])('$raw → $market', ({ raw, market }) => {
    expect(marketFromParam(raw)).toBe(market);
  });
});
