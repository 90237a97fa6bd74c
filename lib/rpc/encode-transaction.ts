import bs58 from 'bs58';
import {
  decodeTransaction,
  type DecodedTransaction,
  type InnerInstructionSet,
  type TokenBalance,
  type TransactionRecord,
} from '@/lib/validator';
import { returnDataJson } from './chain-errors';
import { uiTokenAmount } from './parsed-token';

export type TransactionEncoding = 'json' | 'jsonParsed' | 'base58' | 'base64';

export function uiInnerInstructions(sets: readonly InnerInstructionSet[], keys?: readonly string[]): unknown[] {
  return sets.map((set) => ({
    index: set.index,
    instructions: set.instructions.map((ix) =>
      keys === undefined
        ? { programIdIndex: ix.programIdIndex, accounts: ix.accounts, data: bs58.encode(ix.data), stackHeight: ix.stackHeight }
        : {
            programId: keys[ix.programIdIndex],
            accounts: ix.accounts.map((i) => keys[i]),
            data: bs58.encode(ix.data),
            stackHeight: ix.stackHeight,
          },
    ),
  }));
}

export function uiTokenBalances(balances: readonly TokenBalance[]): unknown[] {
  return balances.map((b) => ({
    accountIndex: b.accountIndex,
    mint: b.mint,
    owner: b.owner,
    programId: b.programId,
    uiTokenAmount: uiTokenAmount(b.amount, b.decimals),
  }));
}

function meta(record: TransactionRecord, keys?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    err: record.err,
    status: record.err === null ? { Ok: null } : { Err: record.err },
    fee: record.fee,
    preBalances: record.preBalances,
    postBalances: record.postBalances,
    innerInstructions: uiInnerInstructions(record.innerInstructions, keys),
    logMessages: record.logs,
    preTokenBalances: uiTokenBalances(record.preTokenBalances),
    postTokenBalances: uiTokenBalances(record.postTokenBalances),
    rewards: [],
    loadedAddresses: { writable: record.loadedWritable, readonly: record.loadedReadonly },
    computeUnitsConsumed: record.computeUnits,
  };
  if (record.returnData !== null) out.returnData = returnDataJson(record);
  return out;
}

function jsonMessage(tx: DecodedTransaction): Record<string, unknown> {
  const message: Record<string, unknown> = {
    accountKeys: tx.staticAccounts,
    header: {
      numRequiredSignatures: tx.header.numSignerAccounts,
      numReadonlySignedAccounts: tx.header.numReadonlySignerAccounts,
      numReadonlyUnsignedAccounts: tx.header.numReadonlyNonSignerAccounts,
    },
    recentBlockhash: tx.blockhash,
    instructions: tx.instructions.map((ix) => ({
      programIdIndex: ix.programAddressIndex,
      accounts: ix.accountIndices,
      data: bs58.encode(ix.data),
      stackHeight: null,
    })),
  };
  if (tx.version === 0) {
    message.addressTableLookups = tx.lookups.map((l) => ({
      accountKey: l.lookupTableAddress,
      writableIndexes: l.writableIndexes,
      readonlyIndexes: l.readonlyIndexes,
    }));
  }
  return message;
}

/** `jsonParsed`: keys with their roles, instructions partially decoded (program id and account addresses). */
function parsedMessage(tx: DecodedTransaction, record: TransactionRecord): Record<string, unknown> {
  const staticCount = tx.staticAccounts.length;
  const writableLoaded = new Set(record.loadedWritable);
  const { numSignerAccounts, numReadonlySignerAccounts, numReadonlyNonSignerAccounts } = tx.header;
  const accountKeys = record.accountKeys.map((pubkey, i) => ({
    pubkey,
    signer: i < numSignerAccounts,
    writable:
      i < staticCount
        ? i < numSignerAccounts
          ? i < numSignerAccounts - numReadonlySignerAccounts
          : i < staticCount - numReadonlyNonSignerAccounts
        : writableLoaded.has(pubkey),
    source: i < staticCount ? 'transaction' : 'lookupTable',
  }));
  const keys = record.accountKeys;
  const message: Record<string, unknown> = {
    accountKeys,
    recentBlockhash: tx.blockhash,
    instructions: tx.instructions.map((ix) => ({
      programId: keys[ix.programAddressIndex],
      accounts: ix.accountIndices.map((i) => keys[i]),
      data: bs58.encode(ix.data),
      stackHeight: null,
    })),
  };
  if (tx.version === 0) message.addressTableLookups = jsonMessage(tx).addressTableLookups;
  return message;
}

/**
 * agave's `EncodedConfirmedTransactionWithStatusMeta`: `json` (compiled message), `jsonParsed` (keys with roles,
 * partially decoded instructions), or the wire bytes as `[data, "base64" | "base58"]`. `version` is present only
 * when the caller sent `maxSupportedTransactionVersion` (checked before this is called).
 */
export function encodeConfirmedTransaction(record: TransactionRecord, encoding: TransactionEncoding, withVersion: boolean): unknown {
  const tx = decodeTransaction(record.wire);
  let transaction: unknown;
  if (encoding === 'base64') transaction = [Buffer.from(record.wire).toString('base64'), 'base64'];
  else if (encoding === 'base58') transaction = [bs58.encode(record.wire), 'base58'];
  else if (encoding === 'json') transaction = { signatures: tx.signatures, message: jsonMessage(tx) };
  else transaction = { signatures: tx.signatures, message: parsedMessage(tx, record) };
  const out: Record<string, unknown> = {
    slot: record.slot,
    transaction,
    meta: meta(record, encoding === 'jsonParsed' ? record.accountKeys : undefined),
    blockTime: record.blockTime,
  };
  if (withVersion) out.version = record.version;
  return out;
}
