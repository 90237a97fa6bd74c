/**
 * Limit orders (§7): PlaceLimitOrder escrows the collateral in one of the owner's 16 slots after every check of an
 * open that does not depend on the fill price (an order that can never fill is refused at placement), CancelOrder
 * returns it, and the keeper's FillLimitOrder opens at the on-chain price once the trigger is reached, each
 * figure equal to lib/math's open.
 */
import { describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { lockToken } from '@/lib/math/params';
import { custodyOf } from '@/lib/chain/addresses';
import { decodeOrder } from '@/lib/chain/accounts';
import { positionBump } from '@/lib/chain/pda';
import { cancelOrderIx, fillIx, openIx, orderOf, placeOrderIx, type OrderArgs } from '@/lib/chain/testing/actions';
import { marketPrice } from '@/lib/chain/testing/model';
import { unsigned, withAccount, withData } from '@/lib/chain/testing/tamper';
import type { Trader, World } from '@/lib/chain/testing/world';
import { eventOf, genesis, ok, ONE, openAndCheck, refused } from './support';

const fresh = genesis();
const MAX_U64 = 2n ** 64n - 1n;

async function place(w: World, a: OrderArgs, t?: Trader): Promise<{ t: Trader; order: Address }> {
  const token = a.token ?? lockToken(a.market, a.side);
  const trader = t ?? (await w.trader({ [token]: a.amount }));
  const order = await orderOf(w, trader.address, a.slot);
  const escrow = w.tokenBalance(w.addresses.escrows[token]);
  const wallet = w.tokenBalance(trader.tokenAccounts[token]);
  const r = await ok(w, [await placeOrderIx(w, trader, a)], [trader.signer]);
  const pool = a.market === 'XAU' || a.market === 'XAG' || a.market === 'WTI' ? 'RWALP' : 'ALP';
  expect(decodeOrder(w.data(order)!)).toEqual({
    owner: trader.address,
    market: w.addresses.markets[a.market],
    collateralCustody: custodyOf(w.addresses, pool, token),
    escrow: w.addresses.escrows[token],
    side: a.side,
    bump: decodeOrder(w.data(order)!).bump,
    slot: a.slot,
    positionBump: await positionBump(w.addresses.programId, trader.address, w.addresses.markets[a.market], a.side === 'long' ? 0 : 1),
    collateralAmount: a.amount,
    leverageBps: a.leverageBps,
    triggerPrice: a.triggerPrice,
    acceptablePrice: a.acceptablePrice ?? null,
    takeProfit: a.takeProfit ?? null,
    stopLoss: a.stopLoss ?? null,
    createdAt: w.nowS(),
  });
  expect(w.tokenBalance(w.addresses.escrows[token])).toBe(escrow + a.amount);
  expect(w.tokenBalance(trader.tokenAccounts[token])).toBe(wallet - a.amount);
  expect(eventOf(r, 'orderPlaced')).toEqual({
    kind: 'orderPlaced',
    owner: trader.address,
    order,
    market: w.addresses.markets[a.market],
    side: a.side,
    slot: a.slot,
    mint: w.addresses.mints[token],
    amount: a.amount,
    leverageBps: a.leverageBps,
    triggerPrice: a.triggerPrice,
    acceptablePrice: a.acceptablePrice ?? null,
    takeProfit: a.takeProfit ?? null,
    stopLoss: a.stopLoss ?? null,
  });
  return { t: trader, order };
}

const longSol: OrderArgs = { market: 'SOL', side: 'long', slot: 0, amount: ONE.SOL, leverageBps: 100_000n, triggerPrice: 1_400_000_000_000n };
const shortSol: OrderArgs = { market: 'SOL', side: 'short', slot: 3, amount: 200n * ONE.USDC, leverageBps: 50_000n, triggerPrice: 1_600_000_000_000n };

describe('placing, cancelling and filling limit orders', () => {
  it.each<OrderArgs & { name: string; fillAt: bigint }>([
    { name: 'a SOL long posted in SOL', ...longSol, fillAt: 1_399_999_999_999n },
    { name: 'a SOL short in USDC, with TP and SL', ...shortSol, takeProfit: 1_500_000_000_000n, stopLoss: 1_650_000_000_000n, fillAt: 1_612_000_000_000n },
    { name: 'a SOL long posted in USDC (swapped at the fill)', market: 'SOL', side: 'long', token: 'USDC', slot: 15, amount: 500n * ONE.USDC, leverageBps: 30_000n, triggerPrice: 1_450_000_000_000n, fillAt: 1_450_000_000_000n },
    // $10.08 of USDC keeps over $10 through the swap fee and the band: placed, and it fills.
    { name: 'a $10.08 USDC-posted SOL long', market: 'SOL', side: 'long', token: 'USDC', slot: 2, amount: 10_080_000n, leverageBps: 20_000n, triggerPrice: 1_490_000_000_000n, fillAt: 1_300_000_000_000n },
    { name: 'a BTC long in WBTC with an acceptable price', market: 'BTC', side: 'long', slot: 7, amount: ONE.WBTC / 100n, leverageBps: 200_000n, triggerPrice: 940_000_000_000_000n, acceptablePrice: 945_000_000_000_000n, fillAt: 930_000_000_000_000n },
    { name: 'an XAU short', market: 'XAU', side: 'short', slot: 1, amount: 100n * ONE.USDC, leverageBps: 100_000n, triggerPrice: 27_000_000_000_000n, fillAt: 27_100_000_000_000n },
  ])('$name: placed (escrowed), refused before the trigger, filled at the update price from the escrow', async ({ name: _, fillAt, ...a }) => {
    const w = await fresh();
    const { t, order } = await place(w, a);
    const feed = a.market === 'BTC' ? 'BTC' : a.market === 'XAU' ? 'XAU' : 'SOL';
    const fill = await fillIx(w, t, a.slot, a);
    await refused(w, [fill], [w.keeper], 'INVALID_TRIGGER');
    await w.setPrices({ [feed]: fillAt });
    const rent = w.svm.getBalance(order)!;
    const wallet = w.svm.getBalance(t.address)!;
    const { position } = await openAndCheck(w, t, { market: a.market, side: a.side, token: a.token, amount: a.amount, leverageBps: a.leverageBps }, { ix: fill, order });
    expect(w.data(order)).toBeUndefined();
    // The order's rent became the position's: the owner's wallet is unchanged.
    expect(w.svm.getBalance(position)).toBe(rent);
    expect(w.svm.getBalance(t.address)).toBe(wallet);
  });

  it('a fill that increases a position gives the order’s rent back to the owner', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 400n * ONE.USDC });
    await ok(w, [await openIx(w, t, { market: 'SOL', side: 'short', amount: 200n * ONE.USDC, leverageBps: 50_000n })], [t.signer]);
    const { order } = await place(w, shortSol, t);
    await w.setPrices({ SOL: 1_600_000_000_000n });
    const rent = w.svm.getBalance(order)!;
    const wallet = w.svm.getBalance(t.address)!;
    const { expected } = await openAndCheck(w, t, { market: 'SOL', side: 'short', amount: shortSol.amount, leverageBps: shortSol.leverageBps }, { ix: await fillIx(w, t, 3, shortSol), order });
    expect(expected.existing).toBeDefined();
    expect(w.svm.getBalance(t.address)).toBe(wallet + rent);
  });

  it.each([
    ['an order placed before position_bump was recorded (0): the fill searches the bump', 0, undefined],
    ['a wrong position_bump: the derived address is not the position account', 1, 'INVALID_ACCOUNT'],
  ] as const)('%s', async (_name, bumpDelta, code) => {
    const w = await fresh();
    const { t, order } = await place(w, shortSol);
    const account = w.svm.getAccount(order);
    if (!account.exists) throw new Error('no order account');
    const data = Uint8Array.from(account.data);
    data[139] = bumpDelta === 0 ? 0 : data[139]! - bumpDelta;
    w.svm.setAccount({ ...account, data });
    await w.setPrices({ SOL: 1_600_000_000_000n });
    if (code) {
      await refused(w, [await fillIx(w, t, 3, shortSol)], [w.keeper], code);
      return;
    }
    await openAndCheck(w, t, { market: 'SOL', side: 'short', amount: shortSol.amount, leverageBps: shortSol.leverageBps }, { ix: await fillIx(w, t, 3, shortSol), order });
  });

  it('cancel: the escrow and the rent come back, the slot is free again', async () => {
    const w = await fresh();
    const { t, order } = await place(w, shortSol);
    const rent = w.svm.getBalance(order)!;
    const wallet = w.svm.getBalance(t.address)!;
    const r = await ok(w, [await cancelOrderIx(w, t, 3, 'USDC')], [t.signer]);
    expect(w.data(order)).toBeUndefined();
    expect(w.tokenBalance(t.tokenAccounts.USDC)).toBe(shortSol.amount);
    expect(w.svm.getBalance(t.address)).toBe(wallet + rent - 5_000n);
    expect(eventOf(r, 'orderCancelled')).toEqual({ kind: 'orderCancelled', owner: t.address, order, market: w.addresses.markets.SOL, side: 'short', amount: shortSol.amount, triggerPrice: shortSol.triggerPrice });
    await place(w, shortSol, t);
  });

  it('sixteen slots, 0 to 15; the trigger range is inclusive (mark, mark / 100, 100 × mark)', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 16n * 20n * ONE.USDC });
    const mark = marketPrice(w, 'SOL');
    for (let slot = 0; slot < 16; slot++) {
      const triggerPrice = [mark, mark * 100n, mark + 1n][slot % 3]!;
      await place(w, { market: 'SOL', side: 'short', slot, amount: 20n * ONE.USDC, leverageBps: 20_000n, triggerPrice }, t);
    }
    // A long at mark / 100 ($1.50, low $1.49625) needs 6.6834 SOL to be worth $10 there.
    const u = await w.trader({ SOL: 8n * ONE.SOL });
    await place(w, { ...longSol, triggerPrice: mark }, u);
    await refused(w, [await placeOrderIx(w, u, { ...longSol, slot: 1, triggerPrice: mark / 100n, amount: 6_683_375_000n })], [u.signer], 'COLLATERAL_TOO_SMALL');
    await place(w, { ...longSol, slot: 1, triggerPrice: mark / 100n, amount: 6_683_376_000n }, u);
  });
});

describe('refusals at placement: an order that can never fill is not placed (exact code, nothing changed)', () => {
  it.each<{ name: string; code: Parameters<typeof refused>[3]; order: OrderArgs }>([
    { name: 'a trigger of 0', code: 'INVALID_TRIGGER', order: { ...longSol, triggerPrice: 0n } },
    { name: 'a long trigger above the mark', code: 'INVALID_TRIGGER', order: { ...longSol, triggerPrice: 1_500_000_000_001n } },
    { name: 'a short trigger below the mark', code: 'INVALID_TRIGGER', order: { ...shortSol, triggerPrice: 1_499_999_999_999n } },
    { name: 'a short trigger at u64::MAX (the “10^30” trigger)', code: 'INVALID_TRIGGER', order: { ...shortSol, triggerPrice: MAX_U64 } },
    { name: 'a short trigger over 100 × the mark', code: 'INVALID_TRIGGER', order: { ...shortSol, triggerPrice: 150_000_000_000_000n + 100n } },
    { name: 'a long trigger under the mark / 100', code: 'INVALID_TRIGGER', order: { ...longSol, amount: 1_000n * ONE.SOL, triggerPrice: 14_999_999_999n } },
    { name: '1 unit of USDC', code: 'COLLATERAL_TOO_SMALL', order: { ...shortSol, amount: 1n } },
    { name: '1 lamport of SOL', code: 'COLLATERAL_TOO_SMALL', order: { ...longSol, amount: 1n } },
    { name: '$9.999999 of USDC', code: 'COLLATERAL_TOO_SMALL', order: { ...shortSol, amount: 9_999_999n } },
    { name: 'no collateral', code: 'AMOUNT_TOO_SMALL', order: { ...shortSol, amount: 0n } },
    { name: 'leverage under 1.1x', code: 'LEVERAGE_TOO_LOW', order: { ...shortSol, leverageBps: 10_999n } },
    { name: 'leverage over 100x', code: 'LEVERAGE_TOO_HIGH', order: { ...shortSol, leverageBps: 1_000_001n } },
    { name: 'leverage u64::MAX', code: 'LEVERAGE_TOO_HIGH', order: { ...shortSol, leverageBps: MAX_U64 } },
    { name: 'SOL for a short', code: 'UNSUPPORTED_COLLATERAL', order: { ...shortSol, token: 'SOL', amount: ONE.SOL } },
    { name: 'BONK for a SOL long', code: 'UNSUPPORTED_COLLATERAL', order: { ...longSol, token: 'BONK', amount: 1_000_000n * ONE.BONK } },
    { name: 'slot 16', code: 'TOO_MANY_ORDERS', order: { ...shortSol, slot: 16 } },
    { name: 'slot 255', code: 'TOO_MANY_ORDERS', order: { ...shortSol, slot: 255 } },
    // Worth at least $10 now, but a long fills at or below its trigger: 0.1 SOL is $9.975 at the low of $100.
    { name: '0.1 SOL ($14.96 now) with a trigger at $100', code: 'COLLATERAL_TOO_SMALL', order: { ...longSol, amount: ONE.SOL / 10n, triggerPrice: 1_000_000_000_000n } },
    // $10 of USDC swapped into SOL pays 20 bps and the band: about $9.93 of SOL at any price.
    { name: '$10 of USDC for a swapped SOL long', code: 'COLLATERAL_TOO_SMALL', order: { ...longSol, token: 'USDC', amount: 10n * ONE.USDC } },
    // $20,000 at 100x is $2,000,000 at any price: over the $1,000,000 maximum position.
    { name: 'a USDC order whose size is over the maximum position at any price', code: 'POSITION_TOO_LARGE', order: { ...shortSol, amount: 20_000n * ONE.USDC, leverageBps: 1_000_000n } },
  ])('$name: $code', async ({ code, order }) => {
    const w = await fresh();
    const token = order.token ?? lockToken(order.market, order.side);
    const t = await w.trader({ [token]: order.amount > 0n ? order.amount : 1n });
    await refused(w, [await placeOrderIx(w, t, order)], [t.signer], code);
  });

  it('a taken slot: ORDER_SLOT_TAKEN; more than the wallet: INSUFFICIENT_BALANCE; a stale price: ORACLE_STALE', async () => {
    const w = await fresh();
    const { t } = await place(w, shortSol);
    const more = await w.trader({ USDC: 1_000n * ONE.USDC });
    await refused(w, [await placeOrderIx(w, t, shortSol)], [t.signer], 'ORDER_SLOT_TAKEN');
    await refused(w, [await placeOrderIx(w, t, { ...shortSol, slot: 4 })], [t.signer], 'INSUFFICIENT_BALANCE');
    w.advance(31n);
    await refused(w, [await placeOrderIx(w, more, shortSol)], [more.signer], 'ORACLE_STALE');
  });

  it('accounts: another slot’s PDA, the wrong escrow, another owner’s funding, the RWALP custody, unsigned, BTC’s oracle', async () => {
    const w = await fresh();
    const t = await w.trader({ USDC: 1_000n * ONE.USDC });
    const other = await w.trader({ USDC: 1_000n * ONE.USDC });
    const ix = await placeOrderIx(w, t, shortSol);
    await refused(w, [withAccount(ix, 3, await orderOf(w, t.address, 4))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 3, await orderOf(w, other.address, 3))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, w.addresses.escrows.SOL)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, other.tokenAccounts.USDC)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 5, other.tokenAccounts.USDC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 4, custodyOf(w.addresses, 'RWALP', 'USDC'))], [t.signer], 'UNSUPPORTED_COLLATERAL');
    await refused(w, [withAccount(ix, 4, w.addresses.markets.SOL)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 2, custodyOf(w.addresses, 'ALP', 'USDC'))], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [unsigned(ix, t.address)], [other.signer], 'MISSING_SIGNATURE');
    const last = ix.accounts!.length - 1;
    await refused(w, [withAccount(ix, last, w.addresses.oracles.BTC)], [t.signer], 'INVALID_ORACLE');
    await refused(w, [withData(ix, Uint8Array.of(2), 1)], [t.signer], 'INVALID_INSTRUCTION');
  });
});

describe('refusals of cancel and fill (exact code, nothing changed)', () => {
  it('cancel: no order, another owner’s, unsigned, the wrong escrow, a receiver of another owner or mint', async () => {
    const w = await fresh();
    const { t, order } = await place(w, shortSol);
    const other = await w.trader();
    await refused(w, [await cancelOrderIx(w, other, 3, 'USDC')], [other.signer], 'NOT_FOUND');
    await refused(w, [withAccount(await cancelOrderIx(w, other, 3, 'USDC'), 2, order)], [other.signer], 'NOT_OWNER');
    const ix = await cancelOrderIx(w, t, 3, 'USDC');
    await refused(w, [unsigned(ix, t.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [withAccount(ix, 3, w.addresses.escrows.SOL)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, other.tokenAccounts.USDC)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 4, t.tokenAccounts.SOL)], [t.signer], 'INVALID_TOKEN_ACCOUNT');
    await refused(w, [withAccount(ix, 2, w.addresses.markets.SOL)], [t.signer], 'INVALID_ACCOUNT');
    await refused(w, [withData(ix, Uint8Array.of(26, 0))], [t.signer], 'INVALID_INSTRUCTION');
  });

  it('fill: no order, the wrong owner, escrow, lock custody or position, a closed market, a refused open', async () => {
    const w = await fresh();
    const { t } = await place(w, shortSol);
    const xau = await place(w, { market: 'XAU', side: 'long', slot: 0, amount: 100n * ONE.USDC, leverageBps: 20_000n, triggerPrice: 26_000_000_000_000n });
    const other = await w.trader();
    await w.setPrices({ SOL: 1_600_000_000_000n });
    await refused(w, [await fillIx(w, t, 5, shortSol)], [w.keeper], 'NOT_FOUND');
    const ix = await fillIx(w, t, 3, shortSol);
    await refused(w, [withAccount(ix, 5, other.address)], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 2, w.addresses.markets.BTC)], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 7, w.addresses.escrows.SOL)], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 6, custodyOf(w.addresses, 'ALP', 'SOL'))], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [withAccount(ix, 4, await orderOf(w, t.address, 9))], [w.keeper], 'INVALID_ACCOUNT');
    await refused(w, [unsigned(ix, w.keeper.address)], [other.signer], 'MISSING_SIGNATURE');
    await refused(w, [withData(ix, Uint8Array.of(32, 1))], [w.keeper], 'INVALID_INSTRUCTION');
    w.advance(3n * 86_400n);
    await w.setPrices({ XAU: 25_000_000_000_000n, SOL: 1_600_000_000_000n });
    await refused(w, [await fillIx(w, xau.t, 0, { market: 'XAU', side: 'long' })], [w.keeper], 'MARKET_CLOSED');
  });

  it('a triggered order whose open is refused stays, escrowed (here: SLIPPAGE past its acceptable price)', async () => {
    const w = await fresh();
    const { t, order } = await place(w, { ...shortSol, acceptablePrice: 1_650_000_000_000n });
    await w.setPrices({ SOL: 1_620_000_000_000n });
    await refused(w, [await fillIx(w, t, 3, shortSol)], [w.keeper], 'SLIPPAGE');
    expect(w.data(order)).toBeDefined();
  });
});

