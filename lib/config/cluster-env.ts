/**
 * The real-cluster variables (chain.md § A real cluster, api.md § Configuration): with `SOLANA_RPC_URL` the local
 * chain is off and the server runs against that RPC, with the deployment `npm run deploy:program` printed
 * (`PROGRAM_ID`, the mints, `ORACLE_ACCOUNTS`) and the keypairs it signs with. Each field is checked by its own
 * schema; `clusterProblems` checks them together (what SOLANA_RPC_URL requires, what only it allows).
 */
import { z } from 'zod';
import { isAddress, type Address } from '@solana/kit';
import { FEED_IDS, type FeedId, type TokenId } from '@/lib/math/ids';
import { parseAddressList } from './address-list';
import { keypairFileProblem } from './keypair-file';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const url = (name: string, schemes: readonly string[]) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => URL.canParse(v) && schemes.includes(new URL(v).protocol), `${name} must be a ${schemes.map((s) => `${s}//`).join(' or ')} URL`)
      .optional(),
  );
const address = (name: string) => z.preprocess(emptyToUndefined, z.string().refine((v) => isAddress(v), `${name} must be a base58 Solana address`).optional());
const text = z.preprocess(emptyToUndefined, z.string().optional());

export const clusterFields = {
  SOLANA_RPC_URL: url('SOLANA_RPC_URL', ['http:', 'https:']),
  SOLANA_WS_URL: url('SOLANA_WS_URL', ['ws:', 'wss:']),
  SOLANA_PUBLIC_RPC_URL: url('SOLANA_PUBLIC_RPC_URL', ['http:', 'https:']),
  PROGRAM_ID: address('PROGRAM_ID'),
  MINT_USDC: address('MINT_USDC'),
  MINT_WBTC: address('MINT_WBTC'),
  MINT_BONK: address('MINT_BONK'),
  ORACLE_ACCOUNTS: text,
  KEEPER_KEYPAIR: text,
  ORACLE_AUTHORITY_KEYPAIR: text,
};

type ClusterEnv = { [K in keyof typeof clusterFields]?: string };

const REQUIRED = ['PROGRAM_ID', 'MINT_USDC', 'MINT_WBTC', 'MINT_BONK'] as const;
const CLUSTER_ONLY = [...REQUIRED, 'SOLANA_WS_URL', 'SOLANA_PUBLIC_RPC_URL', 'ORACLE_ACCOUNTS', 'KEEPER_KEYPAIR', 'ORACLE_AUTHORITY_KEYPAIR'] as const;

/** A real cluster instead of the local chain. */
export interface ClusterConfig {
  rpcUrl: string;
  /** PubSub endpoint: positions and orders by programSubscribe as well as by polling. */
  wsUrl: string | undefined;
  /** The RPC GET /api/chain gives clients (default rpcUrl; set it when rpcUrl carries a provider key). */
  publicRpcUrl: string;
  programId: Address;
  /** USDC, WBTC, BONK (SOL is the native mint). */
  mints: Readonly<Record<Exclude<TokenId, 'SOL'>, Address>>;
  /** The price account per feed (Pyth's PriceUpdateV2 accounts); undefined: the program's local price PDAs. */
  oracleAccounts: Readonly<Record<FeedId, Address>> | undefined;
  /** Keypair file paying the keeper's transactions; undefined: this instance never sends them. */
  keeperKeypair: string | undefined;
  /** Keypair file of the program's oracle authority: this instance publishes the oracle's prices on chain. */
  oracleAuthorityKeypair: string | undefined;
}

const blank = (v: string | undefined) => v === undefined || v === '';

/** One sentence per problem of the variables taken together (raw environment, before the field schemas). */
export function clusterProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (blank(env.SOLANA_RPC_URL)) {
    for (const name of CLUSTER_ONLY) {
      if (!blank(env[name])) problems.push(`${name} is only used with SOLANA_RPC_URL (the local chain deploys its own program and keys): unset it, or set SOLANA_RPC_URL`);
    }
    return problems;
  }
  for (const name of REQUIRED) {
    if (blank(env[name])) problems.push(`SOLANA_RPC_URL is set, so ${name} must be too (npm run deploy:program prints it)`);
  }
  const oracles = env.ORACLE_ACCOUNTS;
  if (!blank(oracles)) {
    const parsed = parseAddressList(oracles!, FEED_IDS, FEED_IDS);
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => `ORACLE_ACCOUNTS ${p}`));
  }
  for (const name of ['KEEPER_KEYPAIR', 'ORACLE_AUTHORITY_KEYPAIR'] as const) {
    const path = env[name];
    const problem = blank(path) ? undefined : keypairFileProblem(path!);
    if (problem) problems.push(`${name} ${problem}`);
  }
  return problems;
}

/** The cluster configuration, from fields that passed `clusterFields` and `clusterProblems`. */
export function clusterConfig(env: ClusterEnv): ClusterConfig | undefined {
  if (env.SOLANA_RPC_URL === undefined) return undefined;
  const oracles = env.ORACLE_ACCOUNTS === undefined ? undefined : parseAddressList(env.ORACLE_ACCOUNTS, FEED_IDS, FEED_IDS);
  return {
    rpcUrl: env.SOLANA_RPC_URL,
    wsUrl: env.SOLANA_WS_URL,
    publicRpcUrl: env.SOLANA_PUBLIC_RPC_URL ?? env.SOLANA_RPC_URL,
    programId: env.PROGRAM_ID as Address,
    mints: { USDC: env.MINT_USDC as Address, WBTC: env.MINT_WBTC as Address, BONK: env.MINT_BONK as Address },
    oracleAccounts: oracles?.ok ? (oracles.value as Record<FeedId, Address>) : undefined,
    keeperKeypair: env.KEEPER_KEYPAIR,
    oracleAuthorityKeypair: env.ORACLE_AUTHORITY_KEYPAIR,
  };
}
