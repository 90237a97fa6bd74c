/**
 * Liquidate (§6): permissionless; the program checks at the on-chain price that the position has reached its
 * current liquidation price (borrow fees move it), settles with the liquidation fee and pays any remainder to
 * the owner. Every refusal, including keepers that try to redirect the payout or the rent.
 */
import { describe, expect, it } from 'vitest';
import { MARKETS } from '@/lib/math/params';
import { custodyOf } from '@/lib/chain/addresses';
import { liquidateIx } from '@/lib/chain/testing/actions';
import { liquidationPriceNow } from '@/lib/chain/testing/model';
import { unsigned, withAccount, withData } from '@/lib/chain/testing/tamper';
import { genesis, ONE, opened, refused, settleAndCheck } from './support';

const fresh = genesis();
const DAY = 86_400n;

describe('liquidation', () => {
  it.each([
    { market: 'SOL' as const, side: 'long' as const, amount: ONE.SOL, leverageBps: 1_000_000n },
    { market: 'SOL' as const, side: 'short' as const, amount: 500n * ONE.USDC, leverageBps: 500_000n },
    { market: 'BTC' as const, side: 'long' as const, amount: ONE.WBTC / 50n, leverageBps: 800_000n },
    { market: 'BONK' as const, side: 'short' as const, amount: 300n * ONE.USDC, leverageBps: 500_000n },
    { market: 'XAG' as const, side: 'long' as const, amount: 300n * ONE.USDC, leverageBps: 400_000n },
    { market: 'BTC' as const, side: 'long' as const, token: 'USDC' as const, amount: 1_000n * ONE.USDC, leverageBps: 900_000n },
  ])('$market $side at $leverageBps bps: refused one unit short of the liquidation price, settled exactly at it', async (a) => {
    const w = await fresh();
    const { t, position } = await opened(w, a);
    const feed = MARKETS[a.market].feed;
    const liq = liquidationPriceNow(w, a.market, position);
    await w.setPrices({ [feed]: a.side === 'long' ? liq + 1n : liq - 1n });
    await refused(w, [await liquidateIx(w, t, a.market, a.side)], [w.keeper], 'INVALID_TRIGGER');
    await w.setPrices({ [feed]: liq });
    const { expected } = await settleAndCheck(w, { t, market: a.market, side: a.side, reason: 'liquidation', signers: [w.keeper], ix: await liquidateIx(w, t, a.market, a.side) });
    expect(expected.feeUsd).toBeGreaterThan(0n);
  });

  it('borrow fees move the liquidation price: a long safe at open becomes liquidatable after 20 days at the same price', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'SOL', side: 'long', amount: 2n * ONE.SOL, leverageBps: 500_000n });
    const before = liquidationPriceNow(w, 'SOL', position);
    const price = before + 10_000_000n; // $0.001 above: about a tenth of what 20 days of borrow fee moves it
    await w.setPrices({ SOL: price });
    await refused(w, [await liquidateIx(w, t, 'SOL', 'long')], [w.keeper], 'INVALID_TRIGGER');
    w.advance(20n * DAY);
    await w.setPrices({ SOL: price });
    expect(liquidationPriceNow(w, 'SOL', position)).toBeGreaterThan(price);
    const { expected } = await settleAndCheck(w, { t, market: 'SOL', side: 'long', reason: 'liquidation', signers: [w.keeper], ix: await liquidateIx(w, t, 'SOL', 'long') });
    expect(expected.borrowFeePaidUsd).toBeGreaterThan(0n);
  });

  it('a price far past the liquidation price: the trader receives nothing, the collateral stays with the LPs', async () => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 1_000_000n });
    await w.setPrices({ SOL: 1_700_000_000_000n });
    const { expected } = await settleAndCheck(w, { t, market: 'SOL', side: 'short', reason: 'liquidation', signers: [w.keeper], ix: await liquidateIx(w, t, 'SOL', 'short') });
    expect(expected.payoutAmount).toBe(0n);
  });
});

describe('refusals of a liquidation (exact code, nothing changed)', () => {
  async function underwater(w: Awaited<ReturnType<typeof fresh>>) {
    const p = await opened(w, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 1_000_000n });
    await w.setPrices({ SOL: 1_600_000_000_000n });
    return p;
  }

  it('a healthy position: INVALID_TRIGGER; no position: NOT_FOUND', async () => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 100_000n });
    await refused(w, [await liquidateIx(w, t, 'SOL', 'short')], [w.keeper], 'INVALID_TRIGGER');
    await refused(w, [await liquidateIx(w, t, 'SOL', 'long')], [w.keeper], 'NOT_FOUND');
  });

  it('an XAU position past its liquidation price while the market is closed: MARKET_CLOSED', async () => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'XAU', side: 'long', amount: 100n * ONE.USDC, leverageBps: 500_000n });
    w.advance(3n * DAY);
    await w.setPrices({ XAU: 20_000_000_000_000n });
    await refused(w, [await liquidateIx(w, t, 'XAU', 'long')], [w.keeper], 'MARKET_CLOSED');
  });

  it('a stale price: ORACLE_STALE', async () => {
    const w = await fresh();
    const { t } = await underwater(w);
    w.advance(31n);
    await refused(w, [await liquidateIx(w, t, 'SOL', 'short')], [w.keeper], 'ORACLE_STALE');
  });

  it('a keeper paying itself: its own token account as the receiver is INVALID_TOKEN_ACCOUNT, itself as the owner INVALID_ACCOUNT', async () => {
    const w = await fresh();
    const { t } = await underwater(w);
    const keeperWallet = await w.trader();
    const ix = await liquidateIx(w, t, 'SOL', 'short');
    await refused(w, [withAccount(ix, 6, keeperWallet.tokenAccounts.USDC)], [w.keeper], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 7, keeperWallet.address)], [w.keeper], 'INVALID_ACCOUNT');
  });

  it('the wrong custody, market or vault, a market as the position: INVALID_ACCOUNT; the keeper unsigned: MISSING_SIGNATURE', async () => {
    const w = await fresh();
    const { t } = await underwater(w);
    const other = await w.trader();
    const ix = await liquidateIx(w, t, 'SOL', 'short');
    await refused(w, [withAccount(ix, 2, w.addresses.markets.BONK)], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 3, w.addresses.markets.SOL)], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, custodyOf(w.addresses, 'RWALP', 'USDC'))], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 5, other.tokenAccounts.USDC)], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [unsigned(ix, w.keeper.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [withData(ix, Uint8Array.of(30, 0))], [w.keeper], 'INVALID_INSTRUCTION');
    await refused(w, [withAccount(ix, 10, w.addresses.oracles.BTC)], [w.keeper], 'INVALID_ORACLE');
  });
});
