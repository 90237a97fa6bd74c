/**
 * What a cluster already holds of a deployment, so `npm run deploy:program` can skip it: the program (deployed
 * through the upgradeable loader, whether its bytes are the committed binary's, its upgrade authority), the config (oracle kind and
 * authority), the mints and price accounts the custodies and markets were initialised with.
 */
import { createHash } from 'node:crypto';
import { getAddressDecoder, type Address } from '@solana/kit';
import { MARKET_IDS, TOKEN_IDS, type FeedId, type TokenId } from '@/lib/math/ids';
import { MARKETS, TOKENS } from '@/lib/math/params';
import { decodeConfig, decodeCustody, decodeMarket, type ConfigAccount } from '@/lib/chain/accounts';
import { accountKind, ACCOUNT_LEN } from '@/lib/chain/tags';
import { configAddress, programDataAddress } from '@/lib/chain/pda';
import { MARKET_INDEX } from '@/lib/chain/addresses';
import { PROGRAMDATA_METADATA_SIZE } from '@/lib/chain/loader/constants';
import type { ClusterRpc } from '@/lib/chain-runtime/cluster-rpc';
import type { ChainClient } from './chain-client';

export const BPF_LOADER_UPGRADEABLE = 'BPFLoaderUpgradeab1e11111111111111111111111' as Address;
/** ProgramData: tag u32, slot u64, Option<authority> (1 + 32), then the program's bytes. */
const PROGRAM_DATA_HEADER = PROGRAMDATA_METADATA_SIZE;

export type ProgramStatus =
  | { kind: 'absent' }
  | {
      kind: 'deployed';
      /** The ProgramData holds `bytes` (then only the zeros an upgrade or extension leaves). */
      sameBytes: boolean;
      /** The ProgramData's upgrade authority (null: immutable). */
      upgradeAuthority: Address | null;
      /** sha256 (hex) of the deployed binary: the ELF the ProgramData holds, without the padding behind it. */
      deployedSha256: string;
    }
  | { kind: 'other'; owner: Address };

/**
 * The length of the ELF at the start of `body` (the section header table ends an SBPF ELF, as our linker and
 * cargo-build-sbf write it), or the whole body when it does not parse as one: what a ProgramData holds of the
 * program it was deployed or upgraded with (an ELF may itself end in zeros, so trimming them would not do).
 */
export function elfLength(body: Uint8Array): number {
  if (body.length < 64 || body[0] !== 0x7f || body[1] !== 0x45 || body[2] !== 0x4c || body[3] !== 0x46) return body.length;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const end = Number(view.getBigUint64(0x28, true)) + view.getUint16(0x3a, true) * view.getUint16(0x3c, true);
  return end >= 64 && end <= body.length ? end : body.length;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function programStatus(client: ChainClient, programId: Address, bytes: Uint8Array): Promise<ProgramStatus> {
  const program = await client.getAccount(programId);
  if (!program) return { kind: 'absent' };
  if (program.owner !== BPF_LOADER_UPGRADEABLE || program.data.length < 36 || new DataView(program.data.buffer, program.data.byteOffset).getUint32(0, true) !== 2) {
    return { kind: 'other', owner: program.owner };
  }
  const data = (await client.getAccount(await programDataAddress(programId)))?.data ?? new Uint8Array();
  const body = data.subarray(PROGRAM_DATA_HEADER);
  const sameBytes = data.length >= PROGRAM_DATA_HEADER && body.length >= bytes.length && bytes.every((b, i) => body[i] === b) && body.subarray(bytes.length).every((b) => b === 0);
  // ProgramData: u32 tag 3, u64 slot, then Option<Pubkey>: 1 and the authority, or 0.
  const upgradeAuthority = data.length >= PROGRAM_DATA_HEADER && data[12] === 1 ? getAddressDecoder().decode(data.subarray(13, PROGRAM_DATA_HEADER)) : null;
  return { kind: 'deployed', sameBytes, upgradeAuthority, deployedSha256: sha256Hex(body.subarray(0, elfLength(body))) };
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
