/**
 * The server's chain (chain.md): on the embedded default a LocalChain in this process with the pool program
 * deployed (lib/deployment/local.ts); the decoded program state kept current from its commits; the keys the
 * server signs with (oracle authority, faucet, keeper). On a real cluster (SOLANA_RPC_URL) the same interface
 * over RPC: ./cluster.ts. One per process, built by lib/server/services.ts.
 */
import type { Address, KeyPairSigner } from '@solana/kit';
import type { Database } from '@/lib/db/types';
import type { ChainAddresses } from '@/lib/chain/addresses';
import { ensureLocalDeployment } from '@/lib/deployment/local';
import { localChainClient } from '@/lib/deployment/local-client';
import type { ChainClient } from '@/lib/deployment/chain-client';
import { LocalChain, SqlChainStore } from '@/lib/validator';
import { ChainState } from './chain-state';
import { chainIds, type ChainIds } from './ids';
import { ChainSnapshot } from './snapshot';

export interface ChainKeys {
  oracleAuthority: KeyPairSigner;
  /** The faucet: mint authority of the local tokens. */
  mintAuthority: KeyPairSigner;
  keeper: KeyPairSigner;
}

export interface ChainRuntime {
  mode: 'local' | 'cluster';
  /** "local", or the cluster's name from its genesis hash ("mainnet-beta", "devnet", "testnet", "custom"). */
  cluster: string;
  /** The cluster's RPC for clients (GET /api/chain); undefined on the local chain (its /api/rpc). */
  rpcUrl?: string;
  local: LocalChain | undefined;
  client: ChainClient;
  addresses: ChainAddresses;
  ids: ChainIds;
  state: ChainState;
  /**
   * What this process signs with. On a cluster: KEEPER_KEYPAIR and ORACLE_AUTHORITY_KEYPAIR; without
   * KEEPER_KEYPAIR the keeper key is a fresh unfunded one and `keeperEnabled` is false.
   */
  keys: Partial<ChainKeys> & Pick<ChainKeys, 'keeper'>;
  /** False where this process has no keeper key of its own (a cluster reader): it should not lead the keeper. */
  keeperEnabled?: boolean;
  /** The chain's clock: the Clock sysvar's unix timestamp (local: wall clock plus the dev offset). */
  nowS(): number;
  slot(): bigint;
  snapshot(): ChainSnapshot;
  stop(): Promise<void>;
}

export interface LocalRuntimeOptions {
  db: Database;
  /** Wall clock plus the dev offset (DevClock). */
  nowMs: () => number;
  maxPriceAgeS: number;
  log?: (message: string) => void;
  autoTick?: boolean;
  /** The pool program binary (default program/dist/poolperps.so); a restart upgrades the chain's when it differs. */
  programPath?: string;
}

/** Loads every program account (and the LP mints) into the state. */
function loadState(chain: LocalChain, state: ChainState, programId: Address): void {
  const program = chain.getProgramAccounts(programId).map((k) => [k.address, { owner: programId, data: k.account.data }] as const);
  state.apply(program);
  const mints = Object.values(state.addresses.lpMints);
  const accounts = chain.getMultipleAccounts(mints);
  state.apply(mints.map((m, i) => [m, accounts[i] ?? null] as const));
}

export async function startLocalRuntime(o: LocalRuntimeOptions): Promise<ChainRuntime> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const chain = await LocalChain.open(new SqlChainStore(o.db), () => o.nowMs() / 1000, {
    autoTick: o.autoTick ?? true,
    onRestore: (r) => log(`local chain restored (${JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))})`),
  });
  const deployment = await ensureLocalDeployment(chain, o.db.sql, { nowS: () => BigInt(Math.floor(o.nowMs() / 1000)), maxPriceAgeS: o.maxPriceAgeS, onStep: log, programPath: o.programPath });
  const state = new ChainState(deployment.addresses);
  loadState(chain, state, deployment.addresses.programId);
  const off = chain.onCommit((event) => state.apply(event.accounts));
  log(`local chain ready in ${Date.now() - started} ms: program ${deployment.addresses.programId}, slot ${chain.slot}`);
  return {
    mode: 'local',
    cluster: 'local',
    local: chain,
    client: localChainClient(chain),
    addresses: deployment.addresses,
    ids: chainIds(deployment.addresses),
    state,
    keys: { oracleAuthority: deployment.oracleAuthority, mintAuthority: deployment.mintAuthority, keeper: deployment.keeper },
    nowS: () => Number(chain.unixTimestamp),
    slot: () => chain.slot,
    snapshot: () => new ChainSnapshot(state, Number(chain.unixTimestamp), o.maxPriceAgeS),
    async stop() {
      off();
      await chain.close();
    },
  };
}
