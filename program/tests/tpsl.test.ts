/**
 * SetTpSl (§7) and the keeper's ExecuteTpSl: levels checked against the mark and the current liquidation price
 * (lib/math's validateTpSl), stored and cleared; a triggered level settles the whole position at the exit fee,
 * an untriggered or unset one is refused.
 */
import { describe, expect, it } from 'vitest';
import { MARKETS } from '@/lib/math/params';
import { executeTpSlIx, setTpSlIx } from '@/lib/chain/testing/actions';
import { liquidationPriceNow, marketPrice, positionAt } from '@/lib/chain/testing/model';
import { unsigned, withAccount, withData } from '@/lib/chain/testing/tamper';
import { custodyOf } from '@/lib/chain/addresses';
import { eventOf, genesis, ok, ONE, opened, refused, settleAndCheck } from './support';

const fresh = genesis();

describe('setting take profit and stop loss', () => {
  it.each([
    { market: 'SOL' as const, side: 'long' as const, amount: ONE.SOL, leverageBps: 200_000n },
    { market: 'BTC' as const, side: 'short' as const, amount: 500n * ONE.USDC, leverageBps: 100_000n },
    { market: 'WTI' as const, side: 'long' as const, amount: 500n * ONE.USDC, leverageBps: 300_000n },
  ])('$market $side: the tightest valid levels are stored (one unit inside the mark and the liquidation price), then cleared', async (a) => {
    const w = await fresh();
    const { t, position } = await opened(w, a);
    const mark = marketPrice(w, a.market);
    const liq = liquidationPriceNow(w, a.market, position);
    const long = a.side === 'long';
    const tp = long ? mark + 1n : mark - 1n;
    const sl = long ? liq + 1n : liq - 1n;
    const r = await ok(w, [await setTpSlIx(w, t, a.market, a.side, tp, sl)], [t.signer]);
    expect(positionAt(w, position)).toMatchObject({ takeProfit: tp, stopLoss: sl, updatedAt: w.nowS() });
    expect(eventOf(r, 'tpSlSet')).toEqual({ kind: 'tpSlSet', owner: t.address, position, market: w.addresses.markets[a.market], side: a.side, takeProfit: tp, stopLoss: sl });
    await ok(w, [await setTpSlIx(w, t, a.market, a.side, null, null)], [t.signer]);
    expect(positionAt(w, position)).toMatchObject({ takeProfit: null, stopLoss: null });
  });

  it.each([
    { side: 'long' as const, tp: 0n, sl: 0n, code: 'INVALID_TAKE_PROFIT' as const, what: 'a long TP at the mark' },
    { side: 'long' as const, tp: null, sl: 1n, code: 'INVALID_STOP_LOSS' as const, what: 'a long SL at the mark' },
    { side: 'long' as const, tp: null, sl: 'liq' as const, code: 'INVALID_STOP_LOSS' as const, what: 'a long SL at the liquidation price' },
    { side: 'short' as const, tp: 0n, sl: null, code: 'INVALID_TAKE_PROFIT' as const, what: 'a short TP at the mark' },
    { side: 'short' as const, tp: null, sl: 0n, code: 'INVALID_STOP_LOSS' as const, what: 'a short SL at the mark' },
    { side: 'short' as const, tp: null, sl: 'liq' as const, code: 'INVALID_STOP_LOSS' as const, what: 'a short SL at the liquidation price' },
    { side: 'short' as const, tp: -1n, sl: null, code: 'INVALID_TAKE_PROFIT' as const, what: 'a short TP above the mark' },
  ])('$what: $code', async ({ side, tp, sl, code }) => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'SOL', side, amount: side === 'long' ? ONE.SOL : 100n * ONE.USDC, leverageBps: 100_000n });
    const mark = marketPrice(w, 'SOL');
    const level = (v: bigint | 'liq' | null) => (v === null ? null : v === 'liq' ? liquidationPriceNow(w, 'SOL', position) : mark + (side === 'long' ? v : -v));
    await refused(w, [await setTpSlIx(w, t, 'SOL', side, level(tp), level(sl))], [t.signer], code);
  });

  it('refusals: no position, another owner’s, no signature, a stale price, the wrong market or custody', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 50_000n });
    const other = await w.trader();
    const tp = 1_400_000_000_000n;
    await refused(w, [await setTpSlIx(w, other, 'SOL', 'short', tp, null)], [other.signer], 'NOT_FOUND');
    await refused(w, [withAccount(await setTpSlIx(w, other, 'SOL', 'short', tp, null), 3, position)], [other.signer], 'NOT_OWNER');
    const ix = await setTpSlIx(w, t, 'SOL', 'short', tp, null);
    await refused(w, [unsigned(ix, t.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [withAccount(ix, 2, w.addresses.markets.BTC)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, custodyOf(w.addresses, 'ALP', 'SOL'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 5, w.addresses.oracles.BTC)], [t.signer], 'INVALID_ORACLE');
    await refused(w, [withData(ix, ix.data!.slice(0, 9))], [t.signer], 'INVALID_INSTRUCTION');
    w.advance(31n);
    await refused(w, [ix], [t.signer], 'ORACLE_STALE');
  });
});

describe('the keeper executes a triggered take profit or stop loss', () => {
  it.each([
    { side: 'long' as const, kind: 'takeProfit' as const, at: 1_600_000_000_000n },
    { side: 'long' as const, kind: 'stopLoss' as const, at: 1_450_000_000_000n },
    { side: 'short' as const, kind: 'takeProfit' as const, at: 1_400_000_000_000n },
    { side: 'short' as const, kind: 'stopLoss' as const, at: 1_550_000_000_000n },
  ])('a $side $kind at exactly its level settles whole at the exit fee; one unit before it is refused', async ({ side, kind, at }) => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'SOL', side, amount: side === 'long' ? 2n * ONE.SOL : 300n * ONE.USDC, leverageBps: 100_000n });
    await ok(w, [await setTpSlIx(w, t, 'SOL', side, kind === 'takeProfit' ? at : null, kind === 'stopLoss' ? at : null)], [t.signer]);
    const before = (kind === 'takeProfit') === (side === 'long') ? at - 1n : at + 1n;
    await w.setPrices({ SOL: before });
    await refused(w, [await executeTpSlIx(w, t, 'SOL', side, kind)], [w.keeper], 'INVALID_TRIGGER');
    await w.setPrices({ SOL: at });
    const { expected } = await settleAndCheck(w, { t, market: 'SOL', side, reason: kind, signers: [w.keeper], ix: await executeTpSlIx(w, t, 'SOL', side, kind) });
    expect(expected.feeUsd).toBe(expected.closedSizeUsd * MARKETS.SOL.closeFeeBps / 10_000n);
  });

  it('a level that is not set: INVALID_TRIGGER; an unknown kind: INVALID_INSTRUCTION; closed market: MARKET_CLOSED', async () => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 100_000n });
    await ok(w, [await setTpSlIx(w, t, 'SOL', 'long', 1_600_000_000_000n, null)], [t.signer]);
    await w.setPrices({ SOL: 1_000_000_000_000n });
    await refused(w, [await executeTpSlIx(w, t, 'SOL', 'long', 'stopLoss')], [w.keeper], 'INVALID_TRIGGER');
    await refused(w, [withData(await executeTpSlIx(w, t, 'SOL', 'long', 'stopLoss'), Uint8Array.of(31, 2))], [w.keeper], 'INVALID_INSTRUCTION');
    const xau = await opened(w, { market: 'XAU', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n });
    await ok(w, [await setTpSlIx(w, xau.t, 'XAU', 'short', 26_000_000_000_000n, null)], [xau.t.signer]);
    w.advance(3n * 86_400n);
    await w.setPrices({ XAU: 25_000_000_000_000n });
    await refused(w, [await executeTpSlIx(w, xau.t, 'XAU', 'short', 'takeProfit')], [w.keeper], 'MARKET_CLOSED');
  });

  it('the payout goes to the owner only: a keeper’s receiver is INVALID_TOKEN_ACCOUNT', async () => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'SOL', side: 'short', amount: 300n * ONE.USDC, leverageBps: 100_000n });
    await ok(w, [await setTpSlIx(w, t, 'SOL', 'short', 1_400_000_000_000n, null)], [t.signer]);
    await w.setPrices({ SOL: 1_300_000_000_000n });
    const thief = await w.trader();
    await refused(w, [withAccount(await executeTpSlIx(w, t, 'SOL', 'short', 'takeProfit'), 6, thief.tokenAccounts.USDC)], [w.keeper], 'INVALID_TOKEN_ACCOUNT');
  });
});
