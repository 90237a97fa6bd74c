/**
 * Test and bench helpers: real program transactions on a local runtime (lib/chain builders, kit keypairs funded
 * by airdrop and SPL mint-to from the faucet's mint authority), and the history rows as the tests compare them.
 */
import { generateKeyPairSigner, type Address, type Instruction, type KeyPairSigner, type TransactionSigner } from '@solana/kit';
import { getTransferSolInstruction } from '@solana-program/system';
import { getCreateAssociatedTokenIdempotentInstruction, getMintToInstruction, getSyncNativeInstruction } from '@solana-program/token';
import { POOL_IDS, TOKEN_IDS, type FeedId, type PoolId, type TokenId } from '@/lib/math/ids';
import type { Database } from '@/lib/db/types';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite } from '@/lib/db/pglite';
import { associatedTokenAddress } from '@/lib/chain/pda';
import { decodeEventLogs } from '@/lib/chain/events';
import type { Trader, World } from '@/lib/chain/testing/world';
import { priceUpdate } from '@/lib/deployment/initialize';
import { sendInstructions, signWire } from '@/lib/deployment/chain-client';
import { startLocalRuntime, type ChainRuntime } from '@/lib/chain-runtime/runtime';

export interface TestChain {
  db: Database;
  runtime: ChainRuntime;
  /** What lib/chain/testing/actions needs of a world: the address book and the keeper. */
  world: World;
  keeper: KeyPairSigner;
  autoTick: boolean;
  close(): Promise<void>;
}

/** A migrated in-memory PGlite and a local runtime on it (one per test file: the deploy takes seconds). */
export async function startTestChain(opts: { autoTick?: boolean; db?: Database } = {}): Promise<TestChain> {
  const db = opts.db ?? (await openMemoryPglite());
  await runMigrations(db);
  const autoTick = opts.autoTick ?? false;
  const runtime = await startLocalRuntime({ db, nowMs: () => Date.now(), maxPriceAgeS: 30, autoTick });
  const keeper = runtime.keys.keeper as KeyPairSigner;
  await runtime.local!.airdrop(keeper.address, 100_000_000_000n);
  const world = { addresses: runtime.addresses, keeper } as unknown as World;
  return {
    db,
    runtime,
    world,
    keeper,
    autoTick,
    async close() {
      await runtime.stop();
      if (!opts.db) await db.close();
    },
  };
}

/**
 * Signs and sends; resolves with the signature once confirmed (throws when refused). Without the slot timer the
 * chain is ticked first, so a repeated instruction (the same price twice) gets a new blockhash, not a duplicate.
 */
export function send(c: TestChain, ixs: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<string> {
  if (!c.autoTick) c.runtime.local!.tick();
  return sendInstructions(c.runtime.client, ixs, signers);
}

/** Sends without preflight a transaction that fails on chain (it is recorded with its error and logs). */
export async function sendFailing(c: TestChain, ixs: readonly Instruction[], signers: readonly TransactionSigner[]): Promise<string> {
  if (!c.autoTick) c.runtime.local!.tick();
  const { wire } = await signWire(c.runtime.client, ixs, signers);
  const r = await c.runtime.local!.sendTransaction(wire, { skipPreflight: true });
  if (r.err === null) throw new Error(`transaction ${r.signature} was meant to fail`);
  return r.signature;
}

/** Writes prices on chain now (oracle authority), with the chain's clock as publish time. */
export function setPrices(c: TestChain, prices: Partial<Record<FeedId, bigint>>): Promise<string> {
  const publishTime = BigInt(c.runtime.nowS());
  const updates = (Object.entries(prices) as [FeedId, bigint][]).map(([feed, price]) => ({ feed, price, publishTime }));
  const authority = c.runtime.keys.oracleAuthority!;
  return send(c, [priceUpdate(c.runtime.addresses, authority.address, updates)], [authority]);
}

/** A new wallet: SOL for fees, its token and LP accounts, `funds` minted (SOL wrapped). */
export async function newTrader(c: TestChain, funds: Partial<Record<TokenId, bigint>> = {}): Promise<Trader> {
  const signer = await generateKeyPairSigner();
  const a = c.runtime.addresses;
  await c.runtime.local!.airdrop(signer.address, 10_000_000_000n + (funds.SOL ?? 0n));
  const tokenAccounts = {} as Record<TokenId, Address>;
  const lpAccounts = {} as Record<PoolId, Address>;
  const ixs: Instruction[] = [];
  for (const token of TOKEN_IDS) {
    tokenAccounts[token] = await associatedTokenAddress(signer.address, a.mints[token]);
    ixs.push(getCreateAssociatedTokenIdempotentInstruction({ payer: signer, owner: signer.address, mint: a.mints[token], ata: tokenAccounts[token] }));
  }
  for (const pool of POOL_IDS) {
    lpAccounts[pool] = await associatedTokenAddress(signer.address, a.lpMints[pool]);
    ixs.push(getCreateAssociatedTokenIdempotentInstruction({ payer: signer, owner: signer.address, mint: a.lpMints[pool], ata: lpAccounts[pool] }));
  }
  if (funds.SOL) ixs.push(getTransferSolInstruction({ source: signer, destination: tokenAccounts.SOL, amount: funds.SOL }), getSyncNativeInstruction({ account: tokenAccounts.SOL }));
  await send(c, ixs, [signer]);
  const authority = c.runtime.keys.mintAuthority!;
  const mints = (Object.entries(funds) as [TokenId, bigint][])
    .filter(([token, amount]) => token !== 'SOL' && amount > 0n)
    .map(([token, amount]) => getMintToInstruction({ mint: a.mints[token], token: tokenAccounts[token], mintAuthority: authority, amount }));
  if (mints.length > 0) await send(c, mints, [authority]);
  return { signer, address: signer.address, tokenAccounts, lpAccounts };
}

export interface StoredRow {
  id: number;
  owner: string;
  kind: string;
  pool: string | null;
  market: string | null;
  side: string | null;
  at: string;
  sizeUsd: string | null;
  price: string | null;
  realizedPnlUsd: string | null;
  feesUsd: string | null;
  details: Record<string, string | number | null>;
  signature: string | null;
  slot: string | null;
  eventIndex: number | null;
}

/** Every row of `events` in id order (the indexer's and any other). */
export async function storedRows(db: Database): Promise<StoredRow[]> {
  const { rows } = await db.sql.query<Record<string, unknown>>(
    `SELECT id::text AS id, owner, kind, pool, market, side, at::text AS at, size_usd::text AS size_usd, price::text AS price,
       realized_pnl_usd::text AS pnl, fees_usd::text AS fees, details, signature, slot::text AS slot, event_index FROM events ORDER BY events.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    owner: String(r.owner),
    kind: String(r.kind),
    pool: (r.pool as string | null) ?? null,
    market: (r.market as string | null) ?? null,
    side: (r.side as string | null) ?? null,
    at: String(r.at),
    sizeUsd: (r.size_usd as string | null) ?? null,
    price: (r.price as string | null) ?? null,
    realizedPnlUsd: (r.pnl as string | null) ?? null,
    feesUsd: (r.fees as string | null) ?? null,
    details: JSON.parse(String(r.details)) as Record<string, string | number | null>,
    signature: (r.signature as string | null) ?? null,
    slot: (r.slot as string | null) ?? null,
    eventIndex: r.event_index === null || r.event_index === undefined ? null : Number(r.event_index),
  }));
}

/** A row without its id (two indexings of one chain compare equal). */
export function withoutId(r: StoredRow): Omit<StoredRow, 'id'> {
  const { id: _id, ...rest } = r;
  return rest;
}

/**
 * What the chain's store says should be indexed, in chain order: `signature#index` of every event of a successful
 * program transaction (price updates are not history).
 */
export async function expectedRowKeys(c: TestChain): Promise<string[]> {
  const programId = c.runtime.addresses.programId;
  const { rows } = await c.db.sql.query<{ signature: string; logs: string }>(
    `SELECT t.signature, t.logs FROM chain_address_signatures s JOIN chain_transactions t ON t.signature = s.signature
     WHERE s.address = $1 AND t.err IS NULL ORDER BY s.seq`,
    [programId],
  );
  return rows.flatMap((r) => decodeEventLogs(JSON.parse(r.logs) as string[], programId).flatMap((e, i) => (e.kind === 'pricesUpdated' ? [] : [`${r.signature}#${i}`])));
}

/** `signature#index` of the indexer's rows (faucet rows left out), in id order. */
export async function indexedRowKeys(db: Database): Promise<string[]> {
  return (await storedRows(db)).filter((r) => r.signature !== null && r.eventIndex! >= 0).map((r) => `${r.signature}#${r.eventIndex}`);
}
