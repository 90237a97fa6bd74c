import type { Address } from '@solana/kit';
import { big } from '@/lib/db/rows';
import type {
  InnerInstructionSet,
  ReturnData,
  TokenBalance,
  TransactionErrorJson,
  TransactionRecord,
} from './types';

/** The JSON kept in `chain_transactions.meta`: u64 values as decimal strings, bytes as base64. */
interface MetaJson {
  loadedWritable: string[];
  loadedReadonly: string[];
  preBalances: string[];
  postBalances: string[];
  preTokenBalances: TokenBalanceJson[];
  postTokenBalances: TokenBalanceJson[];
  innerInstructions: { index: number; instructions: { programIdIndex: number; accounts: number[]; data: string; stackHeight: number }[] }[];
  returnData: { programId: string; data: string } | null;
}

interface TokenBalanceJson {
  accountIndex: number;
  mint: string;
  owner: string;
  programId: string;
  amount: string;
  decimals: number;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const unb64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

function tokenBalanceJson(b: TokenBalance): TokenBalanceJson {
  return { ...b, amount: b.amount.toString() };
}

function tokenBalance(b: TokenBalanceJson): TokenBalance {
  return { ...b, mint: b.mint as Address, owner: b.owner as Address, programId: b.programId as Address, amount: BigInt(b.amount) };
}

export function encodeMeta(r: TransactionRecord): string {
  const meta: MetaJson = {
    loadedWritable: [...r.loadedWritable],
    loadedReadonly: [...r.loadedReadonly],
    preBalances: r.preBalances.map(String),
    postBalances: r.postBalances.map(String),
    preTokenBalances: r.preTokenBalances.map(tokenBalanceJson),
    postTokenBalances: r.postTokenBalances.map(tokenBalanceJson),
    innerInstructions: r.innerInstructions.map((set) => ({
      index: set.index,
      instructions: set.instructions.map((ix) => ({ ...ix, accounts: [...ix.accounts], data: b64(ix.data) })),
    })),
    returnData: r.returnData === null ? null : { programId: r.returnData.programId, data: b64(r.returnData.data) },
  };
  return JSON.stringify(meta);
}

function innerInstructions(meta: MetaJson): InnerInstructionSet[] {
  return meta.innerInstructions.map((set) => ({
    index: set.index,
    instructions: set.instructions.map((ix) => ({ ...ix, data: unb64(ix.data) })),
  }));
}

function returnData(meta: MetaJson): ReturnData | null {
  return meta.returnData === null ? null : { programId: meta.returnData.programId as Address, data: unb64(meta.returnData.data) };
}

/** A `chain_transactions` row as both drivers return it (integers may come as strings, numbers or bigints). */
export interface TransactionRow {
  signature: string;
  seq: unknown;
  slot: unknown;
  block_time: unknown;
  blockhash: string;
  version: string;
  err: string | null;
  logs: string;
  compute_units: unknown;
  fee: unknown;
  account_keys: string;
  meta: string;
  memo: string | null;
  wire: Uint8Array;
}

export function decodeTransactionRow(row: TransactionRow): TransactionRecord {
  const meta = JSON.parse(row.meta) as MetaJson;
  return {
    signature: row.signature,
    seq: Number(big(row.seq)),
    slot: big(row.slot),
    blockTime: big(row.block_time),
    blockhash: row.blockhash,
    version: row.version === 'legacy' ? 'legacy' : 0,
    err: parseErr(row.err),
    logs: JSON.parse(row.logs) as string[],
    computeUnits: big(row.compute_units),
    fee: big(row.fee),
    accountKeys: JSON.parse(row.account_keys) as Address[],
    loadedWritable: meta.loadedWritable as Address[],
    loadedReadonly: meta.loadedReadonly as Address[],
    preBalances: meta.preBalances.map(BigInt),
    postBalances: meta.postBalances.map(BigInt),
    preTokenBalances: meta.preTokenBalances.map(tokenBalance),
    postTokenBalances: meta.postTokenBalances.map(tokenBalance),
    innerInstructions: innerInstructions(meta),
    returnData: returnData(meta),
    memo: row.memo,
    wire: new Uint8Array(row.wire),
  };
}

export function parseErr(text: string | null): TransactionErrorJson | null {
  return text === null ? null : (JSON.parse(text) as TransactionErrorJson);
}
