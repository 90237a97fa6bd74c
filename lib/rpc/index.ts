export { handleRpc, handleRpcText, RPC_METHODS, MAX_BATCH, type RpcReply, type RpcSuccess, type RpcFailure } from './handler';
export { parseJson, stringifyJson } from './json';
export * from './errors';
export { SOLANA_CORE_VERSION, FEATURE_SET_ID } from './context';
export { PubSubSession } from './pubsub';
export { startRpcServer, rpcRequestListener, attachPubSub, type RunningRpcServer } from './server';
