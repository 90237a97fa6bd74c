import type { ChainRuntime } from '@/lib/chain-runtime/runtime';
import { ServiceError } from './service-error';

/**
 * The chain a read or a builder needs. An instance runs none when it shares a PostgreSQL with the one that runs the
 * local chain and has no SOLANA_RPC_URL (lib/server/chain.ts): it answers 503 CHAIN_UNAVAILABLE with what to do.
 */
export function requireChain(chain: ChainRuntime | undefined): ChainRuntime {
  if (chain) return chain;
  throw new ServiceError(
    'CHAIN_UNAVAILABLE',
    'This server runs no chain: another instance on this database runs the local one. Set SOLANA_RPC_URL to its /api/rpc, or use that instance.',
  );
}
