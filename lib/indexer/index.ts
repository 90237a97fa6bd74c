/** The indexer (indexer.ts): the program events of confirmed transactions into the history, with their signatures. */
export { startIndexer, type Indexer, type IndexerOptions, type IndexerRuntime, type BatchInfo, type IndexerStats } from './indexer';
export { recordFaucetDraw, type FaucetDraw } from './faucet';
export { INDEXER_LOCK_KEY, indexerLockKey } from './leader';
export { readCursor } from './cursor';
export { LocalSource } from './local-source';
export { RpcSource } from './rpc-source';
export { eventRow, decodeTransactions, transactionRows } from './map';
export type { HistoryRow, IndexedTransaction, IndexerCursor, TransactionBatch, TransactionSource } from './types';
