import type { LocalChain } from '@/lib/validator';
import { rpcErrorOf } from './chain-errors';
import { RPC_INVALID_REQUEST, RPC_METHOD_NOT_FOUND, RPC_PARSE_ERROR, RpcError } from './errors';
import { parseJson, stringifyJson } from './json';
import { accountMethods } from './methods/accounts';
import { blockhashMethods } from './methods/blockhash';
import { clusterMethods } from './methods/cluster';
import { historyMethods } from './methods/history';
import { sendMethods } from './methods/send';
import { tokenMethods } from './methods/tokens';
import type { RpcMethods } from './methods/types';
import { paramList } from './params';

export const RPC_METHODS: RpcMethods = {
  ...clusterMethods,
  ...blockhashMethods,
  ...accountMethods,
  ...tokenMethods,
  ...sendMethods,
  ...historyMethods,
};

/** Most requests in one batch. */
export const MAX_BATCH = 1000;

type Id = string | number | bigint | null;

export interface RpcSuccess {
  readonly jsonrpc: '2.0';
  readonly result: unknown;
  readonly id: Id;
}

export interface RpcFailure {
  readonly jsonrpc: '2.0';
  readonly error: { code: number; message: string; data?: unknown };
  readonly id: Id;
}

export type RpcReply = RpcSuccess | RpcFailure;

function failure(error: RpcError, id: Id): RpcFailure {
  return { jsonrpc: '2.0', error: error.toJson(), id };
}

function isId(value: unknown): value is Id {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}

/** One request object; undefined for a notification (no `id`), which gets no reply. */
async function handleOne(chain: LocalChain, request: unknown): Promise<RpcReply | undefined> {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return failure(new RpcError(RPC_INVALID_REQUEST, 'Invalid request'), null);
  }
  const { jsonrpc, method, params, id } = request as Record<string, unknown>;
  const replyId: Id = isId(id) ? id : null;
  if (jsonrpc !== '2.0' || typeof method !== 'string' || (id !== undefined && !isId(id))) {
    return failure(new RpcError(RPC_INVALID_REQUEST, 'Invalid request'), replyId);
  }
  const handler = Object.hasOwn(RPC_METHODS, method) ? RPC_METHODS[method] : undefined;
  let reply: RpcReply;
  if (handler === undefined) {
    reply = failure(new RpcError(RPC_METHOD_NOT_FOUND, 'Method not found'), replyId);
  } else {
    try {
      reply = { jsonrpc: '2.0', result: await handler(chain, paramList(params)), id: replyId };
    } catch (error) {
      reply = failure(rpcErrorOf(error), replyId);
    }
  }
  return id === undefined ? undefined : reply;
}

/**
 * Solana JSON-RPC 2.0 over the local chain: a single request or a batch (answered in order; notifications, i.e.
 * requests without `id`, are run and not answered). The reply holds bigints where Solana writes u64 JSON numbers:
 * serialise it with `stringifyJson` (or use `handleRpcText`). Undefined when nothing is to be answered.
 */
export async function handleRpc(chain: LocalChain, body: unknown): Promise<unknown> {
  if (!Array.isArray(body)) return handleOne(chain, body);
  if (body.length === 0) return failure(new RpcError(RPC_INVALID_REQUEST, 'Invalid request'), null);
  if (body.length > MAX_BATCH) return failure(new RpcError(RPC_INVALID_REQUEST, `Batch too large; max ${MAX_BATCH}`), null);
  // Started in order without waiting for one another: the sends of a batch execute in the order they were
  // written and share group commits; the replies keep the requests' order.
  const replies = (await Promise.all(body.map((request) => handleOne(chain, request)))).filter((r) => r !== undefined);
  return replies.length === 0 ? undefined : replies;
}

/** The whole exchange on text: parse (exact u64s), handle, serialise; '' when there is no reply. */
export async function handleRpcText(chain: LocalChain, text: string): Promise<string> {
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    return stringifyJson(failure(new RpcError(RPC_PARSE_ERROR, 'Parse error'), null));
  }
  const reply = await handleRpc(chain, body);
  return reply === undefined ? '' : stringifyJson(reply);
}
