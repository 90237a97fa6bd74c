/**
 * Helpers for the chain-path integration suites (issues 14 and 15): a built server on the local chain, its
 * JSON-RPC (`POST /api/rpc`) spoken raw, wallets as @solana/kit keypairs that draw the faucet, fetch unsigned
 * transactions from `POST /api/transactions/{action}`, sign their message and send them, the on-chain
 * conservation check (`npm run check:invariants -- --url`) run as a child process, and fresh PostgreSQL databases.
 * Nothing here imports the off-chain engine: these suites outlive it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  getTransactionDecoder,
  signTransaction,
  type KeyPairSigner,
} from '@solana/kit';
import { Client } from 'pg';
import { ROOT, startServer, type BuiltServer } from '../support/built-server';

export { ROOT, type BuiltServer };

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export interface TxAnswer {
  transaction: string;
  accounts: { position?: string; order?: string };
  computeUnits?: string;
  fee?: string;
}

export interface ChainInfo {
  cluster: string;
  rpcUrl: string;
  programId: string;
  mints: Record<'USDC' | 'SOL' | 'WBTC' | 'BONK' | 'ALP' | 'RWALP', string>;
  oracles: Record<string, string>;
  errors: { code: string; number: number }[];
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

export async function getJson<T>(base: string, route: string): Promise<Answer<T>> {
  return answer<T>(await fetch(`${base}${route}`));
}

export async function postJson<T>(base: string, route: string, body: unknown): Promise<Answer<T>> {
  return answer<T>(await fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

/** The error code of a refusal, or undefined. */
export function codeOf(a: Answer): string | undefined {
  const err = (a.body as { error?: { code?: unknown } } | null)?.error;
  return typeof err?.code === 'string' ? err.code : undefined;
}

/** A dollar amount of USDC (6 decimals). */
export const usd = (dollars: number) => (BigInt(dollars) * 1_000_000n).toString();

/** A built server on the local chain (devnet controls on, manual prices unless `env` says otherwise). */
export function startChainServer(env: Record<string, string>): Promise<BuiltServer> {
  return startServer({ DEVNET: '1', ORACLE: 'manual', ...env });
}

/** A Solana JSON-RPC error object. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: unknown,
  ) {
    super(`RPC ${code}: ${message}`);
  }
}

let rpcId = 0;

/** One JSON-RPC 2.0 call to `<base>/api/rpc`; an error object rejects with RpcError, a dead server with fetch's error. */
export async function rpc<T = unknown>(base: string, method: string, params: unknown[] = []): Promise<T> {
  rpcId += 1;
  const res = await fetch(`${base}/api/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: rpcId, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string; data?: unknown } };
  if (body.error) throw new RpcError(body.error.code, body.error.message, body.error.data);
  return body.result as T;
}

export interface SignatureStatus {
  slot: number;
  confirmations: number | null;
  err: unknown;
  confirmationStatus: 'processed' | 'confirmed' | 'finalized' | null;
}

/** getSignatureStatuses with the history searched: null for a signature the chain does not know. */
export async function signatureStatuses(base: string, signatures: readonly string[]): Promise<(SignatureStatus | null)[]> {
  const out: (SignatureStatus | null)[] = [];
  for (let i = 0; i < signatures.length; i += 256) {
    const page = await rpc<{ value: (SignatureStatus | null)[] }>(base, 'getSignatureStatuses', [signatures.slice(i, i + 256), { searchTransactionHistory: true }]);
    out.push(...page.value);
  }
  return out;
}

/** Polls getSignatureStatuses until the signature is confirmed (or finalized); its status. */
export async function confirm(base: string, signature: string, timeoutMs = 20_000): Promise<SignatureStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [status] = await signatureStatuses(base, [signature]);
    if (status && (status.confirmationStatus === 'confirmed' || status.confirmationStatus === 'finalized')) return status;
    if (Date.now() > deadline) throw new Error(`${signature} not confirmed within ${timeoutMs} ms (status ${JSON.stringify(status)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const newWallet = (): Promise<KeyPairSigner> => generateKeyPairSigner();

/** POST /api/dev/faucet: §9's basket and SOL for fees. */
export async function faucet(base: string, owner: string): Promise<Answer<{ signature: string }>> {
  return postJson<{ signature: string }>(base, '/api/dev/faucet', { owner });
}

/** POST /api/transactions/{action} `{ owner, params }`. */
export function buildTx(base: string, action: string, owner: string, params: Record<string, unknown>): Promise<Answer<TxAnswer | ErrorBody>> {
  return postJson<TxAnswer | ErrorBody>(base, `/api/transactions/${action}`, { owner, params });
}

/** Signs the message of an answered (unsigned, base64 wire) transaction: its signature and the signed wire bytes (base64). */
export async function signWire(signer: KeyPairSigner, transaction: string): Promise<{ signature: string; wire: string }> {
  const decoded = getTransactionDecoder().decode(Buffer.from(transaction, 'base64'));
  const signed = await signTransaction([signer.keyPair], decoded);
  return { signature: getSignatureFromTransaction(signed), wire: getBase64EncodedWireTransaction(signed) };
}

/** sendTransaction (base64, preflight on): the signature the RPC answers. */
export function sendWire(base: string, wire: string): Promise<string> {
  return rpc<string>(base, 'sendTransaction', [wire, { encoding: 'base64', preflightCommitment: 'confirmed' }]);
}

export interface Acted {
  signature: string;
  accounts: TxAnswer['accounts'];
  status: SignatureStatus;
}

/** Builds `action` for `signer` (expects 200), signs, sends, polls until confirmed without error. */
export async function act(base: string, signer: KeyPairSigner, action: string, params: Record<string, unknown>): Promise<Acted> {
  const built = await buildTx(base, action, signer.address, params);
  if (built.status !== 200) throw new Error(`${action} answered ${built.status} ${JSON.stringify(built.body)}`);
  const tx = built.body as TxAnswer;
  const { signature, wire } = await signWire(signer, tx.transaction);
  const answered = await sendWire(base, wire);
  if (answered !== signature) throw new Error(`sendTransaction answered ${answered}, the transaction's signature is ${signature}`);
  const status = await confirm(base, signature);
  if (status.err !== null) throw new Error(`${action} ${signature} failed on chain: ${JSON.stringify(status.err)}`);
  return { signature, accounts: tx.accounts, status };
}

export async function chainInfo(base: string): Promise<ChainInfo> {
  const a = await getJson<ChainInfo>(base, '/api/chain');
  if (a.status !== 200) throw new Error(`GET /api/chain answered ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

/** `npm run check:invariants -- --url <base>` (scripts/check-invariants.ts through tsx): its exit code and output. */
export async function checkInvariants(base: string): Promise<{ code: number; output: string }> {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['scripts/check-invariants.ts', '--url', base], { cwd: ROOT, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on TEST_DATABASE_URL's server; `drop` removes it (closing what is still connected). */
export async function createPgDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}
