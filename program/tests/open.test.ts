/**
 * OpenPosition (§5): opens and increases on every market and side, the ALP long posted in USDC (swapped through
 * the pool first), each figure equal to lib/math's (accounts and event), and every refusal of an open.
 */
import { describe, expect, it } from 'vitest';
import { AccountRole } from '@solana/kit';
import type { TokenId } from '@/lib/math/ids';
import { MARKETS, custodyParams, lockToken } from '@/lib/math/params';
import { borrowRateHourly } from '@/lib/math/borrow-rate';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { closeIx, openIx, positionOf } from '@/lib/chain/testing/actions';
import { custody, expectedOpen, market, positionAt } from '@/lib/chain/testing/model';
import { indexOf, unsigned, withAccount, withData, withRole } from '@/lib/chain/testing/tamper';
import { traderFor, type Trader, type World } from '@/lib/chain/testing/world';
import { genesis, ok, ONE, openAndCheck, refused, settleAndCheck, type Open } from './support';

const fresh = genesis();
const HOUR = 3_600n;

async function funded(w: World, token: TokenId, amount: bigint): Promise<Trader> {
  return w.trader({ [token]: amount });
}

describe('opening', () => {
  it.each<Open & { name: string }>([
    { name: 'SOL long posted in SOL, 10x', market: 'SOL', side: 'long', amount: 2n * ONE.SOL, leverageBps: 100_000n },
    { name: 'SOL short in USDC, 100x (the maximum)', market: 'SOL', side: 'short', amount: 1_000n * ONE.USDC, leverageBps: 1_000_000n },
    { name: 'BTC long in WBTC, 1.1x (the minimum)', market: 'BTC', side: 'long', amount: ONE.WBTC / 100n, leverageBps: 11_000n },
    { name: 'BTC short in USDC, 25x', market: 'BTC', side: 'short', amount: 5_000n * ONE.USDC, leverageBps: 250_000n },
    { name: 'BONK long in BONK, 50x (its maximum)', market: 'BONK', side: 'long', amount: 4_000_000n * ONE.BONK, leverageBps: 500_000n },
    { name: 'BONK short in USDC, 3x', market: 'BONK', side: 'short', amount: 777_777_777n, leverageBps: 30_000n },
    { name: 'XAU long in USDC, 50x', market: 'XAU', side: 'long', amount: 2_000n * ONE.USDC, leverageBps: 500_000n },
    { name: 'XAG short in USDC, 7.5x', market: 'XAG', side: 'short', amount: 123_456_789n, leverageBps: 75_000n },
    { name: 'WTI long in USDC, 2x', market: 'WTI', side: 'long', amount: 10n * ONE.USDC, leverageBps: 20_000n },
    { name: 'SOL long posted in USDC (swapped into SOL)', market: 'SOL', side: 'long', token: 'USDC', amount: 1_500n * ONE.USDC, leverageBps: 50_000n },
    { name: 'BTC long posted in USDC (swapped into WBTC)', market: 'BTC', side: 'long', token: 'USDC', amount: 20_000n * ONE.USDC, leverageBps: 20_000n },
    { name: 'BONK long posted in USDC (swapped into BONK)', market: 'BONK', side: 'long', token: 'USDC', amount: 333n * ONE.USDC, leverageBps: 120_000n },
  ])('$name', async ({ name: _, ...a }) => {
    const w = await fresh();
    const t = await funded(w, a.token ?? lockToken(a.market, a.side), a.amount);
    const { expected } = await openAndCheck(w, t, a);
    expect(expected.opened.sizeUsd).toBeGreaterThan(0n);
  });

  it('a 10x short of $1,000 at $150: size $10,000, fees $10 / $20, liquidation $163.95 (the pinned example)', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 1_000n * ONE.USDC);
    const { position } = await openAndCheck(w, t, { market: 'SOL', side: 'short', amount: 1_000n * ONE.USDC, leverageBps: 100_000n });
    expect(positionAt(w, position)!.state).toMatchObject({ sizeUsd: 10_000_000_000n, exitFeeUsd: 10_000_000n, liquidationFeeUsd: 20_000_000n, lockAmount: 10_000_000_000n });
  });

  it('the USDC swap of an ALP long moves USDC in and the market token out of owned, then locks and holds it as collateral', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 3_000n * ONE.USDC);
    const usdc = custody(w, 'ALP', 'USDC').owned;
    const sol = custody(w, 'ALP', 'SOL');
    const { expected } = await openAndCheck(w, t, { market: 'SOL', side: 'long', token: 'USDC', amount: 3_000n * ONE.USDC, leverageBps: 30_000n });
    expect(expected.swap!.feeAmount).toBe(6_000_000n); // 20 bps of 3,000 USDC
    expect(custody(w, 'ALP', 'USDC').owned).toBe(usdc + 3_000n * ONE.USDC);
    expect(custody(w, 'ALP', 'SOL').owned).toBe(sol.owned - expected.swap!.amountOut);
    expect(custody(w, 'ALP', 'SOL').collateral).toBe(sol.collateral + expected.swap!.amountOut);
  });

  it('increases: sizes add, entry becomes the harmonic mean (up for a long), the accrued borrow fee is carried', async () => {
    const w = await fresh();
    const t = await funded(w, 'SOL', 10n * ONE.SOL);
    await openAndCheck(w, t, { market: 'SOL', side: 'long', amount: 3n * ONE.SOL, leverageBps: 200_000n });
    w.advance(5n * HOUR);
    await w.setPrices({ SOL: 1_612_345_678_901n });
    const { expected } = await openAndCheck(w, t, { market: 'SOL', side: 'long', amount: 2n * ONE.SOL, leverageBps: 70_000n });
    expect(expected.existing).toBeDefined();
    expect(expected.next.carriedInterestUsd).toBeGreaterThan(0n);
    expect(expected.next.entryPrice).toBeGreaterThan(1_500_000_000_000n);
    expect(expected.next.entryPrice).toBeLessThan(1_612_345_678_901n);
  });

  it('increases a short (entry rounded down) after the price fell and time passed', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 5_000n * ONE.USDC);
    await openAndCheck(w, t, { market: 'BTC', side: 'short', amount: 2_000n * ONE.USDC, leverageBps: 100_000n });
    w.advance(26n * HOUR + 17n);
    await w.setPrices({ BTC: 912_345_678_912_345n });
    await openAndCheck(w, t, { market: 'BTC', side: 'short', amount: 3_000n * ONE.USDC, leverageBps: 33_333n });
  });

  it('an increase keeps TP and SL unless new ones are given; TP and SL at open are stored', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 2_000n * ONE.USDC);
    const position = await positionOf(w, t.address, 'SOL', 'short');
    await ok(w, [await openIx(w, t, { market: 'SOL', side: 'short', amount: 1_000n * ONE.USDC, leverageBps: 50_000n, takeProfit: 1_200_000_000_000n, stopLoss: 1_700_000_000_000n })], [t.signer]);
    expect(positionAt(w, position)).toMatchObject({ takeProfit: 1_200_000_000_000n, stopLoss: 1_700_000_000_000n });
    await ok(w, [await openIx(w, t, { market: 'SOL', side: 'short', amount: 500n * ONE.USDC, leverageBps: 50_000n })], [t.signer]);
    expect(positionAt(w, position)).toMatchObject({ takeProfit: 1_200_000_000_000n, stopLoss: 1_700_000_000_000n });
    await ok(w, [await openIx(w, t, { market: 'SOL', side: 'short', amount: 500n * ONE.USDC, leverageBps: 50_000n, takeProfit: 1_100_000_000_000n })], [t.signer]);
    expect(positionAt(w, position)).toMatchObject({ takeProfit: 1_100_000_000_000n, stopLoss: 1_700_000_000_000n });
  });

  it('above optimal utilization the borrow rate takes its second slope (RWALP USDC locked to 90%), and a close pays it', async () => {
    const w = await fresh();
    const traders: Trader[] = [];
    for (const [i, m] of (['XAU', 'XAG', 'WTI', 'XAU', 'XAG', 'WTI', 'XAU', 'XAG', 'WTI'] as const).entries()) {
      const t = await funded(w, 'USDC', 2_000n * ONE.USDC);
      await openAndCheck(w, t, { market: m, side: i % 2 === 0 ? 'long' : 'short', amount: 2_000n * ONE.USDC, leverageBps: 500_000n });
      traders.push(t);
    }
    const usdc = custody(w, 'RWALP', 'USDC');
    expect((usdc.locked * 10_000n) / usdc.owned).toBe(9_000n);
    // 22,831 + ceil((91,895 − 22,831) × (9,000 − 8,000) / 2,000) = 57,363 (1e9 per hour).
    expect(usdc.rateHourly).toBe(borrowRateHourly({ utilizationBps: 9_000n, ...custodyParams('RWALP', 'USDC').borrow }));
    expect(usdc.rateHourly).toBe(57_363n);
    w.advance(10n * HOUR);
    await w.setPrices({ XAU: 26_500_000_000_000n });
    const { expected } = await settleAndCheck(w, { t: traders[0]!, market: 'XAU', side: 'long', reason: 'close', signers: [traders[0]!.signer], ix: await closeIx(w, traders[0]!, 'XAU', 'long') });
    // $100,000 for 10 hours at 57,363e-9 an hour: ceil(573,630 × 100,000,000,000 / 1e9) µUSD = $57.363.
    expect(expected.borrowFeePaidUsd).toBe(57_363_000n);
  });

  it('limits are inclusive: exactly the max position ($1,000,000 at 100x of $10,000) and exactly $10 of collateral open', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 10_000n * ONE.USDC);
    const { expected } = await openAndCheck(w, t, { market: 'SOL', side: 'short', amount: 10_000n * ONE.USDC, leverageBps: 1_000_000n });
    expect(expected.next.sizeUsd).toBe(MARKETS.SOL.maxPositionUsd);
    const u = await funded(w, 'USDC', 10n * ONE.USDC);
    await openAndCheck(w, u, { market: 'XAU', side: 'short', amount: 10n * ONE.USDC, leverageBps: 11_000n });
  });
});

describe('refusals of an open (exact code, nothing changed)', () => {
  const usdcShort = { market: 'SOL' as const, side: 'short' as const, amount: 100n * ONE.USDC, leverageBps: 100_000n };

  it.each<{ name: string; code: Parameters<typeof refused>[3]; open: Open & { acceptablePrice?: bigint; takeProfit?: bigint; stopLoss?: bigint } }>([
    { name: 'leverage under 1.1x', code: 'LEVERAGE_TOO_LOW', open: { ...usdcShort, leverageBps: 10_999n } },
    { name: 'leverage over 100x', code: 'LEVERAGE_TOO_HIGH', open: { ...usdcShort, leverageBps: 1_000_001n } },
    { name: 'BONK over its 50x', code: 'LEVERAGE_TOO_HIGH', open: { market: 'BONK', side: 'short', amount: 100n * ONE.USDC, leverageBps: 500_001n } },
    { name: 'leverage u64::MAX', code: 'LEVERAGE_TOO_HIGH', open: { ...usdcShort, leverageBps: 2n ** 64n - 1n } },
    { name: '$9.999999 of collateral', code: 'COLLATERAL_TOO_SMALL', open: { ...usdcShort, amount: 9_999_999n } },
    { name: 'no collateral', code: 'AMOUNT_TOO_SMALL', open: { ...usdcShort, amount: 0n } },
    { name: 'a position over $1,000,000', code: 'POSITION_TOO_LARGE', open: { ...usdcShort, amount: 10_000n * ONE.USDC + 1n, leverageBps: 1_000_000n } },
    { name: 'a short whose acceptable price is above the mark', code: 'SLIPPAGE', open: { ...usdcShort, acceptablePrice: 1_500_000_000_001n } },
    { name: 'a long whose acceptable price is below the mark', code: 'SLIPPAGE', open: { market: 'XAU', side: 'long', amount: 100n * ONE.USDC, leverageBps: 20_000n, acceptablePrice: 26_499_999_999_999n } },
    { name: 'a short TP at the mark', code: 'INVALID_TAKE_PROFIT', open: { ...usdcShort, takeProfit: 1_500_000_000_000n } },
    { name: 'a short SL at its liquidation price ($163.95 at 10x)', code: 'INVALID_STOP_LOSS', open: { ...usdcShort, stopLoss: 1_639_500_000_000n } },
    { name: 'a long SL above the mark', code: 'INVALID_STOP_LOSS', open: { market: 'XAU', side: 'long', amount: 100n * ONE.USDC, leverageBps: 20_000n, stopLoss: 26_500_000_000_001n } },
    { name: 'BONK posted for a SOL long', code: 'UNSUPPORTED_COLLATERAL', open: { market: 'SOL', side: 'long', token: 'BONK', amount: 10_000_000n * ONE.BONK, leverageBps: 20_000n } },
    { name: 'SOL posted for a SOL short', code: 'UNSUPPORTED_COLLATERAL', open: { market: 'SOL', side: 'short', token: 'SOL', amount: ONE.SOL, leverageBps: 20_000n } },
    { name: 'WBTC posted for a SOL long (the swap takes USDC only)', code: 'UNSUPPORTED_COLLATERAL', open: { market: 'SOL', side: 'long', token: 'WBTC', amount: ONE.WBTC, leverageBps: 20_000n } },
    { name: 'a USDC-posted long whose swap breaks the ratio band', code: 'RATIO_OUT_OF_BAND', open: { market: 'SOL', side: 'long', token: 'USDC', amount: 1_500_000n * ONE.USDC, leverageBps: 11_000n } },
  ])('$name: $code', async ({ code, open }) => {
    const w = await fresh();
    const token = open.token ?? lockToken(open.market, open.side);
    const t = await funded(w, token, open.amount > 0n ? open.amount : 1n);
    await refused(w, [await openIx(w, t, open)], [t.signer], code);
  });

  it('more than the wallet holds: INSUFFICIENT_BALANCE', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 100n * ONE.USDC);
    await refused(w, [await openIx(w, t, { ...usdcShort, amount: 100n * ONE.USDC + 1n })], [t.signer], 'INSUFFICIENT_BALANCE');
  });

  it('open interest over the cap: OPEN_INTEREST_CAP (five XAU longs of $100,000 fill $500,000; the cap is inclusive)', async () => {
    const w = await fresh();
    for (let i = 0; i < 5; i++) {
      const t = await funded(w, 'USDC', 2_000n * ONE.USDC);
      await ok(w, [await openIx(w, t, { market: 'XAU', side: 'long', amount: 2_000n * ONE.USDC, leverageBps: 500_000n })], [t.signer]);
    }
    expect(market(w, 'XAU').long.sizeUsd).toBe(MARKETS.XAU.openInterestCapUsd);
    const t = await funded(w, 'USDC', 10n * ONE.USDC);
    await refused(w, [await openIx(w, t, { market: 'XAU', side: 'long', amount: 10n * ONE.USDC, leverageBps: 11_000n })], [t.signer], 'OPEN_INTEREST_CAP');
    await ok(w, [await openIx(w, t, { market: 'XAU', side: 'short', amount: 10n * ONE.USDC, leverageBps: 11_000n })], [t.signer]);
  });

  it('a lock beyond owned − locked, within the open-interest cap: INSUFFICIENT_LIQUIDITY (BTC longs lock WBTC at low)', async () => {
    const w = await fresh();
    for (const amount of [10_000n, 10_000n, 4_000n]) {
      const t = await funded(w, 'USDC', amount * ONE.USDC);
      await ok(w, [await openIx(w, t, { market: 'BTC', side: 'long', token: 'USDC', amount: amount * ONE.USDC, leverageBps: 1_000_000n })], [t.signer]);
    }
    const t = await funded(w, 'WBTC', ONE.WBTC);
    const position = await positionOf(w, t.address, 'BTC', 'long');
    const e = expectedOpen(w, { market: 'BTC', side: 'long', amount: ONE.WBTC, leverageBps: 11_000n, position });
    const wbtc = custody(w, 'ALP', 'WBTC');
    expect(market(w, 'BTC').long.sizeUsd + e.opened.sizeUsd).toBeLessThanOrEqual(MARKETS.BTC.openInterestCapUsd);
    expect(e.opened.lockAmount).toBeGreaterThan(wbtc.owned - wbtc.locked);
    await refused(w, [await openIx(w, t, { market: 'BTC', side: 'long', amount: ONE.WBTC, leverageBps: 11_000n })], [t.signer], 'INSUFFICIENT_LIQUIDITY');
  });

  it('an RWA market on a Saturday: MARKET_CLOSED (crypto still opens)', async () => {
    const w = await fresh();
    w.advance(3n * 86_400n); // Wednesday noon → Saturday noon UTC
    await w.setPrices({ XAU: 26_500_000_000_000n, SOL: 1_500_000_000_000n });
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    await refused(w, [await openIx(w, t, { market: 'XAU', side: 'long', amount: 100n * ONE.USDC, leverageBps: 20_000n })], [t.signer], 'MARKET_CLOSED');
    await ok(w, [await openIx(w, t, usdcShort)], [t.signer]);
  });

  it('a price older than 30 s: ORACLE_STALE (exactly 30 s is still fresh)', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    w.advance(31n);
    await refused(w, [await openIx(w, t, usdcShort)], [t.signer], 'ORACLE_STALE');
    w.advance(-1n);
    await ok(w, [await openIx(w, t, usdcShort)], [t.signer]);
  });

  it('a swapped long needs every custody price fresh: a stale BONK refuses a USDC-posted SOL long', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    w.advance(31n);
    await w.setPrices({ SOL: 1_500_000_000_000n, BTC: 950_000_000_000_000n });
    await refused(w, [await openIx(w, t, { market: 'SOL', side: 'long', token: 'USDC', amount: 100n * ONE.USDC, leverageBps: 20_000n })], [t.signer], 'ORACLE_STALE');
  });

  it('malformed data: INVALID_INSTRUCTION (side 2, swap flag 2, a short buffer)', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    const ix = await openIx(w, t, usdcShort);
    await refused(w, [withData(ix, Uint8Array.of(2), 1)], [t.signer], 'INVALID_INSTRUCTION');
    await refused(w, [withData(ix, Uint8Array.of(2), 2)], [t.signer], 'INVALID_INSTRUCTION');
    await refused(w, [withData(ix, ix.data!.slice(0, 30))], [t.signer], 'INVALID_INSTRUCTION');
  });

  it('the owner did not sign: MISSING_SIGNATURE; the market not writable: ACCOUNT_NOT_WRITABLE', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    const attacker = await w.trader();
    const ix = await openIx(w, t, usdcShort);
    await refused(w, [unsigned(ix, t.address)], [attacker.signer], 'MISSING_SIGNATURE');
    await refused(w, [withRole(ix, indexOf(ix, w.addresses.markets.SOL), AccountRole.READONLY)], [t.signer], 'ACCOUNT_NOT_WRITABLE');
  });

  it('the wrong lock custody, a fake vault, the wrong token program, a position PDA of another market: INVALID_ACCOUNT', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    const ix = await openIx(w, t, usdcShort);
    const fakeVault = (await w.trader()).tokenAccounts.USDC;
    await refused(w, [withAccount(ix, 4, custodyOf(w.addresses, 'ALP', 'SOL'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, custodyOf(w.addresses, 'RWALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, fakeVault)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, vaultOf(w.addresses, 'RWALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 7, w.addresses.programId)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 3, await positionOf(w, t.address, 'BTC', 'short'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 3, await positionOf(w, t.address, 'SOL', 'long'))], [t.signer], 'INVALID_ACCOUNT');
  });

  it("another owner's token account or position: INVALID_TOKEN_ACCOUNT, NOT_OWNER", async () => {
    const w = await fresh();
    const victim = await funded(w, 'USDC', 1_000n * ONE.USDC);
    await ok(w, [await openIx(w, victim, usdcShort)], [victim.signer]);
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    const ix = await openIx(w, t, usdcShort);
    await refused(w, [withAccount(ix, 5, victim.tokenAccounts.USDC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 3, await positionOf(w, victim.address, 'SOL', 'short'))], [t.signer], 'NOT_OWNER');
  });

  it('a foreign mint (a token account of a mint the pool does not hold) and a non-token account as funding', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    const ix = await openIx(w, t, usdcShort);
    await refused(w, [withAccount(ix, 5, t.lpAccounts.ALP)], [t.signer], 'UNSUPPORTED_COLLATERAL');
    await refused(w, [withAccount(ix, 5, w.addresses.markets.SOL)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
  });

  it('the BTC oracle where SOL’s is expected, or no price account: INVALID_ORACLE', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    const ix = await openIx(w, t, usdcShort);
    const last = (ix.accounts ?? []).length - 1;
    await refused(w, [withAccount(ix, last, w.addresses.oracles.BTC)], [t.signer], 'INVALID_ORACLE');
    await refused(w, [{ ...ix, accounts: ix.accounts!.slice(0, last) }], [t.signer], 'INVALID_ORACLE');
  });

  it('type confusion: a market as the config, a position as the pool of a swapped long, a custody as the market', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 1_000n * ONE.USDC);
    await ok(w, [await openIx(w, t, usdcShort)], [t.signer]);
    const ix = await openIx(w, t, usdcShort);
    await refused(w, [withAccount(ix, 1, w.addresses.markets.SOL)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 2, custodyOf(w.addresses, 'ALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    const swapped = await openIx(w, t, { market: 'SOL', side: 'long', token: 'USDC', amount: 100n * ONE.USDC, leverageBps: 20_000n });
    await refused(w, [withAccount(swapped, 9, await positionOf(w, t.address, 'SOL', 'short'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(swapped, 9, w.addresses.pools.RWALP)], [t.signer], 'INVALID_ACCOUNT');
  });

  it('the genesis owner cannot open with the pool’s own vault as funding (vault owned by the program)', async () => {
    const w = await fresh();
    const admin = await traderFor(w, w.admin, {});
    const ix = await openIx(w, admin, usdcShort);
    await refused(w, [withAccount(ix, 5, vaultOf(w.addresses, 'ALP', 'USDC'))], [w.admin], 'INVALID_TOKEN_ACCOUNT');
  });

  it('an amount at u64::MAX is refused, never wrapped: its USD size does not fit a u64 (MATH_OVERFLOW)', async () => {
    const w = await fresh();
    const t = await funded(w, 'USDC', 200n * ONE.USDC);
    await refused(w, [await openIx(w, t, { ...usdcShort, amount: 2n ** 64n - 1n, leverageBps: 11_000n })], [t.signer], 'MATH_OVERFLOW');
    await refused(w, [await openIx(w, t, { market: 'SOL', side: 'long', token: 'USDC', amount: 2n ** 64n - 1n, leverageBps: 11_000n })], [t.signer], 'MATH_OVERFLOW');
  });
});
