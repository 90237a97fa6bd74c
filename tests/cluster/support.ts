/**
 * A "real cluster" on loopback for the cluster suites: a LocalChain (in-memory PGlite) served by lib/rpc's
 * startRpcServer (HTTP JSON-RPC and PubSub), an admin funded in process, keypair files in a temp folder, and the
 * program deployed over that RPC by the deploy script's own functions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createKeyPairSignerFromPrivateKeyBytes, getAddressEncoder, type Address, type Instruction, type KeyPairSigner } from '@solana/kit';
import { getCreateAssociatedTokenIdempotentInstruction, getMintToInstruction } from '@solana-program/token';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { runMigrations } from '@/lib/db/migrations';
import { startTestRpc } from '@/lib/rpc/testing';
import type { RunningRpcServer } from '@/lib/rpc';
import type { LocalChain } from '@/lib/validator';
import { FEED_IDS, type TokenId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';
import { associatedTokenAddress } from '@/lib/chain/pda';
import type { ChainAddresses } from '@/lib/chain/addresses';
import { programBytes } from '@/lib/chain/testing/program-bytes';
import { sendInstructions, type ChainClient } from '@/lib/deployment/chain-client';
import { deployToCluster, type ClusterDeployInput, type ClusterDeployResult } from '@/lib/deployment/cluster-deploy';
import { priceUpdate } from '@/lib/deployment/initialize';

/** A keypair and the solana-keygen file holding it. */
export async function keypairFile(dir: string, name: string): Promise<{ signer: KeyPairSigner; path: string }> {
  const seed = randomBytes(32);
  const signer = await createKeyPairSignerFromPrivateKeyBytes(Uint8Array.from(seed));
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify([...seed, ...getAddressEncoder().encode(signer.address)]));
  return { signer, path };
}

export interface LoopbackCluster {
  db: PgliteDatabase;
  chain: LocalChain;
  server: RunningRpcServer;
  clock: { now: () => number; advance: (s: number) => void };
  dir: string;
  admin: { signer: KeyPairSigner; path: string };
  program: { signer: KeyPairSigner; path: string };
  close(): Promise<void>;
}

/** Lamports the admin starts with: §9's SOL deposit and fees. */
const ADMIN_LAMPORTS = 100_000_000_000_000n;

export async function startLoopbackCluster(): Promise<LoopbackCluster> {
  const db = await openMemoryPglite();
  await runMigrations(db);
  const { chain, server, clock, close } = await startTestRpc(db, { autoTick: true });
  const dir = mkdtempSync(join(tmpdir(), 'cluster-'));
  const admin = await keypairFile(dir, 'admin');
  const program = await keypairFile(dir, 'program');
  await chain.airdrop(admin.signer.address, ADMIN_LAMPORTS);
  return {
    db,
    chain,
    server,
    clock,
    dir,
    admin,
    program,
    async close() {
      await close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deploys with local price accounts, new mints and §9's genesis (the admin the oracle authority). */
export function deployLocalOracle(c: LoopbackCluster, extra: Partial<ClusterDeployInput> = {}): Promise<ClusterDeployResult> {
  return deployToCluster({
    url: c.server.url,
    admin: c.admin.signer,
    program: c.program.signer,
    bytes: programBytes(),
    oracle: 'local',
    createMints: true,
    seedGenesis: true,
    ...extra,
  });
}

/** §9's prices written by the oracle authority (the admin) at the chain's clock. */
export async function publishGenesisPrices(client: ChainClient, a: ChainAddresses, authority: KeyPairSigner, nowS: number): Promise<void> {
  const prices = FEED_IDS.map((feed) => ({ feed, price: GENESIS.prices[feed], publishTime: BigInt(nowS) }));
  await sendInstructions(client, [priceUpdate(a, authority.address, prices)], [authority]);
}

/** A trader with SOL for fees and `amount` of `token` minted by the admin (the mints' authority). */
export async function fundTrader(c: LoopbackCluster, client: ChainClient, a: ChainAddresses, token: Exclude<TokenId, 'SOL'>, amount: bigint): Promise<{ signer: KeyPairSigner; ata: Address }> {
  const { signer } = await keypairFile(c.dir, `trader-${randomBytes(4).toString('hex')}`);
  await c.chain.airdrop(signer.address, 10_000_000_000n);
  const ata = await associatedTokenAddress(signer.address, a.mints[token]);
  const admin = c.admin.signer;
  const ixs: Instruction[] = [
    getCreateAssociatedTokenIdempotentInstruction({ payer: admin, owner: signer.address, mint: a.mints[token], ata }),
    getMintToInstruction({ mint: a.mints[token], token: ata, mintAuthority: admin, amount }),
  ];
  await sendInstructions(client, ixs, [admin]);
  return { signer, ata };
}
