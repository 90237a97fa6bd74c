/**
 * `npx tsx bench/chain-profile.ts [--dir=/tmp/chain-profile] [--callers=NAME,NAME]`: where the built server's time
 * goes during the throughput burst of bench/chain-tps.ts. One server on PGlite under V8's CPU profiler: 40 wallets
 * funded, two warm-up bursts, then two measured bursts; the profile is cut to the measured window (the samples
 * between the last burst's end, less half the stop time, and the window's length before it), so start-up, funding
 * and the JIT's warm-up stay out. Prints the throughput, self time by category and by function, files inclusive,
 * and for each `--callers` name the lib/ frames that call it; writes the cut profile to DIR/window.cpuprofile.
 * Asserts nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { burst, connect, fundWallets, WALLETS } from './chain-tps';
import { callers, categorize, summarize, type CpuProfile } from './profile';
import { startBenchServer } from './server';
import { log } from './stats';

/** The samples of `profile` inside [end − skipEndMs − windowMs, end − skipEndMs]. */
function cut(profile: CpuProfile, windowMs: number, skipEndMs: number): CpuProfile {
  const hi = profile.endTime - skipEndMs * 1000;
  const lo = hi - windowMs * 1000;
  let t = profile.startTime;
  const keep = profile.timeDeltas.map((d) => {
    t += d;
    return t >= lo && t <= hi;
  });
  return { ...profile, samples: profile.samples.filter((_, i) => keep[i]), timeDeltas: profile.timeDeltas.filter((_, i) => keep[i]) };
}

async function main(): Promise<void> {
  const dir = process.argv.find((a) => a.startsWith('--dir='))?.split('=')[1] ?? path.join(tmpdir(), 'chain-profile');
  const names = process.argv.find((a) => a.startsWith('--callers='))?.split('=')[1]?.split(',') ?? [];
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-chain-profile-'));
  const server = await startBenchServer({ ORACLE: 'simulated', DATA_DIR: dataDir }, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  let windowMs = 0;
  let stopMs = 0;
  try {
    const c = await connect(server);
    const wallets = await fundWallets(c, WALLETS);
    for (let b = 0; b < 2; b++) await burst(c, wallets, 100 + b);
    log('chain-profile: warm; measuring two bursts');
    const t0 = performance.now();
    for (let b = 0; b < 2; b++) {
      const f = await burst(c, wallets, b);
      console.log(`burst ${b + 1}: ${f.txPerS.toFixed(0)} tx/s, p50 ${f.p50.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms; CPU per tx: server ${f.serverCpuMsPerTx.toFixed(2)} ms, client ${f.clientCpuMsPerTx.toFixed(2)} ms`);
    }
    windowMs = performance.now() - t0;
  } finally {
    const t = performance.now();
    await server.stop();
    stopMs = performance.now() - t;
    rmSync(dataDir, { recursive: true, force: true });
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no profile');
  const profile = cut(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, windowMs, stopMs / 2);
  writeFileSync(path.join(dir, 'window.cpuprofile'), JSON.stringify(profile));
  const categories = categorize(profile);
  const total = categories.reduce((s, r) => s + r.ms, 0);
  console.log(`server self time over the measured ${windowMs.toFixed(0)} ms, by category:`);
  for (const r of categories) console.log(`${((100 * r.ms) / total).toFixed(1).padStart(5)}% ${r.ms.toFixed(0).padStart(7)} ms  ${r.category}`);
  const s = summarize(profile);
  console.log('self time by function:');
  for (const r of s.byFunction.slice(0, 30)) console.log(`${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`);
  console.log('files, inclusive:');
  for (const r of s.inclusiveByFile.slice(0, 30)) console.log(`${r.ms.toFixed(0).padStart(7)} ms  ${r.file}`);
  for (const name of names) {
    console.log(`callers of ${name}:`);
    for (const r of callers(profile, name).slice(0, 10)) console.log(`${r.ms.toFixed(0).padStart(7)} ms  ${r.caller}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
