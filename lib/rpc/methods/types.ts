import type { LocalChain } from '@/lib/validator';

/** One JSON-RPC method: positional params in, the `result` value out (bigints become JSON numbers). */
export type RpcMethod = (chain: LocalChain, params: readonly unknown[]) => unknown;

export type RpcMethods = Readonly<Record<string, RpcMethod>>;
