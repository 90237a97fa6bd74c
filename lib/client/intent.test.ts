import { describe, expect, it } from 'vitest';
import { intentSchema } from '@/lib/auth/intent';
import { buildIntentMessage, newNonce, serializeParams } from '@/lib/client/intent';

describe('buildIntentMessage', () => {
  it('writes the documented keys in order, bigints as decimal strings', () => {
    const message = buildIntentMessage({
      domain: 'localhost:3000',
      owner: 'Owner111',
      action: 'openPosition',
      params: { market: 'SOL', side: 'long', collateralAmount: 1_500_000_000n, leverageBps: 100_000n, takeProfit: null, stopLoss: undefined },
      nonce: 'abc',
      expiresAt: 1_795_470_660_000,
    });
    expect(message).toBe(
      '{"v":1,"domain":"localhost:3000","owner":"Owner111","nonce":"abc","expiresAt":1795470660000,"action":"openPosition",' +
        '"params":{"market":"SOL","side":"long","collateralAmount":"1500000000","leverageBps":"100000","takeProfit":null}}',
    );
  });

  it('is accepted by the server-side schema', () => {
    const message = buildIntentMessage({ domain: 'h', owner: 'o', action: 'faucet', params: { token: 'USDC', amount: 10_000_000_000n }, nonce: newNonce(), expiresAt: 1 });
    expect(intentSchema.safeParse(JSON.parse(message)).success).toBe(true);
  });
});

describe('serializeParams', () => {
  it.each([
    [{ a: 0n }, { a: '0' }],
    [{ a: -5n }, { a: '-5' }],
    [{ a: 10n ** 30n }, { a: '1000000000000000000000000000000' }],
    [{ a: 'x', b: 3, c: true, d: null, e: undefined }, { a: 'x', b: 3, c: true, d: null }],
  ])('%o → %o', (input, expected) => {
    expect(serializeParams(input)).toEqual(expected);
  });
});

describe('newNonce', () => {
  it('is 32 hex characters and differs between calls', () => {
    const a = newNonce();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newNonce()).not.toBe(a);
  });
});
