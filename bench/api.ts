/**
 * Signed actions against a built server: 40 wallets (ed25519, lib/auth/sign-intent.ts), each draws the faucet
 * once, then runs its own sequential cycle openPosition → addLiquidity → closePosition, all 40 at once, for
 * ROUNDS cycles (bounded), BURSTS times. Throughput counts accepted actions (200) over the wall time of the burst; latency is
 * per request, client side, over every action request after the faucet.
 */
import { createPrivateKey, sign as nodeSign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { encodeBase58 } from '@/lib/auth/base58';
import { buildIntent, newSigner, type Signer } from '@/lib/auth/sign-intent';
import type { ActionName } from '@/lib/client/wire';
import { BENCH_DOMAIN, startBenchServer, type BenchServer } from './server';
import { log, median, nowMs, percentile, row, type BenchRow } from './stats';

const WALLETS = 40;
const ROUNDS = 8;
/** Bursts per backend (fresh wallets each); the figures are the medians over bursts. */
const BURSTS = 3;
const HUGE = (10n ** 30n).toString();
const usd = (dollars: number) => (BigInt(dollars) * 1_000_000n).toString();

interface Sample {
  ms: number;
  status: number;
  code?: string;
}

/** PKCS#8 DER prefix of an ed25519 private key (RFC 8410) before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const nodeKeys = new WeakMap<Signer, KeyObject>();

/**
 * The same body as lib/auth/sign-intent.ts `signIntent`, signed with Node's OpenSSL ed25519 (deterministic: the
 * same bytes as @noble/curves) so that the client, which shares the machine's two cores with the server, spends
 * ≈ 0.05 ms per signature instead of ≈ 1 ms.
 */
function signedBody(signer: Signer, action: ActionName, params: Record<string, unknown>): string {
  let key = nodeKeys.get(signer);
  if (!key) {
    key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, signer.secretKey]), format: 'der', type: 'pkcs8' });
    nodeKeys.set(signer, key);
  }
  const message = JSON.stringify(buildIntent({ signer, domain: BENCH_DOMAIN, action, params }));
  return JSON.stringify({ message, signature: encodeBase58(nodeSign(null, Buffer.from(message), key)), publicKey: signer.owner });
}

async function act(base: string, signer: Signer, action: ActionName, params: Record<string, unknown>): Promise<{ sample: Sample; body: unknown }> {
  const body = signedBody(signer, action, params);
  const t0 = nowMs();
  const res = await fetch(`${base}/api/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json: unknown = await res.json().catch(() => null);
  const ms = nowMs() - t0;
  const code = (json as { error?: { code?: string } } | null)?.error?.code;
  return { sample: { ms, status: res.status, code }, body: json };
}

async function walletCycle(base: string, w: Signer, i: number, samples: Sample[]): Promise<void> {
  for (let r = 0; r < ROUNDS; r++) {
    const side = (i + r) % 2 === 0 ? 'long' : 'short';
    const open = await act(base, w, 'openPosition', {
      market: (i + r) % 3 === 0 ? 'BTC' : 'SOL',
      side,
      collateralToken: 'USDC',
      collateralAmount: usd(50),
      leverageBps: '30000',
      acceptablePrice: side === 'long' ? HUGE : '0',
    });
    samples.push(open.sample);
    const add = await act(base, w, 'addLiquidity', { pool: 'ALP', token: 'USDC', amount: usd(20), minLpOut: '0' });
    samples.push(add.sample);
    const id = (open.body as { id?: string } | null)?.id;
    if (open.sample.status === 200 && id) {
      const close = await act(base, w, 'closePosition', { positionId: id, fractionBps: '10000', acceptablePrice: side === 'long' ? '0' : HUGE });
      samples.push(close.sample);
    }
  }
}

export interface ApiFigures {
  actionsPerS: number;
  p50Ms: number;
  p95Ms: number;
  accepted: number;
  refused: Record<string, number>;
}

async function bursts(server: BenchServer): Promise<ApiFigures> {
  const all: ApiFigures[] = [];
  for (let b = 0; b < BURSTS; b++) all.push(await burst(server));
  const refused: Record<string, number> = {};
  for (const f of all) for (const [k, v] of Object.entries(f.refused)) refused[k] = (refused[k] ?? 0) + v;
  return {
    actionsPerS: median(all.map((f) => f.actionsPerS)),
    p50Ms: median(all.map((f) => f.p50Ms)),
    p95Ms: median(all.map((f) => f.p95Ms)),
    accepted: all.reduce((a, f) => a + f.accepted, 0),
    refused,
  };
}

async function burst(server: BenchServer): Promise<ApiFigures> {
  const wallets = Array.from({ length: WALLETS }, () => newSigner());
  const faucet = await Promise.all(wallets.map((w) => act(server.url, w, 'faucet', { token: 'USDC', amount: usd(10_000) })));
  const bad = faucet.filter((f) => f.sample.status !== 200);
  if (bad.length > 0) throw new Error(`faucet refused ${bad.length} wallets: ${JSON.stringify(bad[0]?.body)}`);
  const samples: Sample[] = [];
  const t0 = nowMs();
  await Promise.all(wallets.map((w, i) => walletCycle(server.url, w, i, samples)));
  const wallS = (nowMs() - t0) / 1000;
  const accepted = samples.filter((s) => s.status === 200).length;
  const refused: Record<string, number> = {};
  for (const s of samples) if (s.status !== 200) refused[s.code ?? String(s.status)] = (refused[s.code ?? String(s.status)] ?? 0) + 1;
  const ms = samples.map((s) => s.ms);
  return { actionsPerS: accepted / wallS, p50Ms: median(ms), p95Ms: percentile(ms, 95), accepted, refused };
}

function rows(backend: string, f: ApiFigures, target: boolean): BenchRow[] {
  const refused = Object.entries(f.refused).map(([k, v]) => `${k}×${v}`).join(', ');
  const note = `${f.accepted} accepted${refused ? `; refused ${refused}` : ''}`;
  return [
    row({ section: 'api', name: `${backend}: signed actions/s, 40 wallets`, value: f.actionsPerS, unit: '/s', target: target ? '≥ 200/s' : '', pass: target ? f.actionsPerS >= 200 : undefined, note }),
    row({ section: 'api', name: `${backend}: p50 latency`, value: f.p50Ms, unit: 'ms', target: '' }),
    row({ section: 'api', name: `${backend}: p95 latency`, value: f.p95Ms, unit: 'ms', target: target ? '< 250 ms' : '', pass: target ? f.p95Ms < 250 : undefined }),
  ];
}

export async function benchApiPglite(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-pglite-'));
  const server = await startBenchServer({ DATA_DIR: dataDir });
  try {
    log('api: PGlite server up, running the burst');
    return rows('PGlite', await bursts(server), true);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchApiPostgres(): Promise<BenchRow[]> {
  const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (e) {
    return [row({ section: 'api', name: 'PostgreSQL: skipped', value: Number.NaN, unit: '', target: '', note: `no server at ${adminUrl} (${e instanceof Error ? e.message : String(e)})` })];
  }
  const name = `bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  let server: BenchServer | undefined;
  try {
    server = await startBenchServer({ DATABASE_URL: u.toString() });
    log('api: PostgreSQL server up, running the burst');
    return rows('PostgreSQL', await bursts(server), false);
  } finally {
    await server?.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
