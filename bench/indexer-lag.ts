/**
 * `npx tsx bench/indexer-lag.ts [--wallets=40] [--seconds=10] [--pg=postgres://…]`: the indexer's lag behind the
 * local chain under load (issue 16 item 5, target: under one slot). A local runtime with real 400 ms slots on
 * in-memory PGlite (or PostgreSQL), the local indexer, and `wallets` wallets each sending, one after another,
 * program transactions (open/increase, swap, add liquidity, 20% close) signed with kit keypairs. Per batch the
 * indexer writes: slots from the oldest transaction's slot to the chain's slot when its rows committed, and the
 * time since the commit that confirmed it; plus lagSlots() sampled every 20 ms. Prints the figures; asserts nothing.
 */
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { addLiquidityIx, closeIx, openIx, swapIx } from '@/lib/chain/testing/actions';
import type { Trader } from '@/lib/chain/testing/world';
import { openPostgresDatabase, dropPostgresSchema } from '@/lib/db/postgres';
import type { Database } from '@/lib/db/types';
import { startIndexer, type BatchInfo } from '@/lib/indexer';
import { newTrader, send, setPrices, startTestChain, type TestChain } from '@/lib/indexer/testing';
import { median, percentile } from './stats';

const USDC = 1_000_000n;

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
}

async function main(): Promise<void> {
  const wallets = Number(arg('wallets', '40'));
  const seconds = Number(arg('seconds', '10'));
  const pg = arg('pg', '');
  const schema = `indexer_bench_${process.pid}`;
  let db: Database | undefined;
  if (pg) db = await openPostgresDatabase(pg, { schema, max: 8 });
  const c: TestChain = await startTestChain({ autoTick: true, db });
  const refreshPrices = () => setPrices(c, Object.fromEntries(FEED_IDS.map((f) => [f, GENESIS.prices[f]])) as Record<FeedId, bigint>);
  // The genesis wrote these prices this second: the next slot's blockhash makes ours a new transaction.
  await new Promise((r) => setTimeout(r, 1_000));
  await refreshPrices();
  const traders: Trader[] = [];
  for (let i = 0; i < wallets; i += 10) traders.push(...(await Promise.all(Array.from({ length: Math.min(10, wallets - i) }, () => newTrader(c, { USDC: 100_000n * USDC })))));

  const batches: BatchInfo[] = [];
  const indexer = startIndexer(c.runtime, c.db, { log: () => undefined, onBatch: (b) => batches.push(b) });
  await indexer.caughtUp;
  batches.length = 0;
  const sampled: number[] = [];
  const sampler = setInterval(() => sampled.push(indexer.lagSlots()), 20);
  const priceTimer = setInterval(() => void refreshPrices().catch(() => undefined), 3_000);

  const w = c.world;
  let sent = 0;
  let refused = 0;
  const startSlot = c.runtime.slot();
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    traders.map(async (t, k) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const n = BigInt(i * wallets + k);
        const step = i % 4;
        const ix =
          step === 0
            ? await openIx(w, t, { market: 'SOL', side: 'short', amount: 20n * USDC + n, leverageBps: 20_000n })
            : step === 1
              ? swapIx(w, t, 'USDC', 'SOL', USDC + n)
              : step === 2
                ? addLiquidityIx(w, t, 'ALP', 'USDC', 5n * USDC + n)
                : await closeIx(w, t, 'SOL', 'short', 2_000n);
        try {
          await send(c, [ix], [t.signer]);
          sent += 1;
        } catch {
          refused += 1;
        }
      }
    }),
  );
  const elapsedS = (Date.now() - started) / 1000;
  const slots = c.runtime.slot() - startSlot;
  await indexer.flush();
  clearInterval(sampler);
  clearInterval(priceTimer);
  const stats = indexer.stats();
  await indexer.stop();

  const lagSlots = batches.map((b) => Number(b.chainSlot - b.seenSlot));
  const sinceExecuted = batches.map((b) => Number(b.chainSlot - b.firstSlot));
  const lagMs = batches.map((b) => b.lagMs);
  const perBatch = batches.map((b) => b.transactions);
  const fmt = (xs: number[]) => `p50 ${median(xs)} · p95 ${percentile(xs, 95)} · max ${Math.max(...xs)}`;
  console.log(`indexer lag under load (${pg ? 'PostgreSQL' : 'PGlite in memory'}, ${wallets} wallets, ${seconds} s, 400 ms slots)`);
  console.log(`  load: ${sent} program transactions confirmed (${(sent / elapsedS).toFixed(0)} tx/s), ${refused} refused, over ${slots} slots`);
  console.log(`  indexed: ${stats.transactions} transactions, ${stats.rows} rows in ${batches.length} batches (transactions per batch ${fmt(perBatch)})`);
  console.log(`  lag per batch, slots (chain slot when its rows committed − when its oldest transaction was confirmed): ${fmt(lagSlots)}`);
  console.log(`  slots from execution (the transaction's slot, before the chain's own commit) to indexed: ${fmt(sinceExecuted)}`);
  console.log(`  lag per batch, ms (confirmed → rows committed): ${fmt(lagMs.map((x) => Math.round(x)))}`);
  const tenth = (x: number) => Math.round(x * 10) / 10;
  console.log(`  per batch, ms decoding, mapping and writing: ${fmt(batches.map((b) => tenth(b.handleMs)))}; of which the database transaction: ${fmt(batches.map((b) => tenth(b.writeMs)))}`);
  console.log(`  lagSlots() sampled every 20 ms: ${fmt(sampled)} · ${sampled.filter((x) => x === 0).length}/${sampled.length} samples at 0`);
  await c.close();
  if (db) {
    await db.close();
    await dropPostgresSchema(pg, schema);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
