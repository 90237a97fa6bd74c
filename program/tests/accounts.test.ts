/**
 * Account lifecycles and write locks: a PDA someone pre-funded to block its creation (position, order, the
 * position a fill creates) is still created; a position closed and reopened in one transaction; and the narrow
 * write locks of chain.md (a trade writes its market and the custody it locks, never another market nor a pool).
 */
import { describe, expect, it } from 'vitest';
import { AccountRole, lamports, type Instruction } from '@solana/kit';
import { getTransferSolInstruction } from '@solana-program/system';
import { MARKETS, lockToken } from '@/lib/math/params';
import { custodyOf, vaultOf } from '@/lib/chain/addresses';
import {
  addCollateralIx,
  closeIx,
  executeTpSlIx,
  fillIx,
  liquidateIx,
  openIx,
  orderOf,
  placeOrderIx,
  positionOf,
  removeCollateralIx,
  setTpSlIx,
} from '@/lib/chain/testing/actions';
import { positionAt } from '@/lib/chain/testing/model';
import { genesis, ok, ONE, opened } from './support';

const fresh = genesis();

describe('pre-funded PDAs (an attempt to block their creation) are still created', () => {
  it('a position, an order, and the position a fill creates', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 1_000n * ONE.USDC });
    const griefer = await w.trader();
    const position = await positionOf(w, t.address, 'SOL', 'short');
    const order = await orderOf(w, t.address, 3);
    const filled = await positionOf(w, t.address, 'BTC', 'short');
    const [p0, o0, f0] = [1_000_000n, 10_000_000n, 3_000_000n]; // a system account must hold at least ~0.00089 SOL
    await ok(w, [getTransferSolInstruction({ source: griefer.signer, destination: position, amount: p0 }), getTransferSolInstruction({ source: griefer.signer, destination: order, amount: o0 }), getTransferSolInstruction({ source: griefer.signer, destination: filled, amount: f0 })], [griefer.signer]);
    await ok(w, [await openIx(w, t, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n })], [t.signer]);
    expect(positionAt(w, position)!.state.collateralAmount).toBe(100n * ONE.USDC);
    expect(w.svm.getBalance(position)).toBe(lamports(w.svm.minimumBalanceForRentExemption(216n)));
    const btcOrder = { market: 'BTC' as const, side: 'short' as const, slot: 3, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 960_000_000_000_000n };
    await ok(w, [await placeOrderIx(w, t, btcOrder)], [t.signer]);
    // Topped up to its rent when it held less; the griefer's lamports stay in the order and move on at the fill.
    const rent = w.svm.minimumBalanceForRentExemption(216n);
    expect(w.svm.getBalance(order)).toBe(o0 > rent ? o0 : rent);
    await w.setPrices({ BTC: 960_000_000_000_000n });
    await ok(w, [await fillIx(w, t, 3, btcOrder)], [w.keeper]);
    expect(positionAt(w, filled)!.state.sizeUsd).toBe(200n * ONE.USDC);
    expect(w.svm.getBalance(filled)).toBe((o0 > rent ? o0 : rent) + f0);
    expect(w.data(order)).toBeUndefined();
  });
});

describe('lifecycles in one transaction', () => {
  it('close and reopen the same position in one transaction; open, add, remove, set TP/SL, close in another', async () => {
    const w = await fresh();
    const { t, position } = await opened(w, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 20_000n }, { SOL: 2n * ONE.SOL });
    await ok(w, [await closeIx(w, t, 'SOL', 'long'), await openIx(w, t, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 30_000n })], [t.signer]);
    expect(positionAt(w, position)!.state.collateralAmount).toBe(ONE.SOL);
    const u = await w.trader({ USDC: 1_000n * ONE.USDC });
    await ok(
      w,
      [
        await openIx(w, u, { market: 'XAG', side: 'short', amount: 500n * ONE.USDC, leverageBps: 50_000n }),
        await addCollateralIx(w, u, 'XAG', 'short', 100n * ONE.USDC),
        await removeCollateralIx(w, u, 'XAG', 'short', 50n * ONE.USDC),
        await setTpSlIx(w, u, 'XAG', 'short', 300_000_000_000n, null),
        await closeIx(w, u, 'XAG', 'short', 5_000n),
        await closeIx(w, u, 'XAG', 'short'),
      ],
      [u.signer],
    );
    expect(positionAt(w, await positionOf(w, u.address, 'XAG', 'short'))).toBeUndefined();
  });
});

describe('narrow write locks (chain.md)', () => {
  const writable = (ix: Instruction) => (ix.accounts ?? []).filter((m) => m.role === AccountRole.WRITABLE || m.role === AccountRole.WRITABLE_SIGNER).map((m) => m.address);

  it('a trade writes its own market and the custody its side locks, never another market, custody of another pool, or a pool', async () => {
    const w = await fresh();
    const a = w.addresses;
    const { t } = await opened(w, { market: 'SOL', side: 'short', amount: 200n * ONE.USDC, leverageBps: 20_000n }, { USDC: 1_000n * ONE.USDC, SOL: 2n * ONE.SOL });
    const others = [...Object.values(a.pools), ...Object.values(a.markets).filter((m) => m !== a.markets.SOL), custodyOf(a, 'ALP', 'WBTC'), custodyOf(a, 'ALP', 'BONK'), custodyOf(a, 'RWALP', 'USDC'), ...Object.values(a.oracles)];
    const ixs = [
      await openIx(w, t, { market: 'SOL', side: 'short', amount: 100n * ONE.USDC, leverageBps: 20_000n }),
      await openIx(w, t, { market: 'SOL', side: 'long', amount: ONE.SOL, leverageBps: 20_000n }),
      await closeIx(w, t, 'SOL', 'short', 5_000n),
      await addCollateralIx(w, t, 'SOL', 'short', ONE.USDC),
      await removeCollateralIx(w, t, 'SOL', 'short', ONE.USDC),
      await setTpSlIx(w, t, 'SOL', 'short', null, null),
      await liquidateIx(w, t, 'SOL', 'short'),
      await executeTpSlIx(w, t, 'SOL', 'short', 'stopLoss'),
      await placeOrderIx(w, t, { market: 'SOL', side: 'short', slot: 0, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 1_600_000_000_000n }),
    ];
    for (const ix of ixs) for (const address of writable(ix)) expect(others).not.toContain(address);
    // The short side's writes: the SOL market and ALP's USDC custody and vault; the long's: ALP's SOL custody and vault.
    expect(writable(ixs[0]!)).toEqual(expect.arrayContaining([a.markets.SOL, custodyOf(a, 'ALP', 'USDC'), vaultOf(a, 'ALP', 'USDC')]));
    expect(writable(ixs[1]!)).not.toContain(custodyOf(a, 'ALP', 'USDC'));
    expect(lockToken('SOL', 'long')).toBe('SOL');
    expect(MARKETS.SOL.pool).toBe('ALP');
    // Accepted as built (read-only where the program only reads).
    await ok(w, [ixs[0]!, ixs[3]!, ixs[5]!], [t.signer]);
  });
});
