export { LocalChain, type LocalChainOptions, type SendOptions, type SendResult, type CommitEvent } from './local-chain';
export type { ChainStore, CommitBatch, RecentStatus, SignaturesQuery } from './store';
export { SqlChainStore } from './store-sql';
export type { AccountFilter } from './account-index';
export type { SimulationOptions, SimulationResult } from './simulate';
export type { EpochInfo, TokenAccountsSelector } from './reads';
export type { RestoreReport } from './restore';
export {
  ChainError,
  ChainClosedError,
  CommitFailedError,
  InvalidTransactionError,
  SignatureVerificationError,
  TransactionRejectedError,
  type RejectionDetails,
} from './errors';
export { transactionErrorText } from './tx-error-text';
export { parseMint, parseTokenAccount, hasTokenExtensions, type MintState, type TokenAccountState } from './token-layout';
export { decodeMessage, decodeTransaction, PACKET_DATA_SIZE, type DecodedTransaction, type DecodedMessage } from './message';
export * from './programs';
export type * from './types';
