/**
 * What a cluster already holds of a deployment, so `npm run deploy:program` can skip it: the program (deployed
 * through the upgradeable loader, and whether its bytes are the committed binary's), the config (oracle kind and
 * authority), the mints and price accounts the custodies and markets were initialised with.
 */
import type { Address } from '@solana/kit';
import { MARKET_IDS, TOKEN_IDS, type FeedId, type TokenId } from '@/lib/math/ids';
import { MARKETS, TOKENS } from '@/lib/math/params';
import { decodeConfig, decodeCustody, decodeMarket, type ConfigAccount } from '@/lib/chain/accounts';
import { accountKind, ACCOUNT_LEN } from '@/lib/chain/tags';
import { configAddress, programDataAddress } from '@/lib/chain/pda';
import { MARKET_INDEX } from '@/lib/chain/addresses';
import type { ClusterRpc } from '@/lib/chain-runtime/cluster-rpc';
import type { ChainClient } from './chain-client';

export const BPF_LOADER_UPGRADEABLE = 'BPFLoaderUpgradeab1e11111111111111111111111' as Address;
/** ProgramData: tag u32, slot u64, Option<authority> (1 + 32), then the program's bytes. */
const PROGRAM_DATA_HEADER = 45;

export type ProgramStatus = { kind: 'absent' } | { kind: 'deployed'; sameBytes: boolean } | { kind: 'other'; owner: Address };

export async function programStatus(client: ChainClient, programId: Address, bytes: Uint8Array): Promise<ProgramStatus> {
  const program = await client.getAccount(programId);
  if (!program) return { kind: 'absent' };
  if (program.owner !== BPF_LOADER_UPGRADEABLE || program.data.length < 36 || new DataView(program.data.buffer, program.data.byteOffset).getUint32(0, true) !== 2) {
    return { kind: 'other', owner: program.owner };
  }
  const data = (await client.getAccount(await programDataAddress(programId)))?.data;
  const body = data?.subarray(PROGRAM_DATA_HEADER);
  const sameBytes = body !== undefined && body.length >= bytes.length && bytes.every((b, i) => body[i] === b) && body.subarray(bytes.length).every((b) => b === 0);
  return { kind: 'deployed', sameBytes };
}

export interface ExistingDeployment {
  config: ConfigAccount;
  /** Mints of the custodies already initialised. */
  mints: Partial<Record<TokenId, Address>>;
  /** Price accounts the markets and custodies already read. */
  oracles: Partial<Record<FeedId, Address>>;
}

/** The initialised deployment of `programId`, or undefined when its config does not exist yet. */
export async function existingDeployment(client: ChainClient, rpc: ClusterRpc, programId: Address): Promise<ExistingDeployment | undefined> {
  const configAccount = await client.getAccount(await configAddress(programId));
  if (!configAccount || configAccount.owner !== programId || accountKind(configAccount.data) !== 'config') return undefined;
  const mints: Partial<Record<TokenId, Address>> = {};
  const oracles: Partial<Record<FeedId, Address>> = {};
  // The basket's decimals are distinct (USDC 6, SOL 9, WBTC 8, BONK 5): a custody's decimals name its token.
  const decimalsToken = (decimals: number) => TOKEN_IDS.find((t) => TOKENS[t].decimals === decimals);
  for (const [, account] of (await rpc.programAccounts(programId, ACCOUNT_LEN.custody)).value) {
    if (accountKind(account.data) !== 'custody') continue;
    const c = decodeCustody(account.data);
    const token = decimalsToken(c.decimals);
    if (!token) continue;
    mints[token] = c.mint;
    if (token !== 'USDC') oracles[TOKENS[token].feed] = c.oracle;
  }
  for (const [, account] of (await rpc.programAccounts(programId, ACCOUNT_LEN.market)).value) {
    if (accountKind(account.data) !== 'market') continue;
    const m = decodeMarket(account.data);
    const market = MARKET_IDS.find((id) => MARKET_INDEX[id] === m.index);
    if (market) oracles[MARKETS[market].feed] = m.oracle;
  }
  return { config: decodeConfig(configAccount.data), mints, oracles };
}
