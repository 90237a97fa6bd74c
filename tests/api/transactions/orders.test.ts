/**
 * POST /api/transactions/{placeLimitOrder, cancelOrder} on the local chain: a free slot of the owner's 16, the
 * collateral escrowed (native SOL wrapped), the order account as placed, the escrow back on cancel, and every
 * refusal with its status and code, nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderAddress } from '@/lib/chain/pda';
import { startChainHarness, type ChainHarness } from './harness';

let h: ChainHarness;
beforeAll(async () => {
  h = await startChainHarness();
}, 120_000);
afterAll(async () => h.close());

const ONE_SOL = 1_000_000_000n;
const order = (extra: Record<string, unknown> = {}) => ({
  market: 'SOL',
  side: 'long',
  collateralToken: 'USDC',
  collateralAmount: '50000000',
  leverageBps: '50000',
  triggerPrice: '1400000000000',
  acceptablePrice: '0',
  ...extra,
});

describe('placeLimitOrder and cancelOrder', () => {
  it('escrows the collateral in the lowest free slot and returns it on cancel; the slot is reused', async () => {
    const w = await h.wallet({ lamports: ONE_SOL, USDC: 200_000_000n });
    const escrow = h.chain.addresses.escrows.USDC;
    const escrowBefore = h.chain.local!.getAccount(escrow)!;
    const a0 = await h.act(w, 'placeLimitOrder', order({ takeProfit: '1600000000000', stopLoss: '1300000000000', acceptablePrice: '1410000000000' }));
    expect(a0.accounts.order).toBe(await orderAddress(h.chain.addresses.programId, w.address, 0));
    const o = h.order(a0.accounts.order!)!;
    expect(o).toMatchObject({
      owner: w.address,
      market: h.chain.addresses.markets.SOL,
      side: 'long',
      slot: 0,
      collateralAmount: 50_000_000n,
      leverageBps: 50_000n,
      triggerPrice: 1_400_000_000_000n,
      acceptablePrice: 1_410_000_000_000n,
      takeProfit: 1_600_000_000_000n,
      stopLoss: 1_300_000_000_000n,
      escrow,
    });
    expect(h.balance(w.address, 'USDC')).toBe(150_000_000n);
    const a1 = await h.act(w, 'placeLimitOrder', order({ side: 'short', triggerPrice: '1600000000000' }));
    expect(h.order(a1.accounts.order!)!.slot).toBe(1);
    expect(h.balance(w.address, 'USDC')).toBe(100_000_000n);
    const cancelled = await h.act(w, 'cancelOrder', { orderId: a0.accounts.order });
    expect(cancelled.accounts.order).toBe(a0.accounts.order);
    expect(h.order(a0.accounts.order!)).toBeUndefined();
    expect(h.balance(w.address, 'USDC')).toBe(150_000_000n);
    const again = await h.act(w, 'placeLimitOrder', order());
    expect(again.accounts.order).toBe(a0.accounts.order);
    await h.act(w, 'cancelOrder', { orderId: again.accounts.order });
    await h.act(w, 'cancelOrder', { orderId: a1.accounts.order });
    expect(h.balance(w.address, 'USDC')).toBe(200_000_000n);
    expect(h.chain.local!.getAccount(escrow)!.data).toEqual(escrowBefore.data);
  });

  it('an order posted in SOL wraps native SOL; its cancel pays wrapped SOL back', async () => {
    const w = await h.wallet({ lamports: 3n * ONE_SOL });
    const a = await h.act(w, 'placeLimitOrder', order({ collateralToken: 'SOL', collateralAmount: '2000000000' }));
    expect(h.order(a.accounts.order!)!.collateralAmount).toBe(2n * ONE_SOL);
    expect(h.balance(w.address, 'SOL')).toBe(0n);
    await h.act(w, 'cancelOrder', { orderId: a.accounts.order });
    expect(h.balance(w.address, 'SOL')).toBe(2n * ONE_SOL);
  });

  it('TOO_MANY_ORDERS once the 16 slots are taken', async () => {
    const w = await h.wallet({ lamports: ONE_SOL, USDC: 17n * 11_000_000n });
    for (let i = 0; i < 16; i++) await h.act(w, 'placeLimitOrder', order({ collateralAmount: '11000000', triggerPrice: String(1_400_000_000_000 - i) }));
    expect(h.chain.state.ownedBy(w.address).orders.map(([, o]) => o.slot).sort((x, y) => x - y)).toEqual([...Array(16).keys()]);
    expect(await h.refused(w, 'placeLimitOrder', order({ collateralAmount: '11000000' }), 422, 'TOO_MANY_ORDERS')).toBe(
      'You already have 16 limit orders, the maximum; cancel one first.',
    );
  });

  describe('refusals', () => {
    let w: Awaited<ReturnType<typeof h.wallet>>;
    beforeAll(async () => {
      w = await h.wallet({ lamports: ONE_SOL, USDC: 100_000_000n });
    });

    it('INVALID_TRIGGER: on the wrong side of the mark, or beyond 100x of it', async () => {
      expect(await h.refused(w, 'placeLimitOrder', order({ triggerPrice: '1500000000001' }), 422, 'INVALID_TRIGGER')).toBe(
        'A long limit order fills when the price falls to its trigger: set it at or below the mark price of $150 (and no lower than $1.5).',
      );
      await h.refused(w, 'placeLimitOrder', order({ triggerPrice: '14999999999' }), 422, 'INVALID_TRIGGER');
      await h.refused(w, 'placeLimitOrder', order({ side: 'short', triggerPrice: '1499999999999' }), 422, 'INVALID_TRIGGER');
      await h.refused(w, 'placeLimitOrder', order({ side: 'short', triggerPrice: '160000000000000' }), 422, 'INVALID_TRIGGER');
    });

    it('UNSUPPORTED_COLLATERAL, LEVERAGE_TOO_LOW, LEVERAGE_TOO_HIGH, COLLATERAL_TOO_SMALL, POSITION_TOO_LARGE, INSUFFICIENT_BALANCE', async () => {
      await h.refused(w, 'placeLimitOrder', order({ side: 'short', collateralToken: 'SOL' }), 422, 'UNSUPPORTED_COLLATERAL');
      await h.refused(w, 'placeLimitOrder', order({ market: 'XAU', collateralToken: 'WBTC' }), 422, 'UNSUPPORTED_COLLATERAL');
      expect(await h.refused(w, 'placeLimitOrder', order({ leverageBps: '10000' }), 422, 'LEVERAGE_TOO_LOW')).toBe('Leverage 1x is below the minimum of 1.1x.');
      expect(await h.refused(w, 'placeLimitOrder', order({ leverageBps: '1000001' }), 422, 'LEVERAGE_TOO_HIGH')).toBe(
        "Leverage 100.0001x is above this market's maximum of 100x.",
      );
      expect(await h.refused(w, 'placeLimitOrder', order({ market: 'XAU', collateralAmount: '9999999' }), 422, 'COLLATERAL_TOO_SMALL')).toBe(
        "At its best fill this order's collateral is worth $9.99, below the minimum of $10; add more collateral.",
      );
      // $10 of USDC for a SOL long is swapped at the fill: after the swap fee and the band it can never be worth $10.
      expect(await h.refused(w, 'placeLimitOrder', order({ collateralAmount: '10000000' }), 422, 'COLLATERAL_TOO_SMALL')).toBe(
        "At its best fill this order's collateral is worth $9.93, below the minimum of $10; add more collateral.",
      );
      // 0.1 SOL for a long filling at $100 is worth at most $9.975 there, whatever the price now.
      const sol = await h.wallet({ lamports: 2n * ONE_SOL });
      await h.refused(sol, 'placeLimitOrder', order({ collateralToken: 'SOL', collateralAmount: '100000000', triggerPrice: '1000000000000' }), 422, 'COLLATERAL_TOO_SMALL');
      const rich = await h.wallet({ lamports: ONE_SOL, USDC: 2_001_000_000n });
      expect(await h.refused(rich, 'placeLimitOrder', order({ market: 'XAU', side: 'short', collateralAmount: '2001000000', leverageBps: '500000', triggerPrice: '27000000000000' }), 422, 'POSITION_TOO_LARGE')).toBe(
        'A XAU position of $100,050 is above the maximum of $100,000; lower the size.',
      );
      expect(await h.refused(w, 'placeLimitOrder', order({ collateralAmount: '100000001' }), 422, 'INSUFFICIENT_BALANCE')).toBe(
        'Not enough USDC in your wallet for this order: you have 100, this needs 100.000001.',
      );
    });

    it('cancelOrder: NOT_FOUND, NOT_OWNER', async () => {
      const placed = await h.act(w, 'placeLimitOrder', order());
      const other = await h.wallet();
      const nowhere = await orderAddress(h.chain.addresses.programId, other.address, 3);
      expect(await h.refused(w, 'cancelOrder', { orderId: nowhere }, 404, 'NOT_FOUND')).toBe(`Order ${nowhere} does not exist (it may have been filled or cancelled).`);
      expect(await h.refused(other, 'cancelOrder', { orderId: placed.accounts.order }, 403, 'NOT_OWNER')).toBe(`Order ${placed.accounts.order} belongs to another wallet.`);
      await h.act(w, 'cancelOrder', { orderId: placed.accounts.order });
      await h.refused(w, 'cancelOrder', { orderId: placed.accounts.order }, 404, 'NOT_FOUND');
    });
  });
});
