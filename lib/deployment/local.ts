/**
 * The local chain's first start (api.md, chain.md): the pool program deployed through the upgradeable loader,
 * the mints, every initialisation account, §9's genesis liquidity and prices, all as transactions on the
 * in-process chain. The deployment (program id, mints, key seeds) is saved once everything succeeded; a restart
 * reads it back. A start interrupted half way deploys afresh (a new program id) over the same chain. A restart
 * whose binary differs from the program on the chain (a pulled commit with a new `.so`) upgrades it through the
 * loader, signed by the saved admin (the upgrade authority): transactions like any other, so persisted.
 */
import { readFileSync } from 'node:fs';
import type { Address, KeyPairSigner } from '@solana/kit';
import type { SqlClient } from '@/lib/db/types';
import { GENESIS } from '@/lib/math/params';
import { FEED_IDS } from '@/lib/math/ids';
import { deriveAddresses, type ChainAddresses, type TokenMints } from '@/lib/chain/addresses';
import { ORACLE_LOCAL } from '@/lib/chain/accounts/config';
import { PROGRAM_SO_PATH, programBytes } from '@/lib/chain/testing/program-bytes';
import type { LocalChain } from '@/lib/validator';
import { sendInstructions } from './chain-client';
import { deployProgram, upgradeProgram } from './deploy-program';
import { programStatus, sha256Hex } from './existing';
import { initializeProgram, priceUpdate, seedGenesis } from './initialize';
import { newSeed, signerFromSeed } from './keys';
import { localChainClient } from './local-client';
import { createMints } from './mints';

interface DeploymentRecord {
  programId: Address;
  mints: TokenMints;
  seeds: { admin: string; oracleAuthority: string; mintAuthority: string; keeper: string; genesis: string };
}

export interface LocalDeployment {
  addresses: ChainAddresses;
  admin: KeyPairSigner;
  oracleAuthority: KeyPairSigner;
  /** Mint authority of USDC, WBTC and BONK: the faucet. */
  mintAuthority: KeyPairSigner;
  keeper: KeyPairSigner;
  genesisOwner: KeyPairSigner;
}

async function load(sql: SqlClient): Promise<DeploymentRecord | undefined> {
  const { rows } = await sql.query<{ value: string }>('SELECT value FROM chain_deployment WHERE id = 1');
  return rows[0] ? (JSON.parse(rows[0].value) as DeploymentRecord) : undefined;
}

async function fromRecord(r: DeploymentRecord): Promise<LocalDeployment> {
  return {
    addresses: await deriveAddresses(r.programId, r.mints),
    admin: await signerFromSeed(r.seeds.admin),
    oracleAuthority: await signerFromSeed(r.seeds.oracleAuthority),
    mintAuthority: await signerFromSeed(r.seeds.mintAuthority),
    keeper: await signerFromSeed(r.seeds.keeper),
    genesisOwner: await signerFromSeed(r.seeds.genesis),
  };
}

/** SOL each service key starts with on the local chain (fees and rent for years of local use). */
const SERVICE_LAMPORTS = 1_000_000_000_000n;

export interface EnsureLocalOptions {
  nowS: () => bigint;
  /** The program's staleness limit (MAX_PRICE_AGE_S), fixed in its config at the first start. */
  maxPriceAgeS?: number;
  onStep?: (message: string) => void;
  /** The program binary deployed, or upgraded to on a restart (default program/dist/poolperps.so). */
  programPath?: string;
}

/** The program binary of `path` (the committed one, read once, by default). */
const binaryAt = (path: string | undefined): Uint8Array =>
  path === undefined || path === PROGRAM_SO_PATH ? programBytes() : new Uint8Array(readFileSync(path));

/**
 * On a restart: when the ProgramData's bytes (after its header, less the zeros behind them) are not `bytes`,
 * upgrades the program to them (buffer, Writes, ExtendProgram when it grew, Upgrade), signed by the admin.
 */
async function upgradeIfChanged(chain: LocalChain, d: LocalDeployment, bytes: Uint8Array, step: (message: string) => void): Promise<void> {
  const client = localChainClient(chain);
  const programId = d.addresses.programId;
  const status = await programStatus(client, programId, bytes);
  if (status.kind !== 'deployed') throw new Error(`the saved pool program ${programId} is not an upgradeable program on the local chain (${status.kind})`);
  if (status.sameBytes) return;
  if (status.upgradeAuthority !== d.admin.address) {
    throw new Error(`the pool program ${programId} differs from the binary, but its upgrade authority is ${status.upgradeAuthority ?? 'none'}, not the saved admin ${d.admin.address}`);
  }
  await upgradeProgram({
    client,
    payer: d.admin,
    program: programId,
    upgradeAuthority: d.admin,
    bytes,
    nextSlot: () => Promise.resolve(chain.tick()),
  });
  step(`upgraded the pool program (${status.deployedSha256.slice(0, 12)} → ${sha256Hex(bytes).slice(0, 12)})`);
}

/** The saved deployment, or a new one: deploy, mints, initialisation, genesis, then saved. */
export async function ensureLocalDeployment(chain: LocalChain, sql: SqlClient, opts: EnsureLocalOptions): Promise<LocalDeployment> {
  const step = opts.onStep ?? (() => undefined);
  const bytes = binaryAt(opts.programPath);
  const saved = await load(sql);
  if (saved) {
    const deployment = await fromRecord(saved);
    await upgradeIfChanged(chain, deployment, bytes, step);
    return deployment;
  }
  const seeds = { admin: newSeed(), oracleAuthority: newSeed(), mintAuthority: newSeed(), keeper: newSeed(), genesis: newSeed() };
  const program = await signerFromSeed(newSeed());
  const [admin, oracleAuthority, mintAuthority, keeper] = await Promise.all([
    signerFromSeed(seeds.admin),
    signerFromSeed(seeds.oracleAuthority),
    signerFromSeed(seeds.mintAuthority),
    signerFromSeed(seeds.keeper),
  ]);
  const totalSol = GENESIS.pools.ALP.custodies.SOL ?? 0n;
  await Promise.all([
    chain.airdrop(admin.address, SERVICE_LAMPORTS + totalSol),
    chain.airdrop(oracleAuthority.address, SERVICE_LAMPORTS),
    chain.airdrop(mintAuthority.address, SERVICE_LAMPORTS),
    chain.airdrop(keeper.address, SERVICE_LAMPORTS),
  ]);
  const client = localChainClient(chain);
  step(`deploying the pool program (${Math.round(bytes.length / 1024)} KB) through the upgradeable loader`);
  await deployProgram({ client, payer: admin, program, upgradeAuthority: admin, bytes, onProgress: (done, total) => done === total && step(`program written (${total} chunks)`) });
  chain.tick();
  step('creating the token mints');
  const mints = await createMints(client, admin, mintAuthority.address);
  const addresses = await deriveAddresses(program.address, mints);
  step('initialising pools, custodies, markets and price accounts');
  await initializeProgram({ client, addresses, admin, oracleAuthority: oracleAuthority.address, oracleKind: ORACLE_LOCAL, maxPriceAgeS: BigInt(opts.maxPriceAgeS ?? 30) });
  const prices = FEED_IDS.map((feed) => ({ feed, price: GENESIS.prices[feed], publishTime: opts.nowS() }));
  await sendInstructions(client, [priceUpdate(addresses, oracleAuthority.address, prices)], [oracleAuthority]);
  step('seeding the genesis liquidity (§9)');
  const genesisOwner = await signerFromSeed(seeds.genesis);
  await seedGenesis({ client, addresses, admin, mintAuthority, genesisOwner: genesisOwner.address });
  const record: DeploymentRecord = { programId: program.address, mints, seeds };
  await sql.query('INSERT INTO chain_deployment (id, value) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [JSON.stringify(record)]);
  step('local chain ready');
  return fromRecord(record);
}
