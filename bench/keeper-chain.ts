/**
 * The keeper on chain at scale (issue 16 item 4): `npx tsx bench/keeper-chain.ts [--positions=100000] [--runs=3]`.
 * A real ChainRuntime (local chain, in-memory PGlite), a real ChainKeeper, prices written by the real PriceWriter.
 * - 100,000 open SOL shorts: one opened through the program, the rest copies set with `LocalChain.setAccount`
 *   (bench/keeper-chain-seed.ts: correctly encoded position accounts at their PDAs, the market aggregate and the
 *   custody moved by exactly what they add, the vault funded by a real mint); 100 doomed ones (50x) opened by
 *   real transactions before each crossing run, their owners holding USDC accounts as traders do.
 * - "none crossed": a price update that crosses nothing, the keeper's pass: plan only (the per-tick cost) and the
 *   whole pass; medians of 21 updates.
 * - "100 crossed": the price update that crosses the 100 doomed: from the price transaction's confirmation (the
 *   PriceWriter's send resolving) to the last liquidation transaction's confirmation, median of `--runs`.
 * Prints a table; asserts nothing about timing.
 */
import type { Address } from '@solana/kit';
import { openMemoryPglite } from '@/lib/db/pglite';
import { runMigrations } from '@/lib/db/migrations';
import { MARKETS } from '@/lib/math/params';
import { startChainKeeper, type ChainKeeper } from '@/lib/keeper';
import { liquidationPriceAt } from '@/lib/keeper/books';
import { startKeeperWorld, type KeeperWorld } from '@/lib/keeper/testing';
import { seedPositionCopies } from './keeper-chain-seed';
import { log, median, row, type BenchRow } from './stats';

const USDC = 1_000_000n;
const CROSSED = 100;

function liquidationNow(w: KeeperWorld, address: Address): bigint {
  const p = w.runtime.state.positions.get(address)!;
  return liquidationPriceAt(p, MARKETS.SOL.liquidationLeverageBps, w.runtime.snapshot().interestNow('ALP', 'USDC'));
}

async function openDoomed(w: KeeperWorld, n: number): Promise<Address[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const t = await w.trader({ USDC: 20n * USDC });
      return w.open(t, { market: 'SOL', side: 'short', amount: 10n * USDC, leverageBps: 500_000n });
    }),
  );
}

export async function benchKeeperChain(opts: { positions: number; runs: number }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const db = await openMemoryPglite();
  let w: KeeperWorld | undefined;
  let keeper: ChainKeeper | undefined;
  try {
    await runMigrations(db);
    let t0 = performance.now();
    w = await startKeeperWorld(db);
    log(`local chain ready in ${Math.round(performance.now() - t0)} ms`);
    const calm = await w.trader({ USDC: 20n * USDC });
    const template = await w.open(calm, { market: 'SOL', side: 'short', amount: 10n * USDC, leverageBps: 20_000n });
    const copies = Math.max(0, opts.positions - 1 - CROSSED);
    log(`seeding ${copies} position copies`);
    const seedMs = await seedPositionCopies(w, template, copies, log);
    log(`seeded in ${Math.round(seedMs)} ms; ${w.runtime.state.positions.size} positions on chain`);

    t0 = performance.now();
    keeper = await startChainKeeper(w.runtime, db, { log: (m) => log(`keeper: ${m}`) });
    await keeper.whenIdle();
    const startMs = performance.now() - t0;
    rows.push(row({ section: 'keeper-chain', name: `keeper start: index ${w.runtime.state.positions.size} positions (+ first pass)`, value: startMs, unit: 'ms', target: '', note: 'from ChainState, one sort per book' }));

    // None crossed: small moves around the mark.
    const p0 = w.runtime.snapshot().marketQuote('SOL').price;
    const plan: number[] = [];
    const pass: number[] = [];
    const examined: number[] = [];
    for (let i = 0; i < 21; i++) {
      const before = keeper.stats.lastPricePass;
      await w.setPrices({ SOL: p0 + BigInt((i % 2) * 2 + 1) * 1_000_000n });
      await keeper.whenIdle();
      const s = keeper.stats.lastPricePass;
      if (!s || s === before) throw new Error('no keeper pass for the update');
      if (s.settlements + s.fills !== 0) throw new Error('the "none crossed" update crossed something');
      plan.push(s.planUs / 1000);
      pass.push(s.endedAtMs - s.startedAtMs);
      examined.push(s.examined);
    }
    const indexed = keeper.stats.indexed;
    rows.push(
      row({ section: 'keeper-chain', name: `per-tick cost, none crossed, ${indexed} indexed: plan`, value: median(plan), unit: 'ms', target: '< 1 ms', pass: median(plan) < 1, note: `median of 21; ${median(examined)} index entries looked at` }),
      row({ section: 'keeper-chain', name: `per-tick cost, none crossed, ${indexed} indexed: whole pass`, value: median(pass), unit: 'ms', target: '< 1 ms', pass: median(pass) < 1, note: 'snapshot + plan + nothing to send' }),
    );

    // 100 crossed: price confirmation → last liquidation confirmed.
    const latencies: number[] = [];
    const txCounts: number[] = [];
    for (let run = 0; run < opts.runs; run++) {
      const doomed = await openDoomed(w, CROSSED);
      await keeper.whenIdle();
      const crossing = doomed.map((d) => liquidationNow(w!, d)).reduce((m, x) => (x > m ? x : m));
      const tx0 = keeper.stats.transactions;
      const settled0 = keeper.stats.settled.liquidation;
      await w.setPrices({ SOL: crossing });
      const confirmedAt = performance.now();
      await keeper.whenIdle();
      const s = keeper.stats;
      const gone = doomed.filter((d) => !w!.runtime.state.positions.has(d)).length;
      if (gone !== CROSSED || s.settled.liquidation - settled0 !== CROSSED) throw new Error(`only ${gone} of ${CROSSED} liquidated`);
      const last = s.lastPricePass?.settledAtMs ?? s.lastConfirmedAtMs ?? Number.NaN;
      latencies.push(last - confirmedAt);
      txCounts.push(s.transactions - tx0);
      log(`run ${run + 1}: ${Math.round(last - confirmedAt)} ms, ${s.transactions - tx0} transactions, plan ${Math.round(s.lastPricePass?.planUs ?? 0)} µs, prepare ${Math.round(s.lastPricePass?.prepareMs ?? 0)} ms, keeper pass start ${Math.round((s.lastPricePass?.startedAtMs ?? 0) - confirmedAt)} ms`);
    }
    rows.push(
      row({
        section: 'keeper-chain',
        name: `${CROSSED} crossed: price tx confirmed → last liquidation confirmed`,
        value: median(latencies),
        unit: 'ms',
        target: '< 1000 ms',
        pass: median(latencies) < 1000,
        note: `median of ${opts.runs} (${latencies.map((x) => Math.round(x)).join(', ')} ms); ${median(txCounts)} transactions each`,
      }),
    );
  } finally {
    await keeper?.stop();
    await w?.stop();
    await db.close();
  }
  return rows;
}

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

const isMain = process.argv[1]?.endsWith('keeper-chain.ts');
if (isMain) {
  benchKeeperChain({ positions: Number(arg('positions') ?? 100_000), runs: Number(arg('runs') ?? 3) })
    .then((rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(80)} ${String(r.value).padStart(9)} ${r.unit.padEnd(3)} ${r.target.padEnd(10)} ${r.pass === undefined ? ' ' : r.pass ? '✓' : '✗'} ${r.note ?? ''}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
