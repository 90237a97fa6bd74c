/**
 * The server's chain on a real cluster (chain.md § A real cluster): no local chain; the address book from
 * PROGRAM_ID, the mints and ORACLE_ACCOUNTS; the program's state read over SOLANA_RPC_URL and kept current by
 * ClusterSync; the clock from the Clock sysvar; the keys from keypair files. It refuses to start (ConfigError, one
 * sentence per problem) when the configured deployment is not what the cluster holds.
 */
import { generateKeyPairSigner, type Address } from '@solana/kit';
import { POOL_IDS, type FeedId } from '@/lib/math/ids';
import { ConfigError, type ClusterConfig } from '@/lib/config/env';
import { deriveAddresses, type ChainAddresses } from '@/lib/chain/addresses';
import { ORACLE_LOCAL } from '@/lib/chain/accounts/config';
import { NATIVE_MINT } from '@/lib/chain/program-ids';
import { rpcChainClient } from '@/lib/deployment/chain-client';
import { signerFromKeypairFile } from '@/lib/deployment/keys';
import { ChainState } from './chain-state';
import { deploymentProblems } from './cluster-check';
import { clusterName, clusterRpc } from './cluster-rpc';
import { ClusterSync } from './cluster-sync';
import { chainIds } from './ids';
import type { ChainKeys, ChainRuntime } from './runtime';
import { ChainSnapshot } from './snapshot';

export interface ClusterRuntimeOptions {
  maxPriceAgeS: number;
  log?: (message: string) => void;
  fixedEveryMs?: number;
  dynamicEveryMs?: number;
}

/** Every account read on each fixed poll: config, pools, LP mints, custodies, markets, price accounts. */
export function fixedAccounts(a: ChainAddresses): Address[] {
  return [
    a.config,
    ...POOL_IDS.map((p) => a.pools[p]),
    ...POOL_IDS.map((p) => a.lpMints[p]),
    ...POOL_IDS.flatMap((p) => Object.values(a.custodies[p]).filter((c): c is Address => c !== undefined)),
    ...Object.values(a.markets),
    ...new Set(Object.values(a.oracles)),
  ];
}

async function loadKeys(config: ClusterConfig): Promise<Partial<ChainKeys>> {
  const load = async (name: string, path: string | undefined) => {
    if (!path) return undefined;
    try {
      return await signerFromKeypairFile(path);
    } catch (e) {
      throw new ConfigError(`Invalid configuration. ${name} names ${path}, which holds no valid keypair (${e instanceof Error ? e.message : String(e)}).`);
    }
  };
  return { keeper: await load('KEEPER_KEYPAIR', config.keeperKeypair), oracleAuthority: await load('ORACLE_AUTHORITY_KEYPAIR', config.oracleAuthorityKeypair) };
}

export async function startClusterRuntime(config: ClusterConfig, o: ClusterRuntimeOptions): Promise<ChainRuntime> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const mints = { SOL: NATIVE_MINT, ...config.mints };
  const addresses = await deriveAddresses(config.programId, mints, config.oracleAccounts as Record<FeedId, Address> | undefined);
  const configured = await loadKeys(config);
  const keys = { ...configured, keeper: configured.keeper ?? (await generateKeyPairSigner()) };
  const rpc = clusterRpc(config.rpcUrl);
  const state = new ChainState(addresses);
  const sync = new ClusterSync({ rpc, state, programId: addresses.programId, fixed: fixedAccounts(addresses), wsUrl: config.wsUrl, fixedEveryMs: o.fixedEveryMs, dynamicEveryMs: o.dynamicEveryMs, log });
  const [genesisHash] = await Promise.all([rpc.genesisHash(), sync.load()]).catch((e: unknown) => {
    throw new Error(`SOLANA_RPC_URL ${config.rpcUrl} does not answer the reads the server needs: ${e instanceof Error ? e.message : String(e)}`);
  });

  const problems = deploymentProblems(state, { oraclesConfigured: config.oracleAccounts !== undefined });
  const authority = keys.oracleAuthority;
  if (authority && state.config) {
    if (state.config.oracleKind !== ORACLE_LOCAL) problems.push('ORACLE_AUTHORITY_KEYPAIR is set, but this program reads Pyth price accounts (no authority publishes them): unset it');
    else if (state.config.oracleAuthority !== authority.address) {
      problems.push(`ORACLE_AUTHORITY_KEYPAIR holds ${authority.address}, but the program's oracle authority is ${state.config.oracleAuthority}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration. ${problems.join('; ')}.`);

  sync.start();
  const cluster = clusterName(genesisHash);
  log(
    `cluster ${cluster} at ${config.rpcUrl} in ${Date.now() - started} ms: program ${addresses.programId}, slot ${sync.slot()}, ${state.positions.size} positions, ${state.orders.size} orders` +
      `${config.wsUrl ? `, programSubscribe on ${config.wsUrl}` : ''}${configured.keeper ? `, keeper ${keys.keeper.address}` : ', no KEEPER_KEYPAIR (this instance must not keep)'}`,
  );
  return {
    mode: 'cluster',
    cluster,
    rpcUrl: config.publicRpcUrl,
    local: undefined,
    client: rpcChainClient(config.rpcUrl),
    addresses,
    ids: chainIds(addresses),
    state,
    keys,
    keeperEnabled: configured.keeper !== undefined,
    nowS: () => sync.nowS(),
    slot: () => sync.slot(),
    snapshot: () => new ChainSnapshot(state, sync.nowS(), o.maxPriceAgeS),
    stop() {
      sync.stop();
      return Promise.resolve();
    },
  };
}
