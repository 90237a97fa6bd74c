/**
 * The reads a cluster runtime makes of a Solana JSON-RPC (kit's `createSolanaRpc`): many accounts at one slot
 * (getMultipleAccounts, 100 per request as agave allows), a program's accounts of one size with the slot they
 * were read at (getProgramAccounts, dataSize filter, withContext), the Clock sysvar's `unix_timestamp`, the slot
 * and the genesis hash (which names the cluster). Used by the cluster runtime and by `npm run deploy:program`.
 */
import { createSolanaRpc, type Address } from '@solana/kit';

export interface ReadAccount {
  owner: Address;
  lamports: bigint;
  data: Uint8Array;
}

export interface AtSlot<T> {
  slot: bigint;
  value: T;
}

export const CLOCK_SYSVAR = 'SysvarC1ock11111111111111111111111111111111' as Address;
/** Clock: slot u64, epoch_start_timestamp i64, epoch u64, leader_schedule_epoch u64, unix_timestamp i64. */
const UNIX_TIMESTAMP_OFFSET = 32;
const MAX_MULTIPLE_ACCOUNTS = 100;

/** Genesis hashes of the public clusters (what GET /api/chain's `cluster` says; anything else is "custom"). */
const CLUSTER_NAMES: Readonly<Record<string, string>> = {
  '5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d': 'mainnet-beta',
  EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG: 'devnet',
  '4uhcVJyU9pJkvQyS88uRDiswHXSCkY3zQawwpjk2NsNY': 'testnet',
};

export function clusterName(genesisHash: string): string {
  return CLUSTER_NAMES[genesisHash] ?? 'custom';
}

export function decodeClockUnixTimestamp(data: Uint8Array): bigint {
  if (data.length < UNIX_TIMESTAMP_OFFSET + 8) throw new RangeError(`the Clock sysvar has ${data.length} bytes`);
  return new DataView(data.buffer, data.byteOffset, data.byteLength).getBigInt64(UNIX_TIMESTAMP_OFFSET, true);
}

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

export interface ClusterRpc {
  /** The accounts in order (null: none), read at one slot per 100. */
  getMultiple(addresses: readonly Address[]): Promise<AtSlot<(ReadAccount | null)[]>>;
  /** Every account of `program` with `dataSize` bytes. */
  programAccounts(program: Address, dataSize: number): Promise<AtSlot<[Address, ReadAccount][]>>;
  genesisHash(): Promise<string>;
  /** The confirmed slot. */
  slot(): Promise<bigint>;
}

export function clusterRpc(url: string): ClusterRpc {
  const rpc = createSolanaRpc(url);
  return {
    async getMultiple(addresses) {
      const out: (ReadAccount | null)[] = [];
      let slot = 0n;
      for (let at = 0; at < addresses.length; at += MAX_MULTIPLE_ACCOUNTS) {
        const { context, value } = await rpc.getMultipleAccounts(addresses.slice(at, at + MAX_MULTIPLE_ACCOUNTS), { encoding: 'base64', commitment: 'confirmed' }).send();
        slot = at === 0 || context.slot < slot ? context.slot : slot;
        for (const a of value) out.push(a ? { owner: a.owner, lamports: a.lamports, data: bytes(a.data[0]) } : null);
      }
      return { slot, value: out };
    },
    async programAccounts(program, dataSize) {
      const { context, value } = await rpc
        .getProgramAccounts(program, { encoding: 'base64', commitment: 'confirmed', withContext: true, filters: [{ dataSize: BigInt(dataSize) }] })
        .send();
      return { slot: context.slot, value: value.map((k) => [k.pubkey, { owner: k.account.owner, lamports: k.account.lamports, data: bytes(k.account.data[0]) }] as [Address, ReadAccount]) };
    },
    async genesisHash() {
      return rpc.getGenesisHash().send();
    },
    async slot() {
      return rpc.getSlot({ commitment: 'confirmed' }).send();
    },
  };
}
