/**
 * The address book of one deployment: every fixed account of the program (config, pools, LP mints, custodies,
 * vaults, escrows, markets, price accounts) from the program id and the token mints, derived once.
 * Indexes: pools ALP 0, RWALP 1; markets in MARKET_IDS order; custodies in POOLS order (their pool index).
 */
import type { Address } from '@solana/kit';
import { FEED_IDS, MARKET_IDS, POOL_IDS, TOKEN_IDS, type FeedId, type MarketId, type PoolId, type TokenId } from '@/lib/math/ids';
import { POOLS } from '@/lib/math/params';
import { FEED_ID_BYTES } from './feeds';
import { authorityAddress, configAddress, programDataAddress, custodyAddress, escrowAddress, lpMintAddress, marketAddress, poolAddress, priceAddress, vaultAddress } from './pda';

export type TokenMints = Readonly<Record<TokenId, Address>>;

export interface ChainAddresses {
  programId: Address;
  /** The upgradeable loader's ProgramData of the program (its upgrade authority initialises it). */
  programData: Address;
  config: Address;
  authority: Address;
  mints: TokenMints;
  pools: Readonly<Record<PoolId, Address>>;
  lpMints: Readonly<Record<PoolId, Address>>;
  custodies: Readonly<Record<PoolId, Readonly<Partial<Record<TokenId, Address>>>>>;
  vaults: Readonly<Record<PoolId, Readonly<Partial<Record<TokenId, Address>>>>>;
  escrows: Readonly<Record<TokenId, Address>>;
  markets: Readonly<Record<MarketId, Address>>;
  /** The price account the program reads per feed: the local ones, or Pyth's on a real cluster. */
  oracles: Readonly<Record<FeedId, Address>>;
}

export const POOL_INDEX: Readonly<Record<PoolId, number>> = { ALP: 0, RWALP: 1 };
export const MARKET_INDEX: Readonly<Record<MarketId, number>> = Object.fromEntries(MARKET_IDS.map((m, i) => [m, i])) as Record<MarketId, number>;

async function mapRecord<K extends string, V>(keys: readonly K[], f: (k: K) => Promise<V>): Promise<Record<K, V>> {
  const values = await Promise.all(keys.map(f));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<K, V>;
}

/** The local price account of each feed (PDA `["price", feed_id]`). */
export function localPriceAccounts(programId: Address): Promise<Record<FeedId, Address>> {
  return mapRecord(FEED_IDS, (feed) => priceAddress(programId, FEED_ID_BYTES[feed]));
}

/** Derives the address book; `oracles` overrides the price accounts (Pyth's on a real cluster). */
export async function deriveAddresses(programId: Address, mints: TokenMints, oracles?: Record<FeedId, Address>): Promise<ChainAddresses> {
  const pools = await mapRecord(POOL_IDS, (p) => poolAddress(programId, POOL_INDEX[p]));
  const lpMints = await mapRecord(POOL_IDS, (p) => lpMintAddress(programId, pools[p]));
  const custodies = await mapRecord(POOL_IDS, (p) => mapRecord(POOLS[p].custodies, (t) => custodyAddress(programId, pools[p], mints[t])));
  const vaults = await mapRecord(POOL_IDS, (p) =>
    mapRecord(POOLS[p].custodies, (t) => {
      const custody = custodies[p][t];
      if (!custody) throw new Error(`no ${p}/${t} custody`);
      return vaultAddress(programId, custody);
    }),
  );
  return {
    programId,
    programData: await programDataAddress(programId),
    config: await configAddress(programId),
    authority: await authorityAddress(programId),
    mints,
    pools,
    lpMints,
    custodies,
    vaults,
    escrows: await mapRecord(TOKEN_IDS, (t) => escrowAddress(programId, mints[t])),
    markets: await mapRecord(MARKET_IDS, (m) => marketAddress(programId, MARKET_INDEX[m])),
    oracles: oracles ?? (await localPriceAccounts(programId)),
  };
}

/** A custody's address (throws when the pool has no such custody). */
export function custodyOf(a: ChainAddresses, pool: PoolId, token: TokenId): Address {
  const c = a.custodies[pool][token];
  if (!c) throw new Error(`${pool} has no ${token} custody`);
  return c;
}

export function vaultOf(a: ChainAddresses, pool: PoolId, token: TokenId): Address {
  const v = a.vaults[pool][token];
  if (!v) throw new Error(`${pool} has no ${token} vault`);
  return v;
}
