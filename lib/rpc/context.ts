import type { LocalChain } from '@/lib/validator';

/**
 * What `getVersion` reports and every context carries as `apiVersion`: the agave line whose runtime LiteSVM 1.5
 * embeds. `feature-set` is a fixed identifier of this chain's feature set (all features on).
 */
export const SOLANA_CORE_VERSION = '3.0.0';
export const FEATURE_SET_ID = 3_294_202_862;

export interface RpcResponse<T> {
  readonly context: { readonly slot: bigint; readonly apiVersion: string };
  readonly value: T;
}

/** agave's `new_response`: the value with the slot it was read at. */
export function withContext<T>(chain: LocalChain, value: T): RpcResponse<T> {
  return { context: { slot: chain.slot, apiVersion: SOLANA_CORE_VERSION }, value };
}
