import { getCompiledTransactionMessageDecoder, getCompiledTransactionMessageEncoder, type Address } from '@solana/kit';
import { addressAt } from '@/lib/chain/bytes';
import { InvalidTransactionError } from './errors';
import { LAMPORTS_PER_SIGNATURE, PRECOMPILES } from './programs';
import type { ChainAccount } from './types';
import { readWireMessage, readWireTransaction, type WireInstruction, type WireLookup, type WireMessage } from './wire-decode';

/** Solana's `PACKET_DATA_SIZE`: the largest wire transaction. */
export const PACKET_DATA_SIZE = 1232;

const messageDecoder = getCompiledTransactionMessageDecoder();

export type MessageHeader = WireMessage['header'];
export type MessageInstruction = WireInstruction;
export type MessageLookup = WireLookup;

/** A legacy or v0 message (wire-decode.ts; the same fields as kit's compiled message decoder). */
export interface DecodedMessage extends Omit<WireMessage, 'version'> {
  readonly version: 'legacy' | 0;
}

export interface DecodedTransaction extends DecodedMessage {
  readonly wire: Uint8Array;
  /** The message part of the wire (what the signatures sign). */
  readonly messageBytes: Uint8Array;
  /** The first signature (the fee payer's), base58: the transaction's id. */
  readonly signature: string;
  readonly signatures: readonly string[];
}

export interface LoadedAddresses {
  readonly writable: readonly Address[];
  readonly readonly: readonly Address[];
}

export const NO_LOADED_ADDRESSES: LoadedAddresses = { writable: [], readonly: [] };

/** Decodes a message (legacy or v0, wire-decode.ts); throws InvalidTransactionError. */
export function decodeMessage(bytes: Uint8Array): DecodedMessage {
  let message: WireMessage;
  try {
    message = readWireMessage(bytes);
  } catch (error) {
    throw new InvalidTransactionError(`failed to deserialize message: ${(error as Error).message}`);
  }
  const { version } = message;
  if (version !== 'legacy' && version !== 0) throw new InvalidTransactionError(`unsupported transaction version: ${String(version)}`);
  return { ...message, version };
}

/** Decodes a wire transaction (signatures + message); throws InvalidTransactionError. */
export function decodeTransaction(wire: Uint8Array): DecodedTransaction {
  if (wire.length > PACKET_DATA_SIZE) {
    throw new InvalidTransactionError(`transaction too large: ${wire.length} bytes (max: ${PACKET_DATA_SIZE} bytes)`);
  }
  let parts: ReturnType<typeof readWireTransaction>;
  try {
    parts = readWireTransaction(wire);
  } catch (error) {
    throw new InvalidTransactionError(`failed to deserialize transaction: ${(error as Error).message}`);
  }
  const messageBytes = parts.messageBytes.slice();
  const message = decodeMessage(messageBytes);
  const { signatures } = parts;
  const signature = signatures[0];
  const signers = message.staticAccounts.slice(0, message.header.numSignerAccounts);
  if (signature === undefined || signatures.length !== message.header.numSignerAccounts || signers.length !== signatures.length || new Set(signers).size !== signers.length) {
    throw new InvalidTransactionError('transaction signature count does not match its message');
  }
  return { ...message, wire, messageBytes, signature, signatures };
}

/** Solana's rule for static keys: signers first (writable then readonly), then non-signers (writable then readonly). */
export function isStaticWritable(message: DecodedMessage, index: number): boolean {
  const { numSignerAccounts, numReadonlySignerAccounts, numReadonlyNonSignerAccounts } = message.header;
  if (index < numSignerAccounts) return index < numSignerAccounts - numReadonlySignerAccounts;
  return index < message.staticAccounts.length - numReadonlyNonSignerAccounts;
}

/** Address lookup table layout: 56 bytes of metadata (`LOOKUP_TABLE_META_SIZE`), then 32-byte addresses. */
const LOOKUP_TABLE_META_SIZE = 56;

/**
 * The addresses a v0 message loads from lookup tables (writable ones first, as the runtime orders them), read from
 * the current accounts; `null` if a table or index does not resolve (the runtime then refuses the transaction).
 */
export function resolveLookups(message: DecodedMessage, read: (address: Address) => ChainAccount | null): LoadedAddresses | null {
  if (message.lookups.length === 0) return NO_LOADED_ADDRESSES;
  const writable: Address[] = [];
  const readonly: Address[] = [];
  for (const lookup of message.lookups) {
    const table = read(lookup.lookupTableAddress);
    if (table === null) return null;
    const pick = (index: number): Address | null => {
      const start = LOOKUP_TABLE_META_SIZE + index * 32;
      if (start + 32 > table.data.length) return null;
      return addressAt(table.data, start);
    };
    for (const [indexes, into] of [[lookup.writableIndexes, writable], [lookup.readonlyIndexes, readonly]] as const) {
      for (const index of indexes) {
        const key = pick(index);
        if (key === null) return null;
        into.push(key);
      }
    }
  }
  return { writable, readonly };
}

/**
 * The fee LiteSVM charges (and so this chain): `solana_fee::calculate_fee` with no prioritization fee, i.e. 5,000
 * lamports per transaction signature and per precompile signature (Ed25519, secp256k1, secp256r1 instructions
 * count theirs in their first data byte). Compute-unit prices are accepted but not charged, as in LiteSVM.
 */
export function signatureFee(message: DecodedMessage): bigint {
  let signatures = BigInt(message.header.numSignerAccounts);
  for (const ix of message.instructions) {
    const program = message.staticAccounts[ix.programAddressIndex];
    if (program !== undefined && PRECOMPILES.has(program)) signatures += BigInt(ix.data[0] ?? 0);
  }
  return signatures * LAMPORTS_PER_SIGNATURE;
}

/** Every key of the message in the runtime's order: static keys, then loaded writable, then loaded readonly. */
export function allAccountKeys(message: DecodedMessage, loaded: LoadedAddresses): Address[] {
  return [...message.staticAccounts, ...loaded.writable, ...loaded.readonly];
}

/** The keys the transaction may write: static writable keys (the fee payer first) and loaded writable keys. */
export function writableKeys(message: DecodedMessage, loaded: LoadedAddresses): Address[] {
  const keys = message.staticAccounts.filter((_, i) => isStaticWritable(message, i));
  return [...keys, ...loaded.writable];
}

/**
 * The same transaction with another recent blockhash (simulateTransaction's `replaceRecentBlockhash`): the message is
 * re-encoded, the signatures are kept (they no longer verify, which is why agave forbids `sigVerify` with it).
 */
export function replaceBlockhash(tx: DecodedTransaction, blockhash: string): Uint8Array {
  const compiled = messageDecoder.decode(tx.messageBytes);
  const message = getCompiledTransactionMessageEncoder().encode({ ...compiled, lifetimeToken: blockhash });
  const signaturesPart = tx.wire.subarray(0, tx.wire.length - tx.messageBytes.length);
  const out = new Uint8Array(signaturesPart.length + message.length);
  out.set(signaturesPart);
  out.set(message, signaturesPart.length);
  return out;
}
