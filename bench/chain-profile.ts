/**
 * `npx tsx bench/chain-profile.ts [--dir=/tmp/chain-profile]`: where the built server's time goes during the
 * throughput burst of bench/chain-tps.ts. Two servers on PGlite with V8's CPU profiler: one started, its 40
 * wallets funded, then stopped (A: start-up, deployment, funding, idle ticking); one doing the same plus one burst
 * (B). Self time per category of B − A is the burst's; printed with the server CPU per transaction. Asserts nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { burst, connect, fundWallets, WALLETS } from './chain-tps';
import { categorize, type CpuProfile } from './profile';
import { startBenchServer } from './server';
import { log } from './stats';

async function profiled(dir: string, withBurst: boolean): Promise<{ profile: CpuProfile; perTx?: number; txPerS?: number; wallS: number }> {
  mkdirSync(dir, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-chain-profile-'));
  const server = await startBenchServer({ ORACLE: 'simulated', DATA_DIR: dataDir }, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const t0 = performance.now();
  let perTx: number | undefined;
  let txPerS: number | undefined;
  try {
    const c = await connect(server);
    const wallets = await fundWallets(c, WALLETS);
    if (withBurst) {
      const f = await burst(c, wallets, 0);
      perTx = f.serverCpuMsPerTx;
      txPerS = f.txPerS;
    } else {
      await new Promise((r) => setTimeout(r, 12_000)); // about a burst's length of idle ticking (prices, slots)
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f))[0];
  if (!file) throw new Error('the server wrote no profile');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  rmSync(file);
  return { profile, perTx, txPerS, wallS: (performance.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  const dir = process.argv.find((a) => a.startsWith('--dir='))?.split('=')[1] ?? path.join(tmpdir(), 'chain-profile');
  log('chain-profile: A (start, fund, idle)');
  const a = await profiled(dir, false);
  log('chain-profile: B (start, fund, one burst)');
  const b = await profiled(dir, true);
  const ca = new Map(categorize(a.profile).map((c) => [c.category, c.ms]));
  const rows = categorize(b.profile).map((c) => ({ category: c.category, ms: c.ms - (ca.get(c.category) ?? 0) }));
  const busy = rows.filter((r) => r.category !== 'idle').reduce((s, r) => s + Math.max(0, r.ms), 0);
  console.log(`burst: ${b.txPerS?.toFixed(0)} tx/s, server CPU ${b.perTx?.toFixed(2)} ms per transaction`);
  console.log('server self time during the burst (B − A), by category, share of the busy time:');
  for (const r of rows.sort((x, y) => y.ms - x.ms)) if (r.category !== 'idle') console.log(`${((100 * Math.max(0, r.ms)) / busy).toFixed(1).padStart(5)}% ${r.ms.toFixed(0).padStart(7)} ms  ${r.category}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
