/**
 * Hostile bodies against POST /api/transactions/{action}: malformed JSON, wrong shapes, negative, zero,
 * fractional and huge amounts, unknown markets, leverage out of range, bad or substituted owners. Each answers a
 * 4xx with a stable code and changes nothing on chain; a transaction built for one owner cannot be signed by
 * another.
 */
import { GET as getMarkets } from '@/app/api/markets/route';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address, KeyPairSigner } from '@solana/kit';
import { SignatureVerificationError } from '@/lib/validator/errors';
import { associatedTokenAddress } from '@/lib/chain/pda';
import { setServicesForTests } from '@/lib/server/services';
import { signAsFeePayer, startChainHarness, type ChainHarness, type ErrorBody } from './harness';

let h: ChainHarness;
let w: KeyPairSigner;
let position: string;
const ONE_SOL = 1_000_000_000n;

const open = (extra: Record<string, unknown> = {}) => ({
  market: 'SOL',
  side: 'short',
  collateralToken: 'USDC',
  collateralAmount: '100000000',
  leverageBps: '50000',
  acceptablePrice: '0',
  ...extra,
});

beforeAll(async () => {
  h = await startChainHarness();
  w = await h.wallet({ lamports: ONE_SOL, USDC: 1_000_000_000n });
  position = (await h.act(w, 'openPosition', open())).accounts.position!;
}, 120_000);
afterAll(async () => h.close());

/** Posts and expects `status` and `code`, with nothing of the chain changed. */
async function expectRefused(action: string, body: unknown, status: number, code: string, init?: Parameters<ChainHarness['post']>[2]) {
  const before = h.digest([w.address]);
  const a = await h.post<ErrorBody>(action, body, init);
  expect({ status: a.status, code: a.body?.error?.code }, JSON.stringify(body)?.slice(0, 200)).toEqual({ status, code });
  expect(a.body.error.message.length).toBeGreaterThan(10);
  expect(h.digest([w.address])).toBe(before);
}

describe('the request itself', () => {
  it('an unknown action is 404; a body that is not JSON, not JSON-typed, or over 64 KB is refused', async () => {
    await expectRefused('liquidate', { owner: w.address, params: {} }, 404, 'UNKNOWN_ACTION');
    await expectRefused('__proto__', { owner: w.address, params: {} }, 404, 'UNKNOWN_ACTION');
    await expectRefused('openPosition', undefined, 400, 'INVALID_JSON', { raw: '{"owner": ' });
    await expectRefused('openPosition', undefined, 400, 'INVALID_JSON', { raw: new Uint8Array([0x7b, 0xff, 0x7d]) });
    await expectRefused('openPosition', undefined, 415, 'UNSUPPORTED_MEDIA_TYPE', { raw: '{}', headers: { 'content-type': 'text/plain' } });
    await expectRefused('openPosition', undefined, 413, 'BODY_TOO_LARGE', { raw: JSON.stringify({ owner: w.address, params: open({ pad: 'x'.repeat(70_000) }) }) });
  });

  it('the envelope: an object with exactly owner and params', async () => {
    await expectRefused('openPosition', [w.address, open()], 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', 'openPosition', 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', null, 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', { params: open() }, 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', { owner: w.address }, 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', { owner: w.address, params: [open()] }, 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', { owner: w.address, params: open(), signature: 'x' }, 400, 'INVALID_REQUEST');
  });

  it('the owner: a wallet address, not a program or token account', async () => {
    for (const owner of ['', 'not-base58-0OIl', '1'.repeat(60), 'So11111111111111111111111111111111111111112x']) {
      await expectRefused('openPosition', { owner, params: open() }, 400, 'INVALID_OWNER');
    }
    await expectRefused('openPosition', { owner: 42, params: open() }, 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', { owner: h.chain.addresses.custodies.ALP.USDC, params: open() }, 400, 'INVALID_OWNER');
    await expectRefused('openPosition', { owner: await associatedTokenAddress(w.address, h.chain.addresses.mints.USDC), params: open() }, 400, 'INVALID_OWNER');
    await expectRefused('openPosition', { owner: h.chain.addresses.programId, params: open() }, 400, 'INVALID_OWNER');
  });
});

describe('params', () => {
  it('amounts are decimal strings of a u64: negative, zero, fractional, exponent, hex, numbers and huge ones are 400', async () => {
    const cases: [unknown, string][] = [
      ['-1', 'INVALID_NUMBER'],
      ['1.5', 'INVALID_NUMBER'],
      ['1e8', 'INVALID_NUMBER'],
      ['0x10', 'INVALID_NUMBER'],
      [' 100', 'INVALID_NUMBER'],
      ['', 'INVALID_NUMBER'],
      ['9'.repeat(100), 'INVALID_NUMBER'],
      ['0', 'NUMBER_OUT_OF_RANGE'],
      ['18446744073709551616', 'NUMBER_OUT_OF_RANGE'],
      ['340282366920938463463374607431768211456', 'NUMBER_OUT_OF_RANGE'],
      [100000000, 'INVALID_REQUEST'],
      [null, 'INVALID_REQUEST'],
    ];
    for (const [value, code] of cases) {
      await expectRefused('openPosition', { owner: w.address, params: open({ collateralAmount: value }) }, 400, code);
      await expectRefused('addLiquidity', { owner: w.address, params: { pool: 'ALP', token: 'USDC', amount: value, minLpOut: '0' } }, 400, code);
    }
    await expectRefused('swap', { owner: w.address, params: { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: '1000000', minAmountOut: '-1' } }, 400, 'INVALID_NUMBER');
    await expectRefused('closePosition', { owner: w.address, params: { positionId: position, fractionBps: '0', acceptablePrice: '0' } }, 400, 'NUMBER_OUT_OF_RANGE');
    await expectRefused('closePosition', { owner: w.address, params: { positionId: position, fractionBps: '10001', acceptablePrice: '0' } }, 400, 'NUMBER_OUT_OF_RANGE');
  });

  it('unknown markets, tokens, pools, sides and fields; missing fields', async () => {
    await expectRefused('openPosition', { owner: w.address, params: open({ market: 'DOGE' }) }, 400, 'UNKNOWN_MARKET');
    await expectRefused('openPosition', { owner: w.address, params: open({ market: '__proto__' }) }, 400, 'UNKNOWN_MARKET');
    await expectRefused('openPosition', { owner: w.address, params: open({ collateralToken: 'ETH' }) }, 400, 'UNKNOWN_TOKEN');
    await expectRefused('addLiquidity', { owner: w.address, params: { pool: 'GLP', token: 'USDC', amount: '1', minLpOut: '0' } }, 400, 'UNKNOWN_POOL');
    await expectRefused('openPosition', { owner: w.address, params: open({ side: 'up' }) }, 400, 'INVALID_REQUEST');
    await expectRefused('openPosition', { owner: w.address, params: open({ slot: '3' }) }, 400, 'INVALID_REQUEST');
    const { acceptablePrice: _omit, ...noPrice } = open();
    void _omit;
    await expectRefused('openPosition', { owner: w.address, params: noPrice }, 400, 'INVALID_REQUEST');
    await expectRefused('setTpSl', { owner: w.address, params: { positionId: position, takeProfit: '1' } }, 400, 'INVALID_REQUEST');
  });

  it('leverage out of range is the program\'s LEVERAGE_TOO_HIGH / LOW (422); zero or beyond a u64 is 400', async () => {
    await expectRefused('openPosition', { owner: w.address, params: open({ leverageBps: '2000000' }) }, 422, 'LEVERAGE_TOO_HIGH');
    await expectRefused('openPosition', { owner: w.address, params: open({ leverageBps: '1' }) }, 422, 'LEVERAGE_TOO_LOW');
    await expectRefused('placeLimitOrder', { owner: w.address, params: open({ leverageBps: '2000000', triggerPrice: '1600000000000' }) }, 422, 'LEVERAGE_TOO_HIGH');
    await expectRefused('openPosition', { owner: w.address, params: open({ leverageBps: '0' }) }, 400, 'NUMBER_OUT_OF_RANGE');
    await expectRefused('openPosition', { owner: w.address, params: open({ leverageBps: '18446744073709551616' }) }, 400, 'NUMBER_OUT_OF_RANGE');
  });

  it('positions and orders are account addresses: malformed is 400, not a position is 404', async () => {
    await expectRefused('closePosition', { owner: w.address, params: { positionId: '12', acceptablePrice: '0' } }, 400, 'INVALID_ADDRESS');
    await expectRefused('cancelOrder', { owner: w.address, params: { orderId: 'x'.repeat(44) } }, 400, 'INVALID_ADDRESS');
    await expectRefused('closePosition', { owner: w.address, params: { positionId: h.chain.addresses.markets.SOL, acceptablePrice: '0' } }, 404, 'NOT_FOUND');
    await expectRefused('cancelOrder', { owner: w.address, params: { orderId: position } }, 404, 'NOT_FOUND');
    await expectRefused('addCollateral', { owner: w.address, params: { positionId: h.chain.addresses.config, amount: '1' } }, 404, 'NOT_FOUND');
  });
});

describe('a substituted owner', () => {
  it('cannot act on another wallet\'s position (NOT_OWNER), nor sign a transaction built for another owner', async () => {
    const thief = await h.wallet({ lamports: ONE_SOL });
    await expectRefused('closePosition', { owner: thief.address, params: { positionId: position, acceptablePrice: '0' } }, 403, 'NOT_OWNER');
    await expectRefused('removeCollateral', { owner: thief.address, params: { positionId: position, amountUsd: '1000000' } }, 403, 'NOT_OWNER');
    await expectRefused('setTpSl', { owner: thief.address, params: { positionId: position, takeProfit: null, stopLoss: null } }, 403, 'NOT_OWNER');
    // The owner's own close, signed by the thief in the fee payer's slot: the chain refuses the signature.
    const built = await h.post('closePosition', { owner: w.address, params: { positionId: position, acceptablePrice: '0' } });
    expect(built.status).toBe(200);
    const before = h.digest([w.address, thief.address]);
    const forged = await signAsFeePayer(thief, built.body.transaction);
    await expect(h.chain.local!.sendTransaction(forged)).rejects.toBeInstanceOf(SignatureVerificationError);
    expect(h.digest([w.address, thief.address])).toBe(before);
    // The owner's own signature works.
    const result = await h.signAndSend(w, built.body.transaction);
    expect(result.err).toBeNull();
    expect(h.position(position)).toBeUndefined();
  });
});

describe('without a chain', () => {
  it('the transactions route, the quote and the chain reads answer 503 CHAIN_UNAVAILABLE with what to do', async () => {
    setServicesForTests({ ...h.services, chain: undefined });
    try {
      const a = await h.post<ErrorBody>('openPosition', { owner: w.address as Address, params: open() });
      expect([a.status, a.body.error.code]).toEqual([503, 'CHAIN_UNAVAILABLE']);
      const q = await h.quote<ErrorBody>({ market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: '100000000', leverageBps: '50000' });
      expect([q.status, q.body.error.code]).toEqual([503, 'CHAIN_UNAVAILABLE']);
      expect(q.body.error.message).toMatch(/SOLANA_RPC_URL/);
      const markets = await getMarkets(new Request('http://perps.test/api/markets'), undefined);
      expect(markets.status).toBe(503);
      expect(((await markets.json()) as ErrorBody).error.code).toBe('CHAIN_UNAVAILABLE');
    } finally {
      setServicesForTests(h.services);
    }
  });
});
