/**
 * Where a program transaction's time goes on the local chain (issue 16 item 3's profile), without HTTP and Next:
 * the burst of bench/chain-tps.ts (40 wallets, open → add liquidity → close, signed with Node's ed25519) against a
 * local runtime in this process on PGlite in a data directory (as the server runs it), its JSON-RPC answered by
 * `handleRpcText` as /api/rpc does. Variants, each on a fresh chain, take one piece away at a time:
 *
 *   rpc            handleRpcText (JSON parse/serialise), preflight, the indexer writing the history
 *   skipPreflight  the same without the preflight simulation
 *   no indexer     the same as rpc without the indexer
 *   memory         the same as rpc on in-memory PGlite (no file I/O)
 *   node:http      the same as rpc, over HTTP to lib/rpc's own node:http server (startRpcServer) instead of Next
 *
 * `npx tsx bench/chain-inproc.ts [--variants=rpc,skipPreflight] [--profile=DIR]` prints the figures (nothing is
 * asserted); with --profile the rpc variant's CPU profile is written to DIR (read it with bench/profile.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import type { Address } from '@solana/kit';
import { drawFaucet } from '@/lib/chain-runtime/faucet';
import { startLocalRuntime, type ChainRuntime } from '@/lib/chain-runtime/runtime';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, openPgliteDatabase } from '@/lib/db/pglite';
import type { Database } from '@/lib/db/types';
import { startIndexer, type Indexer } from '@/lib/indexer';
import { handleRpcText, startRpcServer, type RunningRpcServer } from '@/lib/rpc';
import { burst, fundWallets, HttpRpc, rpcResult, setSendOptions, WALLETS, type BurstFigures, type ChainContext, type Rpc } from './chain-tps';
import { log, row, type BenchRow } from './stats';

export const VARIANTS = ['rpc', 'skipPreflight', 'no indexer', 'memory', 'node:http'] as const;
export type Variant = (typeof VARIANTS)[number];

class InProcessRpc implements Rpc {
  private id = 0;
  constructor(private readonly runtime: ChainRuntime) {}
  async call<T>(method: string, params: unknown[]): Promise<T> {
    const text = await handleRpcText(this.runtime.local!, JSON.stringify({ jsonrpc: '2.0', id: ++this.id, method, params }));
    return rpcResult(method, JSON.parse(text) as Parameters<typeof rpcResult<T>>[1]);
  }
}

interface Running {
  c: ChainContext;
  stop(): Promise<void>;
}

async function start(variant: Variant): Promise<Running> {
  const dir = variant === 'memory' ? undefined : mkdtempSync(path.join(tmpdir(), 'bench-inproc-'));
  const db: Database = dir ? await openPgliteDatabase(dir) : await openMemoryPglite();
  await runMigrations(db);
  const runtime = await startLocalRuntime({ db, nowMs: () => Date.now(), maxPriceAgeS: 3_600, autoTick: true });
  const indexer: Indexer | undefined = variant === 'no indexer' ? undefined : startIndexer(runtime, db, { log: () => undefined });
  const http: RunningRpcServer | undefined = variant === 'node:http' ? await startRpcServer(runtime.local!) : undefined;
  const c: ChainContext = {
    rpc: http ? new HttpRpc(http.url) : new InProcessRpc(runtime),
    addresses: runtime.addresses,
    faucet: async (owner: Address) => {
      await drawFaucet(runtime, db.sql, { owner, token: 'USDC' });
    },
  };
  return {
    c,
    async stop() {
      await http?.close();
      await indexer?.stop();
      await runtime.stop();
      await db.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One burst of 40 wallets (after their setup) on a fresh chain per variant. */
export async function measureVariant(variant: Variant, profileDir?: string): Promise<BurstFigures> {
  const r = await start(variant);
  try {
    setSendOptions(variant === 'skipPreflight' ? { skipPreflight: true } : {});
    const wallets = await fundWallets(r.c, WALLETS);
    await burst(r.c, wallets, 0); // warm-up (the JIT, the first positions)
    let session: Session | undefined;
    if (profileDir) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const f = await burst(r.c, wallets, 1);
    if (session && profileDir) {
      const { profile } = await session.post('Profiler.stop');
      const file = path.join(profileDir, `inproc-${variant.replace(/ /g, '-')}-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      log(`chain-inproc: profile written to ${file}`);
      session.disconnect();
    }
    return f;
  } finally {
    setSendOptions({});
    await r.stop();
  }
}

export async function benchChainInproc(variants: readonly Variant[] = VARIANTS, profileDir?: string): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  for (const v of variants) {
    log(`chain-inproc: ${v}`);
    const f = await measureVariant(v, v === 'rpc' ? profileDir : undefined);
    const refused = Object.entries(f.refused).map(([k, n]) => `${k} ×${n}`).join(', ');
    out.push(row({ section: 'chain-inproc', name: `in process, ${v}: transactions/s (p50 / p95 ms in note)`, value: f.txPerS, unit: 'tx/s', target: '', note: `p50 ${Math.round(f.p50)} ms, p95 ${Math.round(f.p95)} ms; CPU ${f.clientCpuMsPerTx.toFixed(2)} ms per transaction (server and client in one process); ${f.ok} confirmed${refused ? `; refused ${refused}` : ''}` }));
  }
  return out;
}

if (process.argv[1]?.endsWith('chain-inproc.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const variants = (arg('variants')?.split(',') ?? [...VARIANTS]) as Variant[];
  benchChainInproc(variants, arg('profile')).then(
    (rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(64)} ${String(r.value).padStart(6)} ${r.unit}  ${r.note ?? ''}`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
