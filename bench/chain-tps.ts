/**
 * Throughput of the local chain (issue 16 item 3): signed program transactions through `POST /api/rpc` of a built
 * server, 40 wallets at once, as the app's client sends them (lib/client/chain-tx.ts: `sendTransaction` with
 * preflight, then `getSignatureStatuses` until confirmed).
 *
 * Each wallet: one faucet draw (`POST /api/dev/faucet`: USDC, and 0.05 SOL for fees), its ALP token account created, then,
 * all 40 at once, ROUNDS cycles of open (a 3x short in USDC on SOL, BTC or XAU (BONK while XAU is closed), in turn) → add liquidity (ALP,
 * USDC) → close the whole position, BURSTS times. Instructions come from lib/chain/instructions, the message is
 * compiled with kit and signed with Node's native ed25519 (`crypto.sign`), so the client takes little of the
 * machine's two cores. Throughput = confirmed successful transactions / wall time of the burst; latency = from the
 * send to the status seen confirmed, per transaction; one warm-up burst first is not counted. On PGlite (a fresh DATA_DIR) and on PostgreSQL when one
 * answers (TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test: a fresh database, dropped after).
 */
import { generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import bs58 from 'bs58';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  appendTransactionMessageInstructions,
  compileTransaction,
  createTransactionMessage,
  getAddressDecoder,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
  type Address,
  type Blockhash,
  type Instruction,
} from '@solana/kit';
import { getCreateAssociatedTokenIdempotentInstruction } from '@solana-program/token';
import { deriveAddresses, type ChainAddresses, type TokenMints } from '@/lib/chain/addresses';
import { addLiquidityInstruction } from '@/lib/chain/instructions/liquidity';
import { closePositionInstruction, openPositionInstruction } from '@/lib/chain/instructions/trade';
import { associatedTokenAddress, positionAddress } from '@/lib/chain/pda';
import { TOKEN_PROGRAM } from '@/lib/chain/program-ids';
import type { FeedId, MarketId } from '@/lib/math/ids';
import { isMarketOpen } from '@/lib/math/market-hours';
import { startBenchServer, type BenchServer } from './server';
import { log, median, nowMs, percentile, row, type BenchRow } from './stats';

export const WALLETS = 40;
const ROUNDS = 8;
const BURSTS = 3;
/**
 * The markets the opens cycle through: SOL and BTC on ALP, and XAU on RWALP while it trades; from Friday 21:00 to
 * Sunday 22:00 UTC (§3: the program refuses RWA opens with MARKET_CLOSED) BONK takes its turn, so the figure does not
 * depend on the day of the week. Read when the bench starts.
 */
const MARKETS: readonly MarketId[] = ['SOL', 'BTC', isMarketOpen('XAU', Math.floor(Date.now() / 1000)) ? 'XAU' : 'BONK'];
const USDC = 1_000_000n;

export interface Wallet {
  key: KeyObject;
  address: Address;
  usdc: Address;
  alp: Address;
  positions: Partial<Record<MarketId, Address>>;
  blockhash: { blockhash: Blockhash; lastValidBlockHeight: bigint; at: number };
}

export interface Sample {
  ms: number;
  ok: boolean;
  code?: string;
  kind: string;
}

/** JSON-RPC: over HTTP to a server's /api/rpc, or in process (bench/chain-inproc.ts). */
export interface Rpc {
  call<T>(method: string, params: unknown[]): Promise<T>;
}

type RpcBody<T> = { result?: T; error?: { code: number; message: string; data?: { err?: unknown } } };

/** The reply's result, or an Error carrying the JSON-RPC error (`rpc`). */
export function rpcResult<T>(method: string, body: RpcBody<T>): T {
  if (body.error) throw Object.assign(new Error(`${method}: ${body.error.message}`), { rpc: body.error });
  return body.result as T;
}

/**
 * JSON-RPC over node:http with a keep-alive agent (one socket per wallet in flight). Node's `fetch` (undici, web
 * streams) cost ~1.2 ms of the client's CPU per transaction here, as much as the server's HTTP side: on a 2-core
 * machine the client's CPU is taken from the server's second core, so the load generator stays light.
 */
export class HttpRpc implements Rpc {
  private id = 0;
  private readonly url: URL;
  private readonly agent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  /** `endpoint`: the JSON-RPC URL (a server's /api/rpc, or lib/rpc's own node:http server). */
  constructor(endpoint: string) {
    this.url = new URL(endpoint);
  }
  call<T>(method: string, params: unknown[]): Promise<T> {
    const body = JSON.stringify({ jsonrpc: '2.0', id: ++this.id, method, params });
    return new Promise<T>((resolve, reject) => {
      const req = httpRequest(
        { host: this.url.hostname, port: this.url.port, path: this.url.pathname, method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(rpcResult(method, JSON.parse(Buffer.concat(chunks).toString('utf8')) as RpcBody<T>));
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

function newWallet(): Omit<Wallet, 'usdc' | 'alp' | 'positions' | 'blockhash'> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x as string;
  return { key: privateKey, address: getAddressDecoder().decode(Buffer.from(raw, 'base64url')) };
}

const ONE_SIGNATURE = Buffer.from([1]);

/** Compiles `ixs` for `w` (fee payer), signs with Node's ed25519; returns the wire (base64) and the signature. */
export function signTransaction(w: Pick<Wallet, 'key' | 'address' | 'blockhash'>, ixs: readonly Instruction[]): { wire: string; signature: string } {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayer(w.address, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: w.blockhash.blockhash, lastValidBlockHeight: w.blockhash.lastValidBlockHeight }, m),
    (m) => appendTransactionMessageInstructions(ixs, m),
  );
  const { messageBytes } = compileTransaction(message);
  const signature = nodeSign(null, messageBytes as unknown as Uint8Array, w.key);
  // One signer: the wire is shortvec(1), the 64-byte signature, the message.
  const wire = Buffer.concat([ONE_SIGNATURE, signature, messageBytes as unknown as Uint8Array]);
  return { wire: wire.toString('base64'), signature: bs58.encode(signature) };
}

async function refreshBlockhash(rpc: Rpc, w: Pick<Wallet, 'blockhash'>): Promise<void> {
  if (Date.now() - w.blockhash.at < 20_000) return;
  const { value } = await rpc.call<{ value: { blockhash: Blockhash; lastValidBlockHeight: number } }>('getLatestBlockhash', [{ commitment: 'confirmed' }]);
  w.blockhash = { blockhash: value.blockhash, lastValidBlockHeight: BigInt(value.lastValidBlockHeight), at: Date.now() };
}

/** Extra sendTransaction options (the in-process ablation sends some with skipPreflight). */
let sendOptions: Record<string, unknown> = {};
export function setSendOptions(o: Record<string, unknown>): void {
  sendOptions = o;
}

interface Status {
  err: unknown;
  confirmationStatus: string | null;
}

/** Sends and polls until confirmed (5 ms between polls, 30 s at most). */
export async function sendAndConfirm(rpc: Rpc, wire: string, signature: string, kind: string): Promise<Sample> {
  const t0 = nowMs();
  try {
    await rpc.call<string>('sendTransaction', [wire, { encoding: 'base64', preflightCommitment: 'confirmed', ...sendOptions }]);
  } catch (e) {
    const err = (e as { rpc?: { data?: { err?: unknown } } }).rpc?.data?.err;
    return { ms: nowMs() - t0, ok: false, code: err ? JSON.stringify(err).slice(0, 80) : (e as Error).message.slice(0, 80), kind };
  }
  for (const deadline = t0 + 30_000; nowMs() < deadline; ) {
    const { value } = await rpc.call<{ value: (Status | null)[] }>('getSignatureStatuses', [[signature]]);
    const s = value[0];
    if (s && (s.confirmationStatus === 'confirmed' || s.confirmationStatus === 'finalized')) return { ms: nowMs() - t0, ok: s.err === null, code: s.err ? JSON.stringify(s.err).slice(0, 80) : undefined, kind };
    await new Promise((r) => setTimeout(r, 5));
  }
  return { ms: nowMs() - t0, ok: false, code: 'NOT_CONFIRMED', kind };
}

export interface ChainContext {
  rpc: Rpc;
  addresses: ChainAddresses;
  /** Gives `owner` USDC and SOL for fees (the faucet). */
  faucet(owner: Address): Promise<void>;
  /** The server process's CPU time so far (ms), when it is another process. */
  serverCpuMs?: () => number;
}

export async function connect(server: BenchServer): Promise<ChainContext> {
  const info = (await (await fetch(`${server.url}/api/chain`)).json()) as { programId: Address; mints: Record<string, Address>; oracles: Record<FeedId, Address> };
  const mints = { USDC: info.mints.USDC, SOL: info.mints.SOL, WBTC: info.mints.WBTC, BONK: info.mints.BONK } as TokenMints;
  const addresses = await deriveAddresses(info.programId, mints, info.oracles);
  const faucet = async (owner: Address) => {
    const res = await fetch(`${server.url}/api/dev/faucet`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ owner, token: 'USDC' }) });
    if (res.status !== 200) throw new Error(`faucet ${res.status}: ${await res.text()}`);
  };
  return { rpc: new HttpRpc(`${server.url}/api/rpc`), addresses, faucet, serverCpuMs: () => server.cpuMs() };
}

/** Faucet draws and ALP accounts for `n` new wallets (10 at a time). */
export async function fundWallets(c: ChainContext, n: number): Promise<Wallet[]> {
  const wallets: Wallet[] = [];
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, async () => {
        const base = newWallet();
        await c.faucet(base.address);
        const w: Wallet = {
          ...base,
          usdc: await associatedTokenAddress(base.address, c.addresses.mints.USDC),
          alp: await associatedTokenAddress(base.address, c.addresses.lpMints.ALP),
          positions: {},
          blockhash: { blockhash: '' as Blockhash, lastValidBlockHeight: 0n, at: 0 },
        };
        for (const m of MARKETS) w.positions[m] = await positionAddress(c.addresses.programId, w.address, c.addresses.markets[m], 1);
        await refreshBlockhash(c.rpc, w);
        const payer = { address: w.address } as Parameters<typeof getCreateAssociatedTokenIdempotentInstruction>[0]['payer'];
        const create = getCreateAssociatedTokenIdempotentInstruction({ payer, owner: w.address, mint: c.addresses.lpMints.ALP, ata: w.alp, tokenProgram: TOKEN_PROGRAM });
        const { wire, signature } = signTransaction(w, [create]);
        const s = await sendAndConfirm(c.rpc, wire, signature, 'setup');
        if (!s.ok) throw new Error(`ALP account of ${w.address}: ${s.code}`);
        return w;
      }),
    );
    wallets.push(...batch);
  }
  return wallets;
}

/** One wallet's cycles; `n` makes every transaction distinct (amounts), so none is a duplicate. */
async function walletCycles(c: ChainContext, w: Wallet, k: number, burst: number, samples: Sample[]): Promise<void> {
  const a = c.addresses;
  for (let r = 0; r < ROUNDS; r++) {
    await refreshBlockhash(c.rpc, w);
    const market = MARKETS[(k + r) % MARKETS.length] as MarketId;
    const position = w.positions[market] as Address;
    const n = BigInt(burst * 1_000 + r);
    const open = openPositionInstruction({ addresses: a, owner: w.address, market, side: 'short', postedToken: 'USDC', amount: 50n * USDC + n, leverageBps: 30_000n, funding: w.usdc, position });
    const s1 = signTransaction(w, [open]);
    const opened = await sendAndConfirm(c.rpc, s1.wire, s1.signature, 'open');
    samples.push(opened);
    const add = addLiquidityInstruction({ addresses: a, owner: w.address, pool: 'ALP', token: 'USDC', amount: 20n * USDC + n, minLpOut: 0n, funding: w.usdc, lpAccount: w.alp });
    const s2 = signTransaction(w, [add]);
    samples.push(await sendAndConfirm(c.rpc, s2.wire, s2.signature, 'addLiquidity'));
    if (opened.ok) {
      // A short's close accepts any price up to this (huge, and distinct per round: no two closes are the same bytes).
      const acceptablePrice = 10n ** 18n + n;
      const close = closePositionInstruction({ addresses: a, owner: w.address, market, side: 'short', position, fractionBps: 10_000n, acceptablePrice, receiver: w.usdc });
      const s3 = signTransaction(w, [close]);
      samples.push(await sendAndConfirm(c.rpc, s3.wire, s3.signature, 'close'));
    }
  }
}

export interface TpsFigures {
  txPerS: number;
  p50Ms: number;
  p95Ms: number;
  serverCpuMsPerTx: number;
  clientCpuMsPerTx: number;
  confirmed: number;
  refused: Record<string, number>;
  bursts: number[];
}

export interface BurstFigures {
  txPerS: number;
  p50: number;
  p95: number;
  ok: number;
  refused: Record<string, number>;
  /** CPU per confirmed transaction: the server process's (NaN in process) and this process's (the client). */
  serverCpuMsPerTx: number;
  clientCpuMsPerTx: number;
}

/** All wallets at once, ROUNDS cycles each; `b` (the burst's number) keeps every transaction new. */
export async function burst(c: ChainContext, wallets: Wallet[], b: number): Promise<BurstFigures> {
  const samples: Sample[] = [];
  const server0 = c.serverCpuMs?.() ?? Number.NaN;
  const client0 = process.cpuUsage();
  const t0 = nowMs();
  await Promise.all(wallets.map((w, k) => walletCycles(c, w, k, b, samples)));
  const wallS = (nowMs() - t0) / 1000;
  const client = process.cpuUsage(client0);
  const serverMs = (c.serverCpuMs?.() ?? Number.NaN) - server0;
  const ok = samples.filter((s) => s.ok);
  const refused: Record<string, number> = {};
  for (const s of samples) if (!s.ok) refused[`${s.kind}: ${s.code}`] = (refused[`${s.kind}: ${s.code}`] ?? 0) + 1;
  const ms = samples.map((s) => s.ms);
  const n = Math.max(1, ok.length);
  return { txPerS: ok.length / wallS, p50: median(ms), p95: percentile(ms, 95), ok: ok.length, refused, serverCpuMsPerTx: serverMs / n, clientCpuMsPerTx: (client.user + client.system) / 1000 / n };
}

async function bursts(c: ChainContext): Promise<TpsFigures> {
  log(`chain: funding ${WALLETS} wallets`);
  const wallets = await fundWallets(c, WALLETS);
  // One burst first, not counted: the server's JIT, PGlite's caches and the group commit reach their steady state
  // (the first burst of a fresh process runs ~25% slower); a running exchange is warm.
  const warm = await burst(c, wallets, BURSTS);
  log(`chain: warm-up burst (not counted): ${warm.ok} confirmed (${warm.txPerS.toFixed(0)} tx/s), p95 ${warm.p95.toFixed(0)} ms`);
  const per: BurstFigures[] = [];
  for (let b = 0; b < BURSTS; b++) {
    const f = await burst(c, wallets, b);
    per.push(f);
    log(`chain: burst ${b + 1}/${BURSTS}: ${f.ok} confirmed (${f.txPerS.toFixed(0)} tx/s), p50 ${f.p50.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms; CPU per tx: server ${f.serverCpuMsPerTx.toFixed(2)} ms, client ${f.clientCpuMsPerTx.toFixed(2)} ms`);
  }
  const refused: Record<string, number> = {};
  for (const p of per) for (const [k, v] of Object.entries(p.refused)) refused[k] = (refused[k] ?? 0) + v;
  return {
    txPerS: median(per.map((p) => p.txPerS)),
    p50Ms: median(per.map((p) => p.p50)),
    p95Ms: median(per.map((p) => p.p95)),
    serverCpuMsPerTx: median(per.map((p) => p.serverCpuMsPerTx)),
    clientCpuMsPerTx: median(per.map((p) => p.clientCpuMsPerTx)),
    confirmed: per.reduce((a, p) => a + p.ok, 0),
    refused,
    bursts: per.map((p) => Math.round(p.txPerS)),
  };
}

function rows(backend: string, f: TpsFigures): BenchRow[] {
  const refused = Object.entries(f.refused).map(([k, v]) => `${k} ×${v}`).join(', ');
  const note = `${f.confirmed} confirmed over ${BURSTS} bursts (${f.bursts.join(', ')} tx/s)${refused ? `; refused ${refused}` : ''}`;
  return [
    row({ section: 'chain', name: `${backend}: signed transactions/s, ${WALLETS} wallets, /api/rpc`, value: f.txPerS, unit: 'tx/s', target: '≥ 300 tx/s', pass: f.txPerS >= 300, note }),
    row({ section: 'chain', name: `${backend}: p50 send → confirmed`, value: f.p50Ms, unit: 'ms', target: '' }),
    row({ section: 'chain', name: `${backend}: p95 send → confirmed`, value: f.p95Ms, unit: 'ms', target: '< 250 ms', pass: f.p95Ms < 250 }),
    row({
      section: 'chain',
      name: `${backend}: server CPU per confirmed transaction`,
      value: f.serverCpuMsPerTx,
      unit: 'ms',
      target: '',
      note: `its JavaScript, PGlite and LiteSVM share one thread: ≈ ${Math.round(1000 / f.serverCpuMsPerTx)} tx/s at most on an idle core; client (build, sign, poll) ${f.clientCpuMsPerTx.toFixed(2)} ms per transaction`,
    }),
  ];
}

/** Environment of the throughput server: the ticking oracle users see (its price transactions are load too). */
const SERVER_ENV = { ORACLE: 'simulated' };

/** `cpuProfileDir`: the server writes a V8 CPU profile there when it stops (bench/profile.ts reads it). */
export async function benchChainPglite(opts: { cpuProfileDir?: string } = {}): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-chain-'));
  const nodeArgs = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
  const server = await startBenchServer({ ...SERVER_ENV, DATA_DIR: dataDir }, { nodeArgs });
  try {
    log('chain: PGlite server up');
    return rows('PGlite', await bursts(await connect(server)));
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchChainPostgres(): Promise<BenchRow[]> {
  const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (e) {
    return [row({ section: 'chain', name: 'PostgreSQL: skipped', value: Number.NaN, unit: '', target: '', note: `no server at ${adminUrl} (${e instanceof Error ? e.message : String(e)})` })];
  }
  const name = `bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  let server: BenchServer | undefined;
  try {
    server = await startBenchServer({ ...SERVER_ENV, DATABASE_URL: u.toString() });
    log('chain: PostgreSQL server up');
    return rows('PostgreSQL', await bursts(await connect(server)));
  } finally {
    await server?.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
