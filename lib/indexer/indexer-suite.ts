/**
 * The indexer's behaviour on a real local chain (shared by the PGlite and PostgreSQL files): every event kind
 * lands as its row with its transaction's signature; failed transactions and price updates give none; a restart
 * resumes with no gap and no duplicate; a replay from an older cursor inserts nothing; the history read returns
 * the signatures; the pools' 7-day fees come from the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from '@solana/kit';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import type { Database } from '@/lib/db/types';
import { decodeTokenAccount } from '@/lib/chain/accounts';
import type { Trader } from '@/lib/chain/testing/world';
import {
  addCollateralIx,
  addLiquidityIx,
  cancelOrderIx,
  closeIx,
  executeTpSlIx,
  fillIx,
  liquidateIx,
  openIx,
  orderOf,
  placeOrderIx,
  positionOf,
  removeCollateralIx,
  removeLiquidityIx,
  setTpSlIx,
  swapIx,
} from '@/lib/chain/testing/actions';
import { selectHistory } from '@/lib/views/history';
import { chainPools } from '@/lib/chain-runtime/reads';
import { startIndexer, type Indexer, type IndexerOptions } from './indexer';
import { recordFaucetDraw } from './faucet';
import { expectedRowKeys, indexedRowKeys, newTrader, send, sendFailing, setPrices, startTestChain, storedRows, withoutId, type StoredRow, type TestChain } from './testing';

const USDC = 1_000_000n;
const PRICE = 10_000_000_000n;
const quiet: IndexerOptions = { log: () => undefined };

export interface SuiteDatabase {
  db: Database;
  close(): Promise<void>;
}

export function defineIndexerSuite(open: () => Promise<SuiteDatabase>): void {
  let opened: SuiteDatabase;
  let c: TestChain;
  let a: Trader;
  let b: Trader;
  let lp: Trader;
  /** What each action's transaction was, by name. */
  const sig: Record<string, string> = {};

  const prices = (sol: bigint) => {
    const all = Object.fromEntries(FEED_IDS.map((f) => [f, GENESIS.prices[f]])) as Record<FeedId, bigint>;
    return setPrices(c, { ...all, SOL: sol });
  };
  const balance = async (account: Address) => {
    const acc = await c.runtime.client.getAccount(account);
    return acc ? decodeTokenAccount(acc.data).amount : 0n;
  };
  const rowsOf = async (signature: string) => (await storedRows(c.db)).filter((r) => r.signature === signature);
  const only = async (signature: string): Promise<StoredRow> => {
    const rows = await rowsOf(signature);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };
  const expectedKeys = () => expectedRowKeys(c);
  const indexedKeys = () => indexedRowKeys(c.db);

  beforeAll(async () => {
    opened = await open();
    c = await startTestChain({ db: opened.db });
    [a, b, lp] = await Promise.all([newTrader(c, { USDC: 10_000n * USDC }), newTrader(c, { USDC: 1_000n * USDC }), newTrader(c, { USDC: 5_000n * USDC })]);
  }, 180_000);

  afterAll(async () => {
    await c?.close();
    await opened?.close();
  });

  describe('the indexer', () => {
    let indexer: Indexer;

    it('indexes what happened before it started (genesis has no history rows), then follows the chain', async () => {
      indexer = startIndexer(c.runtime, c.db, quiet);
      await indexer.caughtUp;
      expect(indexer.leading()).toBe(true);
      expect(await indexedKeys()).toEqual(await expectedKeys());
    });

    it('every event kind lands as its row, with its transaction signature', async () => {
      const w = c.world;
      await prices(150n * PRICE);
      const shortPos = await positionOf(w, a.address, 'SOL', 'short');
      const state = () => c.runtime.state.positions.get(shortPos)!.state;

      sig.open = await send(c, [await openIx(w, a, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 50_000n })], [a.signer]);
      const size1 = state().sizeUsd;
      sig.increase = await send(c, [await openIx(w, a, { market: 'SOL', side: 'short', amount: 50n * USDC, leverageBps: 50_000n })], [a.signer]);
      const size2 = state().sizeUsd;
      sig.add = await send(c, [await addCollateralIx(w, a, 'SOL', 'short', 20n * USDC)], [a.signer]);
      const collateralAfterAdd = state().collateralUsd;
      sig.remove = await send(c, [await removeCollateralIx(w, a, 'SOL', 'short', 10n * USDC)], [a.signer]);
      sig.tpsl = await send(c, [await setTpSlIx(w, a, 'SOL', 'short', 140n * PRICE, null)], [a.signer]);
      const usdcBefore = await balance(a.tokenAccounts.USDC);
      sig.closeHalf = await send(c, [await closeIx(w, a, 'SOL', 'short', 5_000n)], [a.signer]);
      const paid = (await balance(a.tokenAccounts.USDC)) - usdcBefore;
      sig.openSwap = await send(c, [await openIx(w, a, { market: 'SOL', side: 'long', token: 'USDC', amount: 100n * USDC, leverageBps: 30_000n })], [a.signer]);
      sig.place = await send(c, [await placeOrderIx(w, a, { market: 'SOL', side: 'short', slot: 0, amount: 200n * USDC, leverageBps: 50_000n, triggerPrice: 160n * PRICE })], [a.signer]);
      sig.cancel = await send(c, [await cancelOrderIx(w, a, 0, 'USDC')], [a.signer]);
      sig.placeB = await send(c, [await placeOrderIx(w, b, { market: 'SOL', side: 'short', slot: 1, amount: 100n * USDC, leverageBps: 50_000n, triggerPrice: 155n * PRICE })], [b.signer]);
      await prices(155n * PRICE);
      sig.fill = await send(c, [await fillIx(w, b, 1, { market: 'SOL', side: 'short' })], [c.keeper]);
      await prices(139n * PRICE);
      sig.takeProfit = await send(c, [await executeTpSlIx(w, a, 'SOL', 'short', 'takeProfit')], [c.keeper]);
      sig.prices = await prices(250n * PRICE);
      sig.liquidate = await send(c, [await liquidateIx(w, b, 'SOL', 'short')], [c.keeper]);
      await prices(150n * PRICE);
      sig.addLp = await send(c, [addLiquidityIx(w, lp, 'ALP', 'USDC', 1_000n * USDC)], [lp.signer]);
      const lpBalance = await balance(lp.lpAccounts.ALP);
      sig.removeLp = await send(c, [removeLiquidityIx(w, lp, 'ALP', 'USDC', lpBalance / 2n)], [lp.signer]);
      sig.swap = await send(c, [swapIx(w, lp, 'USDC', 'SOL', 100n * USDC)], [lp.signer]);
      // Fails after the open logged its event: nothing of it is history.
      sig.failed = await sendFailing(c, [await openIx(w, lp, { market: 'SOL', side: 'short', amount: 100n * USDC, leverageBps: 50_000n }), await closeIx(w, lp, 'SOL', 'short', 20_000n)], [lp.signer]);
      await indexer.flush();

      const open = await only(sig.open);
      expect(open).toMatchObject({ owner: a.address, kind: 'opened', pool: 'ALP', market: 'SOL', side: 'short', sizeUsd: size1.toString(), price: (150n * PRICE).toString(), eventIndex: 0 });
      expect(open.details).toMatchObject({ positionId: shortPos, collateralToken: 'USDC', postedToken: 'USDC', postedAmount: '100000000', leverageBps: '50000', swapFeeAmount: null });
      expect(open.feesUsd).toBe(String(BigInt(open.details.openFeeUsd!) + BigInt(open.details.swapFeeUsd!)));
      expect(open.slot).not.toBeNull();

      expect(await only(sig.increase)).toMatchObject({ kind: 'increased', sizeUsd: (size2 - size1).toString() });
      const add = await only(sig.add);
      expect(add).toMatchObject({ kind: 'collateral', market: 'SOL', side: 'short' });
      expect(add.details).toMatchObject({ positionId: shortPos, direction: 'add', token: 'USDC', amount: '20000000', collateralUsdAfter: collateralAfterAdd.toString() });
      expect((await only(sig.remove)).details).toMatchObject({ direction: 'remove', amountUsd: '10000000', collateralUsdBefore: collateralAfterAdd.toString() });
      expect((await only(sig.tpsl)).details).toEqual({ positionId: shortPos, takeProfit: (140n * PRICE).toString(), stopLoss: null });

      const half = await only(sig.closeHalf);
      expect(half).toMatchObject({ kind: 'closed', market: 'SOL', side: 'short', price: (150n * PRICE).toString() });
      expect(half.details).toMatchObject({ reason: 'close', fractionBps: '5000', payoutToken: 'USDC', payoutAmount: paid.toString() });
      expect(BigInt(half.realizedPnlUsd!)).toBeLessThan(0n); // fees at an unchanged price
      expect(BigInt(half.feesUsd!)).toBe(BigInt(half.details.closeFeeUsd!) + BigInt(half.details.borrowFeeUsd!));

      const swapped = await only(sig.openSwap);
      expect(swapped).toMatchObject({ kind: 'opened', side: 'long' });
      expect(swapped.details).toMatchObject({ postedToken: 'USDC', collateralToken: 'SOL' });
      expect(BigInt(String(swapped.details.swapFeeAmount))).toBeGreaterThan(0n);
      expect(BigInt(swapped.feesUsd!)).toBe(BigInt(swapped.details.openFeeUsd!) + BigInt(swapped.details.swapFeeUsd!));

      const orderA = await orderOf(c.world, a.address, 0);
      expect(await only(sig.place)).toMatchObject({ kind: 'order_placed', price: (160n * PRICE).toString(), details: expect.objectContaining({ orderId: orderA, collateralToken: 'USDC', collateralAmount: '200000000', leverageBps: '50000' }) });
      expect(await only(sig.cancel)).toMatchObject({ kind: 'order_cancelled', price: (160n * PRICE).toString(), details: { orderId: orderA, collateralToken: 'USDC', collateralAmount: '200000000' } });
      const fill = await only(sig.fill);
      expect(fill).toMatchObject({ owner: b.address, kind: 'filled', price: (155n * PRICE).toString() });
      expect(fill.details.orderId).toBe(await orderOf(c.world, b.address, 1));

      const tp = await only(sig.takeProfit);
      expect(tp).toMatchObject({ owner: a.address, kind: 'closed', price: (139n * PRICE).toString(), details: expect.objectContaining({ reason: 'takeProfit', fractionBps: '10000', remainingSizeUsd: '0' }) });
      expect(BigInt(tp.realizedPnlUsd!)).toBeGreaterThan(0n);
      expect(await only(sig.liquidate)).toMatchObject({ owner: b.address, kind: 'liquidated', details: expect.objectContaining({ reason: 'liquidation' }) });

      const added = await only(sig.addLp);
      expect(added).toMatchObject({ owner: lp.address, kind: 'liquidity_added', pool: 'ALP', market: null, details: expect.objectContaining({ token: 'USDC', amount: '1000000000', lpOut: lpBalance.toString() }) });
      expect((await only(sig.removeLp)).details).toMatchObject({ token: 'USDC', lpAmount: (lpBalance / 2n).toString() });
      expect(await only(sig.swap)).toMatchObject({ kind: 'swap', pool: 'ALP', details: expect.objectContaining({ tokenIn: 'USDC', tokenOut: 'SOL', amountIn: '100000000' }) });

      expect(await rowsOf(sig.failed)).toEqual([]);
      expect(await rowsOf(sig.prices)).toEqual([]);
      expect(await indexedKeys()).toEqual(await expectedKeys());
    });

    it('the history read returns the rows with their signatures, newest first; the pools’ fees come from them', async () => {
      const history = await selectHistory(c.db.sql, a.address, 100);
      expect(history.map((h) => h.kind)).toEqual(['closed', 'order_cancelled', 'order_placed', 'opened', 'closed', 'tpsl', 'collateral', 'collateral', 'increased', 'opened']);
      expect(history.map((h) => h.signature)).toEqual([sig.takeProfit, sig.cancel, sig.place, sig.openSwap, sig.closeHalf, sig.tpsl, sig.remove, sig.add, sig.increase, sig.open]);
      expect(history[0]).toMatchObject({ kind: 'closed', market: 'SOL', side: 'short' });
      expect(history[0]!.slot).toBeTypeOf('bigint');
      const { rows } = await c.db.sql.query<{ total: string }>("SELECT COALESCE(SUM(fees_usd), 0)::text AS total FROM events WHERE pool = 'ALP'");
      const pools = await chainPools(c.runtime, c.db.sql);
      expect(pools.find((p) => p.id === 'ALP')!.fees7dUsd.toString()).toBe(rows[0]!.total);
      expect(BigInt(rows[0]!.total)).toBeGreaterThan(0n);
    });

    it('a restart resumes with no gap and no duplicate', async () => {
      const w = c.world;
      await prices(150n * PRICE);
      await send(c, [await placeOrderIx(w, a, { market: 'BTC', side: 'short', slot: 2, amount: 30n * USDC, leverageBps: 20_000n, triggerPrice: GENESIS.prices.BTC * 2n })], [a.signer]);
      await indexer.flush();
      const before = await storedRows(c.db);
      await indexer.stop();
      const missed = [
        // The new indexer knows this order only from the indexed history.
        await send(c, [await cancelOrderIx(w, a, 2, 'USDC')], [a.signer]),
        await send(c, [addLiquidityIx(w, lp, 'ALP', 'USDC', 100n * USDC)], [lp.signer]),
        await send(c, [swapIx(w, lp, 'USDC', 'SOL', 10n * USDC)], [lp.signer]),
        await send(c, [await openIx(w, b, { market: 'BTC', side: 'short', amount: 50n * USDC, leverageBps: 20_000n })], [b.signer]),
      ];
      expect((await storedRows(c.db)).length).toBe(before.length);
      indexer = startIndexer(c.runtime, c.db, quiet);
      // Sent while the new indexer reads its backlog: found once, by one way or the other.
      const during = Promise.all([1n, 2n, 3n, 4n].map(async (n) => send(c, [swapIx(w, a, 'USDC', 'SOL', n * USDC)], [a.signer])));
      await indexer.caughtUp;
      const racing = await during;
      await indexer.flush();
      const after = await storedRows(c.db);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length).map((r) => r.signature).sort()).toEqual([...missed, ...racing].sort());
      expect(after.find((r) => r.signature === missed[0])).toMatchObject({ kind: 'order_cancelled', details: { orderId: await orderOf(w, a.address, 2), collateralToken: 'USDC', collateralAmount: '30000000' } });
      expect(await indexedKeys()).toEqual(await expectedKeys());
    });

    it('a replay from an older cursor inserts nothing', async () => {
      await indexer.stop();
      const before = await storedRows(c.db);
      await c.db.sql.query('DELETE FROM indexer_cursor');
      const inserted: number[] = [];
      indexer = startIndexer(c.runtime, c.db, { ...quiet, onBatch: (b) => inserted.push(b.inserted) });
      await indexer.caughtUp;
      expect(inserted.length).toBeGreaterThan(0);
      expect(inserted.every((n) => n === 0)).toBe(true);
      expect(indexer.stats().rows).toBe(before.filter((r) => r.signature !== null).length);
      expect((await storedRows(c.db)).map(withoutId)).toEqual(before.map(withoutId));
      expect(indexer.lagSlots()).toBe(0);
    });

    it('a faucet draw is recorded once, with its signature', async () => {
      const received = [{ token: 'USDC' as const, amount: 10_000n * USDC }, { token: 'SOL' as const, amount: 50_000_000_000n }];
      expect(await recordFaucetDraw(c.db, { owner: lp.address, received, signature: 'faucetSig1111111111111111111111111111111111', at: 1_800_000_000 })).toBe(2);
      expect(await recordFaucetDraw(c.db, { owner: lp.address, received, signature: 'faucetSig1111111111111111111111111111111111' })).toBe(0);
      const rows = (await selectHistory(c.db.sql, lp.address, 100)).filter((h) => h.kind === 'faucet');
      expect(rows.map((r) => [r.signature, r.details])).toEqual([
        ['faucetSig1111111111111111111111111111111111', { token: 'SOL', amount: '50000000000' }],
        ['faucetSig1111111111111111111111111111111111', { token: 'USDC', amount: '10000000000' }],
      ]);
      await indexer.stop();
    });
  });
}
