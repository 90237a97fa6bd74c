/**
 * The RPC source against our own JSON-RPC on loopback (lib/rpc startRpcServer over the local chain): it pages
 * getSignaturesForAddress back to its cursor and delivers oldest first; the indexer fed by it writes the same rows
 * as the local source; a local indexer resumes from the cursor an RPC indexer left (a signature, no seq).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { startRpcServer, type RunningRpcServer } from '@/lib/rpc';
import type { Trader } from '@/lib/chain/testing/world';
import { addLiquidityIx, cancelOrderIx, closeIx, openIx, placeOrderIx, swapIx } from '@/lib/chain/testing/actions';
import { startIndexer } from './indexer';
import { RpcSource } from './rpc-source';
import { readCursor } from './cursor';
import { expectedRowKeys, indexedRowKeys, newTrader, send, sendFailing, setPrices, startTestChain, storedRows, withoutId, type TestChain } from './testing';
import type { IndexedTransaction } from './types';

const USDC = 1_000_000n;
const quiet = { log: () => undefined };

describe('the indexer through JSON-RPC', () => {
  let c: TestChain;
  let server: RunningRpcServer;
  let t: Trader;

  const prices = () => setPrices(c, Object.fromEntries(FEED_IDS.map((f) => [f, GENESIS.prices[f]])) as Record<FeedId, bigint>);
  /** Some history: an open, an order placed and cancelled, liquidity, a swap, a close, a failed transaction. */
  const activity = async (n: bigint) => {
    const w = c.world;
    await prices();
    await send(c, [await openIx(w, t, { market: 'SOL', side: 'short', amount: (100n + n) * USDC, leverageBps: 30_000n })], [t.signer]);
    await send(c, [await placeOrderIx(w, t, { market: 'SOL', side: 'short', slot: 4, amount: 50n * USDC, leverageBps: 20_000n, triggerPrice: GENESIS.prices.SOL * 2n })], [t.signer]);
    await send(c, [await cancelOrderIx(w, t, 4, 'USDC')], [t.signer]);
    await send(c, [addLiquidityIx(w, t, 'ALP', 'USDC', (200n + n) * USDC)], [t.signer]);
    await send(c, [swapIx(w, t, 'USDC', 'SOL', (10n + n) * USDC)], [t.signer]);
    await send(c, [await closeIx(w, t, 'SOL', 'short')], [t.signer]);
    await sendFailing(c, [await closeIx(w, t, 'SOL', 'short')], [t.signer]);
  };

  beforeAll(async () => {
    c = await startTestChain();
    server = await startRpcServer(c.runtime.local!);
    t = await newTrader(c, { USDC: 20_000n * USDC });
    await activity(0n);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await c?.close();
  });

  it('pages back to the cursor and delivers every program transaction oldest first, failed ones marked', async () => {
    const delivered: IndexedTransaction[] = [];
    const source = new RpcSource(server.url, c.runtime.addresses.programId, { pageLimit: 3, batchSize: 2, concurrency: 2, pollMs: 20 });
    await source.start(undefined, async (b) => {
      delivered.push(...b.transactions);
    });
    await source.stop();
    const { rows } = await c.db.sql.query<{ signature: string; err: string | null; slot: string }>(
      `SELECT t.signature, t.err, t.slot::text AS slot FROM chain_address_signatures s JOIN chain_transactions t ON t.signature = s.signature
       WHERE s.address = $1 ORDER BY s.seq`,
      [c.runtime.addresses.programId],
    );
    expect(delivered.map((d) => d.signature)).toEqual(rows.map((r) => r.signature));
    expect(delivered.map((d) => d.failed)).toEqual(rows.map((r) => r.err !== null));
    expect(delivered.map((d) => d.slot.toString())).toEqual(rows.map((r) => r.slot));
    expect(delivered.filter((d) => !d.failed).every((d) => d.logs.length > 0)).toBe(true);
  });

  it('an RPC indexer writes what happened and follows; a local indexer resumes from its cursor; both write the same rows', async () => {
    const rpc = startIndexer(c.runtime, c.db, { ...quiet, source: 'rpc', rpcUrl: server.url, pollMs: 20 });
    await rpc.caughtUp;
    expect(await indexedRowKeys(c.db)).toEqual(await expectedRowKeys(c));
    await activity(1n);
    await rpc.flush();
    expect(await indexedRowKeys(c.db)).toEqual(await expectedRowKeys(c));
    expect(rpc.lagSlots()).toBe(0);
    await rpc.stop();
    const cursor = await readCursor(c.db.sql, c.runtime.addresses.programId);
    expect(cursor?.seq).toBeNull();

    await activity(2n);
    const local = startIndexer(c.runtime, c.db, quiet);
    await local.caughtUp;
    expect(await indexedRowKeys(c.db)).toEqual(await expectedRowKeys(c));
    await local.stop();
    const mixed = (await storedRows(c.db)).map(withoutId);

    // From nothing, by the local source alone: the same rows.
    await c.db.sql.query('DELETE FROM events');
    await c.db.sql.query('DELETE FROM indexer_cursor');
    const again = startIndexer(c.runtime, c.db, quiet);
    await again.caughtUp;
    await again.stop();
    expect((await storedRows(c.db)).map(withoutId)).toEqual(mixed);
    expect(mixed.length).toBeGreaterThan(10);
  });
});
