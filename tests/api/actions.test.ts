/**
 * POST /api/actions end to end in-process: every action, every refusal code, and for each refusal that the
 * ledger (GET /api/pools + the accounts involved, and a digest of every state table) did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountWire, OpenQuoteWire, OrderWire, PositionWire } from '@/lib/client/wire';
import { newSigner, signIntent, type Signer } from '@/lib/auth/sign-intent';
import * as quoteRoute from '@/app/api/quote/open/route';
import { BACKENDS, DEFAULT_PRICES, DOMAIN, startHarness, stateDigest, type Harness } from './harness';
import { account, act, actingOwners, errorOf, history, ledger, pools, post, postSigned, type Answer } from './client';
import { TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';

const usdc = (dollars: number) => (BigInt(dollars) * 1_000_000n).toString();
const SOL_PRICE = DEFAULT_PRICES.SOL;
const price = (dollars: number) => (BigInt(dollars) * 10_000_000_000n).toString();

describe.each(BACKENDS)('POST /api/actions on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ backend });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Asserts the refusal and that nothing changed, for the accounts of `owners`. */
  async function refused(owners: readonly Signer[], run: () => Promise<Answer>, status: number, code: string | readonly string[]) {
    const names = owners.map((s) => s.owner);
    const before = await ledger(names);
    const digest = await stateDigest(h.db);
    const answer = await run();
    const error = errorOf(answer);
    expect(error.status, JSON.stringify(answer.body)).toBe(status);
    if (typeof code === 'string') expect(error.code).toBe(code);
    else expect(code).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await ledger(names)).toEqual(before);
    expect(await stateDigest(h.db)).toEqual(digest);
    return error;
  }

  async function ok<T>(answer: Promise<Answer<T>>): Promise<T> {
    const a = await answer;
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    return a.body;
  }

  /** A new wallet with `dollars` USDC from the faucet. */
  async function wallet(dollars = 10_000): Promise<Signer> {
    const signer = newSigner();
    await ok(act(signer, 'faucet', { token: 'USDC', amount: usdc(dollars) }));
    return signer;
  }

  const short = (over: Record<string, unknown> = {}) => ({
    market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '100000',
    acceptablePrice: price(149), ...over,
  });

  describe('faucet', () => {
    it('credits the wallet and shows the balance', async () => {
      const alice = newSigner();
      const body = await ok(act(alice, 'faucet', { token: 'USDC', amount: usdc(10_000) }));
      expect(body).toEqual({ token: 'USDC', amount: usdc(10_000), balance: usdc(10_000) });
      expect((await account(alice.owner)).balances.USDC).toBe(usdc(10_000));
    });

    it('refuses a second draw of a token within the minute (429) and a draw over the limit (422)', async () => {
      const alice = await wallet(1);
      await refused([alice], () => act(alice, 'faucet', { token: 'USDC', amount: usdc(1) }), 429, 'FAUCET_COOLDOWN');
      // Each token has its own minute (§9's basket): SOL may still be drawn.
      await ok(act(alice, 'faucet', { token: 'SOL', amount: '1000000000' }));
      const bob = newSigner();
      await refused([bob], () => act(bob, 'faucet', { token: 'USDC', amount: usdc(10_001) }), 422, 'FAUCET_LIMIT');
    });

    it('answers 403 DEVNET_DISABLED when the local network is off', async () => {
      const carol = newSigner();
      h.useDevnet(false);
      try {
        await refused([carol], () => act(carol, 'faucet', { token: 'USDC', amount: usdc(1) }), 403, 'DEVNET_DISABLED');
      } finally {
        h.useDevnet(true);
      }
    });
  });

  describe('positions', () => {
    it('opens exactly what the quote said, shows it on the account, and closes it in two steps', async () => {
      const alice = await wallet();
      const quote = await ok(post<OpenQuoteWire>(quoteRoute.POST as never, '/api/quote/open', {
        market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '100000',
      }));
      const position = await ok(act<PositionWire>(alice, 'openPosition', short()));
      expect(position).toMatchObject({
        owner: alice.owner, market: 'SOL', side: 'short', collateralToken: 'USDC', collateralAmount: usdc(100),
        collateralUsd: quote.collateralUsd, sizeUsd: quote.sizeUsd, entryPrice: quote.entryPrice,
        liquidationPrice: quote.liquidationPrice, exitFeeUsd: quote.exitFeeUsd, lockAmount: quote.lockAmount,
        takeProfit: null, stopLoss: null,
      });
      expect(position.sizeUsd).toBe(usdc(1_000));
      expect(position.entryPrice).toBe(SOL_PRICE.toString());
      const acc = await account(alice.owner);
      expect(acc.balances.USDC).toBe(usdc(9_900));
      expect(acc.positions.map((p) => p.id)).toEqual([position.id]);

      const half = await ok(act<{ payoutToken: string; payoutAmount: string; remaining: PositionWire | null }>(alice, 'closePosition', {
        positionId: position.id, fractionBps: '5000', acceptablePrice: price(151),
      }));
      expect(half.payoutToken).toBe('USDC');
      expect(half.remaining?.sizeUsd).toBe(usdc(500));
      const rest = await ok(act<{ payoutAmount: string; remaining: PositionWire | null }>(alice, 'closePosition', {
        positionId: position.id, acceptablePrice: price(151),
      }));
      expect(rest.remaining).toBeNull();
      const after = await account(alice.owner);
      expect(after.positions).toEqual([]);
      expect(BigInt(after.balances.USDC)).toBe(9_900_000_000n + BigInt(half.payoutAmount) + BigInt(rest.payoutAmount));
    });

    it('opens an ALP long posted in USDC (swapped into the market token)', async () => {
      const alice = await wallet();
      const position = await ok(act<PositionWire>(alice, 'openPosition', {
        market: 'SOL', side: 'long', collateralToken: 'USDC', collateralAmount: usdc(100), leverageBps: '50000', acceptablePrice: price(151),
      }));
      expect(position).toMatchObject({ side: 'long', collateralToken: 'SOL' });
    });

    it.each([
      ['LEVERAGE_TOO_HIGH', { leverageBps: '1000001' }, 422],
      ['LEVERAGE_TOO_LOW', { leverageBps: '10999' }, 422],
      ['COLLATERAL_TOO_SMALL', { collateralAmount: usdc(9) }, 422],
      ['SLIPPAGE', { acceptablePrice: price(151) }, 422],
      ['INSUFFICIENT_BALANCE', { collateralAmount: usdc(20_000) }, 422],
      ['UNSUPPORTED_COLLATERAL', { collateralToken: 'SOL' }, 422],
      ['POSITION_TOO_LARGE', { market: 'BONK', collateralAmount: usdc(6_000), leverageBps: '500000', acceptablePrice: '0' }, 422],
      ['INVALID_TAKE_PROFIT', { takeProfit: price(155) }, 422],
      ['INVALID_STOP_LOSS', { stopLoss: price(145) }, 422],
      ['UNKNOWN_MARKET', { market: 'DOGE' }, 400],
      ['NUMBER_OUT_OF_RANGE', { collateralAmount: '0' }, 400],
      ['INVALID_NUMBER', { leverageBps: '10x' }, 400],
    ] as const)('openPosition refused with %s', async (code, over, status) => {
      const bob = await wallet();
      await refused([bob], () => act(bob, 'openPosition', short(over)), status, code);
    });

    it('pays once when the same position is closed twice at once', async () => {
      const alice = await wallet();
      const position = await ok(act<PositionWire>(alice, 'openPosition', short()));
      const close = () => act<{ payoutAmount: string }>(alice, 'closePosition', { positionId: position.id, acceptablePrice: price(151) });
      const answers = await Promise.all([close(), close()]);
      const paid = answers.filter((a) => a.status === 200);
      expect(paid).toHaveLength(1);
      expect(errorOf(answers.find((a) => a.status !== 200) as Answer)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(BigInt((await account(alice.owner)).balances.USDC)).toBe(9_900_000_000n + BigInt(paid[0]?.body.payoutAmount ?? 'x'));
    });

    it('refuses closing, editing or protecting a position that is not yours (403) or does not exist (404)', async () => {
      const alice = await wallet();
      const mallory = await wallet();
      const position = await ok(act<PositionWire>(alice, 'openPosition', short()));
      const id = position.id;
      const both = [alice, mallory];
      await refused(both, () => act(mallory, 'closePosition', { positionId: id, acceptablePrice: price(151) }), 403, 'NOT_OWNER');
      await refused(both, () => act(mallory, 'addCollateral', { positionId: id, amount: usdc(10) }), 403, 'NOT_OWNER');
      await refused(both, () => act(mallory, 'removeCollateral', { positionId: id, amountUsd: usdc(10) }), 403, 'NOT_OWNER');
      await refused(both, () => act(mallory, 'setTpSl', { positionId: id, takeProfit: price(140), stopLoss: null }), 403, 'NOT_OWNER');
      await refused(both, () => act(alice, 'closePosition', { positionId: '999999999', acceptablePrice: price(151) }), 404, 'NOT_FOUND');
    });

    it('edits collateral and TP/SL, and refuses edits that break a rule', async () => {
      const alice = await wallet();
      const position = await ok(act<PositionWire>(alice, 'openPosition', short()));
      const id = position.id;
      const added = await ok(act<PositionWire>(alice, 'addCollateral', { positionId: id, amount: usdc(20) }));
      expect(added.collateralUsd).toBe(usdc(120));
      expect((await account(alice.owner)).balances.USDC).toBe(usdc(9_880));
      const removed = await ok(act<PositionWire>(alice, 'removeCollateral', { positionId: id, amountUsd: usdc(10) }));
      expect(removed.collateralUsd).toBe(usdc(110));
      await refused([alice], () => act(alice, 'removeCollateral', { positionId: id, amountUsd: usdc(105) }), 422, [
        'LEVERAGE_TOO_HIGH', 'REMAINING_COLLATERAL_TOO_SMALL',
      ]);
      await refused([alice], () => act(alice, 'addCollateral', { positionId: id, amount: usdc(20_000) }), 422, 'INSUFFICIENT_BALANCE');

      const protectedPos = await ok(act<PositionWire>(alice, 'setTpSl', { positionId: id, takeProfit: price(140), stopLoss: price(155) }));
      expect(protectedPos).toMatchObject({ takeProfit: price(140), stopLoss: price(155) });
      await refused([alice], () => act(alice, 'setTpSl', { positionId: id, takeProfit: price(160), stopLoss: null }), 422, 'INVALID_TAKE_PROFIT');
      await refused([alice], () => act(alice, 'setTpSl', { positionId: id, takeProfit: null, stopLoss: price(300) }), 422, 'INVALID_STOP_LOSS');
      const cleared = await ok(act<PositionWire>(alice, 'setTpSl', { positionId: id, takeProfit: null, stopLoss: null }));
      expect(cleared).toMatchObject({ takeProfit: null, stopLoss: null });

      await refused([alice], () => act(alice, 'closePosition', { positionId: id, fractionBps: '9500', acceptablePrice: price(151) }), 422, 'REMAINING_COLLATERAL_TOO_SMALL');
      await refused([alice], () => act(alice, 'closePosition', { positionId: id, acceptablePrice: price(149) }), 422, 'SLIPPAGE');
    });
  });

  describe('limit orders', () => {
    const order = (over: Record<string, unknown> = {}) => short({ triggerPrice: price(160), acceptablePrice: '0', ...over });

    it('places, refuses a stranger, cancels, and refuses a second cancel', async () => {
      const alice = await wallet();
      const mallory = await wallet();
      const placed = await ok(act<OrderWire>(alice, 'placeLimitOrder', order()));
      expect(placed).toMatchObject({ owner: alice.owner, market: 'SOL', side: 'short', triggerPrice: price(160), collateralAmount: usdc(100) });
      const acc = await account(alice.owner);
      expect(acc.orders.map((o) => o.id)).toEqual([placed.id]);
      expect(acc.balances.USDC).toBe(usdc(9_900));
      await refused([alice, mallory], () => act(mallory, 'cancelOrder', { orderId: placed.id }), 403, 'NOT_OWNER');
      const cancelled = await ok(act<OrderWire>(alice, 'cancelOrder', { orderId: placed.id }));
      expect(cancelled.id).toBe(placed.id);
      expect((await account(alice.owner)).balances.USDC).toBe(usdc(10_000));
      await refused([alice], () => act(alice, 'cancelOrder', { orderId: placed.id }), 404, 'NOT_FOUND');
    });

    it('refuses a zero trigger and the 17th order', async () => {
      const alice = await wallet();
      await refused([alice], () => act(alice, 'placeLimitOrder', order({ triggerPrice: '0' })), 400, 'NUMBER_OUT_OF_RANGE');
      for (let i = 0; i < 16; i += 1) await ok(act(alice, 'placeLimitOrder', order({ collateralAmount: usdc(20) })));
      await refused([alice], () => act(alice, 'placeLimitOrder', order({ collateralAmount: usdc(20) })), 422, 'TOO_MANY_ORDERS');
    });
  });

  describe('liquidity and swaps', () => {
    it('adds and removes liquidity, and refuses below the minimum out or above the holding', async () => {
      const alice = await wallet();
      const added = await ok(act<{ lpOut: string; feeAmount: string }>(alice, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usdc(1_000), minLpOut: '1' }));
      expect(added.feeAmount).toBe('0');
      expect((await account(alice.owner)).lp.ALP).toBe(added.lpOut);
      await refused([alice], () => act(alice, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usdc(1_000), minLpOut: usdc(2_000) }), 422, 'MIN_OUT_NOT_MET');
      await refused([alice], () => act(alice, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: (BigInt(added.lpOut) + 1n).toString(), minAmountOut: '0' }), 422, 'INSUFFICIENT_BALANCE');
      await refused([alice], () => act(alice, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: added.lpOut, minAmountOut: usdc(1_000) }), 422, 'MIN_OUT_NOT_MET');
      const removed = await ok(act<{ amountOut: string; feeAmount: string }>(alice, 'removeLiquidity', { pool: 'ALP', token: 'USDC', lpAmount: added.lpOut, minAmountOut: '1' }));
      expect(BigInt(removed.feeAmount)).toBeGreaterThan(0n);
      const acc = await account(alice.owner);
      expect(acc.lp.ALP).toBe('0');
      expect(BigInt(acc.balances.USDC)).toBe(9_000_000_000n + BigInt(removed.amountOut));
    });

    it('swaps USDC into SOL and refuses a bad pair, the RWALP pool and a missed minimum', async () => {
      const alice = await wallet();
      const swapped = await ok(act<{ amountOut: string; feeAmount: string }>(alice, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usdc(150), minAmountOut: '1' }));
      const acc: AccountWire = await account(alice.owner);
      expect(acc.balances.SOL).toBe(swapped.amountOut);
      expect(BigInt(swapped.amountOut)).toBeLessThan(1_000_000_000n);
      await refused([alice], () => act(alice, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'USDC', amountIn: usdc(1), minAmountOut: '0' }), 422, 'INVALID_SWAP');
      await refused([alice], () => act(alice, 'swap', { pool: 'RWALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usdc(1), minAmountOut: '0' }), 422, 'INVALID_SWAP');
      await refused([alice], () => act(alice, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usdc(150), minAmountOut: '1000000000' }), 422, 'MIN_OUT_NOT_MET');
    });
  });

  describe('pool ratio and dust', () => {
    it('refuses a swap that takes a custody further below its band, and a swap that rounds to nothing', async () => {
      const alice = await wallet();
      await refused([alice], () => act(alice, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: '1', minAmountOut: '0' }), 422, ['AMOUNT_TOO_SMALL', 'MIN_OUT_NOT_MET']);
      // SOL at $50: its custody falls to ~15% of ALP, under the 28% minimum; taking SOL out moves it further away.
      h.oracle.setManualPrices({ SOL: 500_000_000_000n }, h.clock.nowS());
      try {
        await refused([alice], () => act(alice, 'swap', { pool: 'ALP', tokenIn: 'USDC', tokenOut: 'SOL', amountIn: usdc(100), minAmountOut: '0' }), 422, 'RATIO_OUT_OF_BAND');
      } finally {
        h.oracle.setManualPrices({ SOL: SOL_PRICE }, h.clock.nowS());
      }
    });
  });

  describe('pool limits', () => {
    it('refuses past the open-interest cap, then past the free liquidity', async () => {
      // RWALP: $1M USDC. XAU longs of $100k (max position) each: five fill the $500k cap, the sixth is refused.
      const xau = (over: Record<string, unknown> = {}) => ({
        market: 'XAU', side: 'long', collateralToken: 'USDC', collateralAmount: usdc(2_000), leverageBps: '500000', acceptablePrice: price(3_000), ...over,
      });
      for (let i = 0; i < 5; i += 1) await ok(act(await wallet(), 'openPosition', xau()));
      const sixth = await wallet();
      await refused([sixth], () => act(sixth, 'openPosition', xau()), 422, 'OPEN_INTEREST_CAP');
      // XAG longs lock the other $500k; then nothing is free for a WTI short.
      for (let i = 0; i < 5; i += 1) await ok(act(await wallet(), 'openPosition', xau({ market: 'XAG', acceptablePrice: price(40) })));
      await refused([sixth], () => act(sixth, 'openPosition', xau({ market: 'WTI', side: 'short', collateralAmount: usdc(100), leverageBps: '100000', acceptablePrice: '0' })), 422, 'INSUFFICIENT_LIQUIDITY');
    });
  });

  describe('authorisation', () => {
    const faucetParams = { token: 'USDC', amount: usdc(1) };

    it('refuses a replayed nonce with 409, even for another action', async () => {
      const alice = newSigner();
      const body = signIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params: faucetParams, nonce: 'once' });
      await ok(postSigned(body));
      await refused([alice], () => postSigned(body), 409, 'NONCE_REUSED');
      await refused([alice], () => act(alice, 'openPosition', short(), { nonce: 'once' }), 409, 'NONCE_REUSED');
    });

    it('accepts the same signed body sent twice at once exactly once', async () => {
      const alice = newSigner();
      const body = signIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params: { token: 'USDC', amount: usdc(5) } });
      const answers = await Promise.all([postSigned(body), postSigned(body)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect((await account(alice.owner)).balances.USDC).toBe(usdc(5));
    });

    it('lets another owner use the same nonce', async () => {
      await ok(act(newSigner(), 'faucet', faucetParams, { nonce: 'shared' }));
      await ok(act(newSigner(), 'faucet', faucetParams, { nonce: 'shared' }));
    });

    it.each([
      ['a forged signature', (s: Signer, m: Signer) => ({ ...signIntent({ signer: s, domain: DOMAIN, action: 'faucet', params: faucetParams }), signature: signIntent({ signer: m, domain: DOMAIN, action: 'faucet', params: faucetParams }).signature }), 401, 'BAD_SIGNATURE'],
      ['a tampered message', (s: Signer) => { const b = signIntent({ signer: s, domain: DOMAIN, action: 'faucet', params: faucetParams }); return { ...b, message: b.message.replace('"1000000"', '"9000000"') }; }, 401, 'BAD_SIGNATURE'],
      ["another owner's key", (s: Signer, m: Signer) => ({ ...signIntent({ signer: { ...m, owner: s.owner }, domain: DOMAIN, action: 'faucet', params: faucetParams }), publicKey: m.owner }), 401, 'OWNER_MISMATCH'],
      ['an expired intent', (s: Signer) => signIntent({ signer: s, domain: DOMAIN, action: 'faucet', params: faucetParams, expiresAt: Date.now() - 1_000 }), 401, 'INTENT_EXPIRED'],
      ['an expiry 11 minutes ahead', (s: Signer) => signIntent({ signer: s, domain: DOMAIN, action: 'faucet', params: faucetParams, expiresAt: Date.now() + 11 * 60_000 }), 401, 'EXPIRY_TOO_FAR'],
      ['another domain', (s: Signer) => signIntent({ signer: s, domain: 'evil.example', action: 'faucet', params: faucetParams }), 401, 'DOMAIN_MISMATCH'],
      ['a malformed envelope', (s: Signer) => ({ message: 'x', signature: 1, publicKey: s.owner }), 400, 'INVALID_INTENT'],
      ['bad params', (s: Signer) => signIntent({ signer: s, domain: DOMAIN, action: 'faucet', params: { token: 'USDC', amount: 1 } }), 400, 'INVALID_REQUEST'],
    ] as const)('refuses %s', async (_name, build, status, code) => {
      const alice = newSigner();
      const mallory = newSigner();
      await refused([alice, mallory], () => postSigned(build(alice, mallory)), status, code);
    });

    it('checks the domain against APP_DOMAIN when it is set', async () => {
      const alice = newSigner();
      const { setServicesForTests } = await import('@/lib/server/services');
      setServicesForTests({ ...h.services, config: { ...h.services.config, appDomain: 'app.example' } });
      try {
        await refused([alice], () => act(alice, 'faucet', faucetParams), 401, 'DOMAIN_MISMATCH');
        await ok(act(alice, 'faucet', faucetParams, { domain: 'app.example' }));
      } finally {
        setServicesForTests(h.services);
      }
    });

    it('refuses a body over 64 KB (413), malformed JSON (400) and another content type (415)', async () => {
      const alice = newSigner();
      const big = signIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params: { ...faucetParams, pad: 'x'.repeat(70_000) } });
      await refused([alice], () => postSigned(big), 413, 'BODY_TOO_LARGE');
      await refused([alice], () => postSigned(null, { raw: '{"message": ' }), 400, 'INVALID_JSON');
      await refused([alice], () => postSigned(null, { raw: JSON.stringify(signIntent({ signer: alice, domain: DOMAIN, action: 'faucet', params: faucetParams })), headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });
  it('conserved every token and the LP supply over everything above', async () => {
    const accounts = await Promise.all([...actingOwners].map(account));
    const total = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n])) as Record<TokenId, bigint>;
    const poolList = await pools();
    for (const pool of poolList) for (const c of pool.custodies) total[c.token] += BigInt(c.owned);
    for (const a of accounts) {
      for (const t of TOKEN_IDS) total[t] += BigInt(a.balances[t]);
      for (const p of a.positions) total[p.collateralToken] += BigInt(p.collateralAmount);
      for (const o of a.orders) total[o.collateralToken] += BigInt(o.collateralAmount);
    }
    const draws = (await Promise.all([...actingOwners].map(history))).flat().filter((e) => e.kind === 'faucet');
    const expected = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n])) as Record<TokenId, bigint>;
    for (const pool of Object.values(GENESIS.pools)) {
      for (const [t, amount] of Object.entries(pool.custodies) as [TokenId, bigint][]) expected[t] += amount;
    }
    for (const e of draws) expected[e.details.token as TokenId] += BigInt(String(e.details.amount));
    expect(total).toEqual(expected);
    for (const pool of poolList) {
      const held = accounts.reduce<bigint>((sum, a) => sum + BigInt(a.lp[pool.id]), GENESIS.pools[pool.id].lpSupply);
      expect(held).toBe(BigInt(pool.lpSupply));
    }
  });
});
