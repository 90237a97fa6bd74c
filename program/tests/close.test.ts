/**
 * ClosePosition (§6): whole and partial closes in profit and in loss on every kind of position, each figure equal
 * to lib/math's closePosition at the chain's price and interest; and every refusal of a close.
 */
import { describe, expect, it } from 'vitest';
import { AccountRole } from '@solana/kit';
import type { MarketId, Side, TokenId } from '@/lib/math/ids';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import { closeIx, openIx, positionOf } from '@/lib/chain/testing/actions';
import { expectedClose, positionAt } from '@/lib/chain/testing/model';
import { indexOf, unsigned, withAccount, withData, withRole, u64Bytes } from '@/lib/chain/testing/tamper';
import { genesis, ok, ONE, opened, refused, settleAndCheck } from './support';

const fresh = genesis();
const HOUR = 3_600n;

describe('closing', () => {
  it.each<{ name: string; market: MarketId; side: Side; token?: TokenId; amount: bigint; leverageBps: bigint; prices: Record<string, bigint>; hours: bigint; fractionBps: bigint }>([
    { name: 'a SOL short in profit, whole', market: 'SOL', side: 'short', amount: 1_000n * ONE.USDC, leverageBps: 100_000n, prices: { SOL: 1_400_000_000_000n }, hours: 3n, fractionBps: 10_000n },
    { name: 'a SOL short in loss, whole', market: 'SOL', side: 'short', amount: 1_000n * ONE.USDC, leverageBps: 100_000n, prices: { SOL: 1_543_210_987_654n }, hours: 30n, fractionBps: 10_000n },
    { name: 'a SOL long in profit, paid in SOL at high', market: 'SOL', side: 'long', amount: 3n * ONE.SOL, leverageBps: 150_000n, prices: { SOL: 1_654_321_098_765n }, hours: 1n, fractionBps: 10_000n },
    { name: 'a BTC long in loss, a third', market: 'BTC', side: 'long', amount: ONE.WBTC / 20n, leverageBps: 40_000n, prices: { BTC: 930_000_000_000_000n }, hours: 48n, fractionBps: 3_333n },
    { name: 'a BONK long, one basis point', market: 'BONK', side: 'long', amount: 50_000_000n * ONE.BONK, leverageBps: 20_000n, prices: { BONK: 260_000n }, hours: 2n, fractionBps: 1n },
    { name: 'a BONK short, 99.9% (leaves $10)', market: 'BONK', side: 'short', amount: 10_000n * ONE.USDC, leverageBps: 20_000n, prices: { BONK: 240_000n }, hours: 7n, fractionBps: 9_990n },
    { name: 'an XAU long in profit, half', market: 'XAU', side: 'long', amount: 1_000n * ONE.USDC, leverageBps: 250_000n, prices: { XAU: 26_800_000_000_000n }, hours: 5n, fractionBps: 5_000n },
    { name: 'a WTI short in loss, whole', market: 'WTI', side: 'short', amount: 500n * ONE.USDC, leverageBps: 100_000n, prices: { WTI: 710_000_000_000n }, hours: 50n, fractionBps: 10_000n },
    { name: 'a USDC-posted SOL long (collateral and payout in SOL)', market: 'SOL', side: 'long', token: 'USDC', amount: 2_000n * ONE.USDC, leverageBps: 80_000n, prices: { SOL: 1_520_000_000_000n }, hours: 12n, fractionBps: 10_000n },
    { name: 'a 100x long whose loss exceeds its collateral: pays nothing, the collateral stays with the LPs', market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 1_000_000n, prices: { SOL: 1_480_000_000_000n }, hours: 0n, fractionBps: 10_000n },
  ])('$name', async ({ name: _, prices, hours, fractionBps, ...a }) => {
    const w = await fresh();
    const { t } = await opened(w, a);
    w.advance(hours * HOUR);
    await w.setPrices(prices);
    const { expected } = await settleAndCheck(w, { t, market: a.market, side: a.side, reason: 'close', fractionBps, signers: [t.signer], ix: await closeIx(w, t, a.market, a.side, fractionBps) });
    if (a.leverageBps === 1_000_000n) expect(expected.payoutAmount).toBe(0n);
  });

  it('closing in pieces: a partial close carries the rest of the borrow fee, then the rest closes', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'BTC', side: 'short', amount: 4_000n * ONE.USDC, leverageBps: 200_000n });
    w.advance(10n * HOUR);
    await w.setPrices({ BTC: 940_000_000_000_000n });
    const first = await settleAndCheck(w, { t, market: 'BTC', side: 'short', reason: 'close', fractionBps: 2_500n, signers: [t.signer], ix: await closeIx(w, t, 'BTC', 'short', 2_500n) });
    expect(first.expected.remaining!.carriedInterestUsd).toBeGreaterThan(0n);
    w.advance(5n * HOUR);
    await w.setPrices({ BTC: 955_000_000_000_000n });
    await settleAndCheck(w, { t, market: 'BTC', side: 'short', reason: 'close', fractionBps: 10_000n, signers: [t.signer], ix: await closeIx(w, t, 'BTC', 'short') });
    expect(positionAt(w, position)).toBeUndefined();
  });

  it('a closed position can be opened again at the same address', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n });
    await ok(w, [await closeIx(w, t, 'SOL', 'short')], [t.signer]);
    await w.setPrices({ SOL: 1_500_000_000_000n });
    await ok(w, [await openIx(w, t, { market: 'SOL', side: 'short', amount: 50n * ONE.USDC, leverageBps: 20_000n })], [t.signer]);
    expect(positionAt(w, position)!.state.collateralAmount).toBe(50n * ONE.USDC);
  });

  it('acceptable prices are inclusive: a long closing at exactly its acceptable price closes', async () => {
    const w = await fresh();
    const { t } = await opened(w, { market: 'XAU', side: 'long', amount: 100n * ONE.USDC, leverageBps: 20_000n });
    await ok(w, [await closeIx(w, t, 'XAU', 'long', 10_000n, 26_500_000_000_000n)], [t.signer]);
  });
});

describe('refusals of a close (exact code, nothing changed)', () => {
  async function short(w: Awaited<ReturnType<typeof fresh>>) {
    return opened(w, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 50_000n });
  }

  it('no such position: NOT_FOUND; another owner’s: NOT_OWNER', async () => {
    const w = await fresh();
    const victim = await short(w);
    const t = await w.trader();
    await refused(w, [await closeIx(w, t, 'SOL', 'short')], [t.signer], 'NOT_FOUND');
    await refused(w, [withAccount(await closeIx(w, t, 'SOL', 'short'), 3, victim.position)], [t.signer], 'NOT_OWNER');
  });

  it('fraction 0, over 100% or u64::MAX: INVALID_AMOUNT', async () => {
    const w = await fresh();
    const { t } = await short(w);
    for (const f of [0n, 10_001n, 2n ** 64n - 1n]) await refused(w, [await closeIx(w, t, 'SOL', 'short', f)], [t.signer], 'INVALID_AMOUNT');
  });

  it('a short closing above its acceptable price, a long below: SLIPPAGE', async () => {
    const w = await fresh();
    const { t } = await short(w);
    await refused(w, [await closeIx(w, t, 'SOL', 'short', 10_000n, 1_499_999_999_999n)], [t.signer], 'SLIPPAGE');
    const long = await opened(w, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 20_000n });
    await refused(w, [await closeIx(w, long.t, 'SOL', 'long', 10_000n, 1_500_000_000_001n)], [long.t.signer], 'SLIPPAGE');
  });

  it('a partial close leaving under $10: REMAINING_COLLATERAL_TOO_SMALL ($100 → 90.01% leaves $9.99)', async () => {
    const w = await fresh();
    const { t, position } = await short(w);
    const e = expectedClose(w, 'SOL', position, 9_001n);
    expect(e.remaining!.collateralUsd).toBeLessThan(10_000_000n);
    await refused(w, [await closeIx(w, t, 'SOL', 'short', 9_001n)], [t.signer], 'REMAINING_COLLATERAL_TOO_SMALL');
    await ok(w, [await closeIx(w, t, 'SOL', 'short', 9_000n)], [t.signer]);
  });

  it('an XAU position on a Saturday: MARKET_CLOSED; a stale price: ORACLE_STALE', async () => {
    const w = await fresh();
    const xau = await opened(w, { market: 'XAU', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n });
    const sol = await short(w);
    w.advance(31n);
    await refused(w, [await closeIx(w, sol.t, 'SOL', 'short')], [sol.t.signer], 'ORACLE_STALE');
    w.advance(3n * 86_400n);
    await w.setPrices({ XAU: 26_500_000_000_000n });
    await refused(w, [await closeIx(w, xau.t, 'XAU', 'short')], [xau.t.signer], 'MARKET_CLOSED');
  });

  it('without the owner’s signature: MISSING_SIGNATURE; a read-only position: ACCOUNT_NOT_WRITABLE', async () => {
    const w = await fresh();
    const { t, position } = await short(w);
    const attacker = await w.trader();
    const ix = await closeIx(w, t, 'SOL', 'short');
    await refused(w, [unsigned(ix, t.address)], [attacker.signer], 'MISSING_SIGNATURE');
    await refused(w, [withRole(ix, indexOf(ix, position), AccountRole.READONLY)], [t.signer], 'ACCOUNT_NOT_WRITABLE');
  });

  it('another market, the wrong custody, a fake vault, a position as the market: INVALID_ACCOUNT', async () => {
    const w = await fresh();
    const { t, position } = await short(w);
    const ix = await closeIx(w, t, 'SOL', 'short');
    const fakeVault = (await w.trader()).tokenAccounts.USDC;
    await refused(w, [withAccount(ix, 2, w.addresses.markets.BTC)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 2, position)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, custodyOf(w.addresses, 'ALP', 'SOL'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, custodyOf(w.addresses, 'RWALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 5, fakeVault)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 5, vaultOf(w.addresses, 'RWALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 8, w.addresses.programId)], [t.signer], 'INVALID_ACCOUNT');
  });

  it('a receiver of another owner, of another mint, or the vault itself: INVALID_TOKEN_ACCOUNT', async () => {
    const w = await fresh();
    const { t } = await short(w);
    const other = await w.trader();
    const ix = await closeIx(w, t, 'SOL', 'short');
    await refused(w, [withAccount(ix, 6, other.tokenAccounts.USDC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 6, t.tokenAccounts.SOL)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 6, vaultOf(w.addresses, 'ALP', 'USDC'))], [t.signer], 'INVALID_TOKEN_ACCOUNT');
  });

  it('the BTC oracle where SOL’s is expected: INVALID_ORACLE; malformed data: INVALID_INSTRUCTION', async () => {
    const w = await fresh();
    const { t } = await short(w);
    const ix = await closeIx(w, t, 'SOL', 'short');
    await refused(w, [withAccount(ix, 9, w.addresses.oracles.BTC)], [t.signer], 'INVALID_ORACLE');
    await refused(w, [withData(ix, ix.data!.slice(0, 9))], [t.signer], 'INVALID_INSTRUCTION');
    await refused(w, [withData(ix, Uint8Array.from([...ix.data!, 0]))], [t.signer], 'INVALID_INSTRUCTION');
    expect(u64Bytes(1n)[0]).toBe(1);
  });

  it('the close of a position whose rent would go to another wallet is impossible: the owner signs and receives', async () => {
    const w = await fresh();
    const { t, position } = await short(w);
    const before = w.svm.getBalance(t.address)!;
    const rent = w.svm.getBalance(position)!;
    await ok(w, [await closeIx(w, t, 'SOL', 'short')], [t.signer]);
    expect(w.svm.getBalance(t.address)).toBe(before + rent - 5_000n);
    expect(await positionOf(w, t.address, 'SOL', 'short')).toBe(position);
  });
});
