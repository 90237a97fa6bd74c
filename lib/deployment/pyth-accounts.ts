/**
 * Pyth's sponsored price feed accounts on Solana: `PriceUpdateV2` accounts owned by the Pyth receiver
 * (rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ), at the PDA `[shard_id u16 LE, feed_id]` of the Pyth push oracle
 * program (pyth_solana_receiver_sdk `PYTH_PUSH_ORACLE_ID`); shard 0 is the one Pyth keeps updated. The same
 * addresses on devnet and mainnet: the default price accounts of `npm run deploy:program -- --oracle pyth`.
 */
import { getProgramDerivedAddress, type Address } from '@solana/kit';
import { FEED_IDS, type FeedId } from '@/lib/math/ids';
import { FEED_ID_BYTES } from '@/lib/chain/feeds';

export const PYTH_PUSH_ORACLE = 'pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT' as Address;

export async function pythPriceFeedAccount(feed: FeedId, shard = 0): Promise<Address> {
  const shardBytes = Uint8Array.of(shard & 0xff, (shard >> 8) & 0xff);
  const [address] = await getProgramDerivedAddress({ programAddress: PYTH_PUSH_ORACLE, seeds: [shardBytes, FEED_ID_BYTES[feed]] });
  return address;
}

export async function pythPriceFeedAccounts(shard = 0): Promise<Record<FeedId, Address>> {
  const addresses = await Promise.all(FEED_IDS.map((f) => pythPriceFeedAccount(f, shard)));
  return Object.fromEntries(FEED_IDS.map((f, i) => [f, addresses[i]])) as Record<FeedId, Address>;
}
