import { MAX_PROCESSING_AGE, SLOTS_PER_EPOCH } from '@/lib/validator';
import { FEATURE_SET_ID, SOLANA_CORE_VERSION } from '../context';
import { invalidParams } from '../errors';
import { checkContext, config, required, u64 } from '../params';
import type { RpcMethods } from './types';

/** Node, slot and epoch methods. This chain produces every slot, so block height = slot and nothing is skipped. */
export const clusterMethods: RpcMethods = {
  getHealth: () => 'ok',

  getVersion: () => ({ 'solana-core': SOLANA_CORE_VERSION, 'feature-set': FEATURE_SET_ID }),

  getGenesisHash: (chain) => chain.genesisHash,

  /** The node identity: here the faucet's address (a single-node chain has no vote identity). */
  getIdentity: (chain) => ({ identity: chain.faucetAddress }),

  getSlot: (chain, params) => {
    checkContext(chain, config(params, 0));
    return chain.slot;
  },

  getBlockHeight: (chain, params) => {
    checkContext(chain, config(params, 0));
    return chain.blockHeight;
  },

  getTransactionCount: (chain, params) => {
    checkContext(chain, config(params, 0));
    return chain.transactionCount;
  },

  getEpochInfo: (chain, params) => {
    checkContext(chain, config(params, 0));
    return chain.epochInfo();
  },

  getEpochSchedule: () => ({
    slotsPerEpoch: SLOTS_PER_EPOCH,
    leaderScheduleSlotOffset: SLOTS_PER_EPOCH,
    warmup: false,
    firstNormalEpoch: 0,
    firstNormalSlot: 0,
  }),

  getFirstAvailableBlock: () => 0n,

  minimumLedgerSlot: () => 0n,

  getMinimumBalanceForRentExemption: (chain, params) => {
    const length = required(params, 0, 'a data length', (v) => u64(v, 'usize'));
    checkContext(chain, config(params, 1));
    return chain.minimumBalanceForRentExemption(length);
  },

  /** Priority fees are accepted but never charged here (LiteSVM charges signatures only): 0 for recent slots. */
  getRecentPrioritizationFees: (chain, params) => {
    const addresses = params[0];
    if (addresses !== undefined && addresses !== null && (!Array.isArray(addresses) || addresses.length > 128)) {
      throw invalidParams('Too many inputs provided; max 128');
    }
    const out: { slot: bigint; prioritizationFee: bigint }[] = [];
    const from = chain.slot > BigInt(MAX_PROCESSING_AGE) ? chain.slot - BigInt(MAX_PROCESSING_AGE) : 0n;
    for (let slot = from; slot <= chain.slot; slot++) out.push({ slot, prioritizationFee: 0n });
    return out;
  },
};
