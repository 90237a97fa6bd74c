/**
 * `npm run deploy:program` (chain.md § A real cluster): to any RPC, with the keypairs it is given, the committed
 * binary through the upgradeable loader, the mints if asked, every initialisation account, optionally §9's genesis
 * liquidity; then the environment that runs the app against it. A re-run skips what exists: the program with the
 * binary's bytes (other bytes: upgraded through the loader, signed by the admin, its upgrade authority), the config
 * and every initialised account, the mints and price accounts already in the custodies and markets, a seeded
 * genesis.
 */
import type { Address, KeyPairSigner } from '@solana/kit';
import { FEED_IDS, POOL_IDS, type FeedId, type TokenId } from '@/lib/math/ids';
import { deriveAddresses, type ChainAddresses } from '@/lib/chain/addresses';
import { genesisTokenTotals } from '@/lib/chain/genesis';
import { decodeMintSupply, ORACLE_LOCAL, ORACLE_PYTH } from '@/lib/chain/accounts';
import { NATIVE_MINT } from '@/lib/chain/program-ids';
import { formatAddressList } from '@/lib/config/address-list';
import { clusterRpc, type ClusterRpc } from '@/lib/chain-runtime/cluster-rpc';
import { rpcChainClient, type ChainClient } from './chain-client';
import { deployProgram, upgradeProgram } from './deploy-program';
import { existingDeployment, programStatus, sha256Hex, type ProgramStatus } from './existing';
import { initializeProgram, seedGenesis } from './initialize';
import { createMint, mintAuthorityOf } from './mints';
import { pythPriceFeedAccounts } from './pyth-accounts';

export type MintToken = Exclude<TokenId, 'SOL'>;
export const MINT_TOKENS: readonly MintToken[] = ['USDC', 'WBTC', 'BONK'];

export interface ClusterDeployInput {
  url: string;
  admin: KeyPairSigner;
  program: KeyPairSigner;
  bytes: Uint8Array;
  /** Price accounts: the program's own (written by the oracle authority) or Pyth's. */
  oracle: 'local' | 'pyth';
  /** Default: the admin. */
  oracleAuthority?: Address;
  /** Pyth price accounts (default: Pyth's sponsored feed accounts, shard 0). */
  oracles?: Partial<Record<FeedId, Address>>;
  mints?: Partial<Record<MintToken, Address>>;
  /** Creates the mints not given, the admin their mint authority. */
  createMints?: boolean;
  /** §9's genesis liquidity (needs mints whose authority is the admin, and the SOL it deposits). */
  seedGenesis?: boolean;
  maxPriceAgeS?: bigint;
  log?: (line: string) => void;
  /** Writes in flight at once while deploying. */
  concurrency?: number;
}

export interface ClusterDeployResult {
  addresses: ChainAddresses;
  oracleKind: number;
  /** What the app needs, in order (SOLANA_RPC_URL, PROGRAM_ID, MINT_*, ORACLE_ACCOUNTS for Pyth). */
  env: [string, string][];
}

export class DeployError extends Error {
  override name = 'DeployError';
}

async function waitForSlotAfter(rpc: ClusterRpc, slot: bigint): Promise<void> {
  // A program deployed in slot N runs from slot N + 1 (the loader's visibility rule).
  for (let i = 0; i < 150 && (await rpc.slot()) <= slot; i++) await new Promise((r) => setTimeout(r, 200));
}

async function ensureProgram(client: ChainClient, rpc: ClusterRpc, i: ClusterDeployInput, log: (l: string) => void): Promise<void> {
  const status = await programStatus(client, i.program.address, i.bytes);
  if (status.kind === 'other') throw new DeployError(`${i.program.address} exists and is not an upgradeable program (owner ${status.owner}): give another --program-keypair`);
  if (status.kind === 'deployed') {
    if (status.sameBytes) return log(`program ${i.program.address} exists with the same bytes; skipped`);
    await upgradeOnCluster(client, rpc, i, status, log);
    return;
  }
  log(`deploying program/dist/poolperps.so (${Math.round(i.bytes.length / 1024)} KB) as ${i.program.address} through the upgradeable loader`);
  await deployProgram({
    client,
    payer: i.admin,
    program: i.program,
    upgradeAuthority: i.admin,
    bytes: i.bytes,
    concurrency: i.concurrency,
    onProgress: (done, total) => (done === total || done % 128 === 0) && log(`  ${done}/${total} writes`),
  });
  await waitForSlotAfter(rpc, await rpc.slot());
  log('program deployed');
}

/** The program exists with other bytes than the binary: upgraded through the loader, signed by the admin. */
async function upgradeOnCluster(
  client: ChainClient,
  rpc: ClusterRpc,
  i: ClusterDeployInput,
  status: Extract<ProgramStatus, { kind: 'deployed' }>,
  log: (l: string) => void,
): Promise<void> {
  const shas = `${status.deployedSha256.slice(0, 12)} → ${sha256Hex(i.bytes).slice(0, 12)}`;
  if (status.upgradeAuthority !== i.admin.address) {
    throw new DeployError(
      `program ${i.program.address} exists with other bytes than program/dist/poolperps.so (${shas}), and its upgrade authority is ${status.upgradeAuthority ?? 'none (immutable)'}, not --keypair's ${i.admin.address}: upgrade it with that key, or give another --program-keypair`,
    );
  }
  log(`program ${i.program.address} exists with other bytes than program/dist/poolperps.so (${shas}): upgrading it (${Math.round(i.bytes.length / 1024)} KB) through the upgradeable loader`);
  const result = await upgradeProgram({
    client,
    payer: i.admin,
    program: i.program.address,
    upgradeAuthority: i.admin,
    bytes: i.bytes,
    concurrency: i.concurrency,
    nextSlot: async () => waitForSlotAfter(rpc, await rpc.slot()),
    onProgress: (done, total) => (done === total || done % 128 === 0) && log(`  ${done}/${total} writes`),
  });
  if (result.extendInstruction) log(`  ProgramData extended by ${result.extendedBy} bytes (${result.extendInstruction})`);
  log(`program upgraded (${shas})`);
}

async function resolveMints(client: ChainClient, i: ClusterDeployInput, onChain: Partial<Record<TokenId, Address>>, log: (l: string) => void): Promise<Record<TokenId, Address>> {
  const mints: Partial<Record<TokenId, Address>> = { SOL: NATIVE_MINT };
  for (const token of MINT_TOKENS) {
    const chain = onChain[token];
    const given = i.mints?.[token];
    if (chain && given && chain !== given) throw new DeployError(`the program's ${token} custody holds mint ${chain}, not --mints ${token}=${given}`);
    mints[token] = chain ?? given;
  }
  const missing = MINT_TOKENS.filter((t) => !mints[t]);
  if (missing.length > 0 && !i.createMints) throw new DeployError(`no mint for ${missing.join(', ')}: give --mints ${missing.map((t) => `${t}=<address>`).join(',')} or --create-mints`);
  for (const token of missing) {
    mints[token] = await createMint(client, i.admin, i.admin.address, token);
    log(`created the ${token} mint ${mints[token]} (mint authority ${i.admin.address})`);
  }
  for (const token of MINT_TOKENS) {
    const account = await client.getAccount(mints[token]!);
    if (!account || mintAuthorityOf(account.data) === null) throw new DeployError(`${token} mint ${mints[token]} is not an SPL Token mint on this cluster`);
  }
  return mints as Record<TokenId, Address>;
}

async function resolveOracles(i: ClusterDeployInput, kind: number, onChain: Partial<Record<FeedId, Address>>): Promise<Record<FeedId, Address> | undefined> {
  if (kind === ORACLE_LOCAL) {
    if (i.oracles && Object.keys(i.oracles).length > 0) throw new DeployError('--oracles names Pyth price accounts; with --oracle local the program uses its own price accounts');
    return undefined;
  }
  const chosen = { ...(await pythPriceFeedAccounts()), ...i.oracles };
  for (const feed of FEED_IDS) {
    const chain = onChain[feed];
    if (chain && i.oracles?.[feed] && chain !== i.oracles[feed]) throw new DeployError(`the program reads ${feed} from ${chain}, not --oracles ${feed}=${i.oracles[feed]}`);
    if (chain) chosen[feed] = chain;
  }
  return chosen;
}

async function ensureGenesis(client: ChainClient, i: ClusterDeployInput, a: ChainAddresses, log: (l: string) => void): Promise<void> {
  const supplies = await Promise.all(POOL_IDS.map(async (p) => decodeMintSupply((await client.getAccount(a.lpMints[p]))!.data).supply));
  if (supplies.every((s) => s > 0n)) return log('genesis liquidity exists; skipped');
  if (supplies.some((s) => s > 0n)) throw new DeployError(`only some pools are seeded (${POOL_IDS.map((p, k) => `${p} ${supplies[k]}`).join(', ')}): seed the rest by hand`);
  for (const token of MINT_TOKENS) {
    const authority = mintAuthorityOf((await client.getAccount(a.mints[token]))!.data);
    if (authority !== i.admin.address) throw new DeployError(`--seed-genesis mints the basket, but the ${token} mint's authority is ${authority ?? 'none'}, not the admin ${i.admin.address}`);
  }
  const needed = genesisTokenTotals().SOL + 1_000_000_000n;
  const lamports = (await client.getAccount(i.admin.address))?.lamports ?? 0n;
  if (lamports < needed) throw new DeployError(`--seed-genesis deposits §9's SOL: the admin needs ${needed} lamports (with 1 SOL for fees) and has ${lamports}`);
  log('seeding the genesis liquidity (§9) from the admin');
  await seedGenesis({ client, addresses: a, admin: i.admin, mintAuthority: i.admin, genesisOwner: i.admin.address });
}

export async function deployToCluster(i: ClusterDeployInput): Promise<ClusterDeployResult> {
  const log = i.log ?? (() => undefined);
  const client = rpcChainClient(i.url);
  const rpc = clusterRpc(i.url);
  await ensureProgram(client, rpc, i, log);
  const existing = await existingDeployment(client, rpc, i.program.address);
  const kind = existing?.config.oracleKind ?? (i.oracle === 'pyth' ? ORACLE_PYTH : ORACLE_LOCAL);
  if (existing && kind !== (i.oracle === 'pyth' ? ORACLE_PYTH : ORACLE_LOCAL)) {
    throw new DeployError(`the program is initialised with ${kind === ORACLE_PYTH ? 'pyth' : 'local'} price accounts, not --oracle ${i.oracle}`);
  }
  const authority = i.oracleAuthority ?? i.admin.address;
  if (existing && i.oracleAuthority && existing.config.oracleAuthority !== i.oracleAuthority) {
    throw new DeployError(`the program's oracle authority is ${existing.config.oracleAuthority}, not --oracle-authority ${i.oracleAuthority}`);
  }
  if (existing && existing.config.admin !== i.admin.address) throw new DeployError(`the program's admin is ${existing.config.admin}, not --keypair's ${i.admin.address}`);
  const mints = await resolveMints(client, i, existing?.mints ?? {}, log);
  const oracles = await resolveOracles(i, kind, existing?.oracles ?? {});
  const addresses = await deriveAddresses(i.program.address, mints, oracles);
  log(existing ? 'config exists: initialising what is missing' : 'initialising config, pools, escrows, price accounts, custodies and markets');
  await initializeProgram({ client, addresses, admin: i.admin, oracleAuthority: existing?.config.oracleAuthority ?? authority, oracleKind: kind, maxPriceAgeS: i.maxPriceAgeS ?? 30n });
  if (i.seedGenesis) await ensureGenesis(client, i, addresses, log);
  return { addresses, oracleKind: kind, env: deploymentEnv(i.url, addresses, kind) };
}

export function deploymentEnv(url: string, a: ChainAddresses, oracleKind: number): [string, string][] {
  const env: [string, string][] = [
    ['SOLANA_RPC_URL', url],
    ['PROGRAM_ID', a.programId],
    ...MINT_TOKENS.map((t) => [`MINT_${t}`, a.mints[t]] as [string, string]),
  ];
  if (oracleKind === ORACLE_PYTH) env.push(['ORACLE_ACCOUNTS', formatAddressList(FEED_IDS, a.oracles)]);
  return env;
}
