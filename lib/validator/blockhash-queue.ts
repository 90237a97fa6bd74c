import { createHash } from 'node:crypto';
import { getBase58Decoder, getBase58Encoder } from '@solana/kit';
import { MAX_PROCESSING_AGE } from './programs';
import type { BlockhashEntry } from './types';

const base58Decoder = getBase58Decoder();
const base58Encoder = getBase58Encoder();

/** The next slot's blockhash: sha256 of the previous one and the slot (deterministic, so replayable). */
export function nextBlockhash(previous: string, slot: bigint): string {
  const slotBytes = Buffer.alloc(8);
  slotBytes.writeBigUInt64LE(slot);
  const digest = createHash('sha256').update(base58Encoder.encode(previous) as Uint8Array).update(slotBytes).digest();
  return base58Decoder.decode(digest);
}

/**
 * The recent blockhashes, one per slot (this chain skips no slot, so block height = slot). As agave's
 * `BlockhashQueue` with `MAX_PROCESSING_AGE` = 150: a blockhash is valid while its age (blocks since) is at most 150,
 * so its last valid block height is its slot + 150; 151 hashes are kept.
 */
export class BlockhashQueue {
  private entries: BlockhashEntry[];
  private readonly bySlot = new Map<string, bigint>();

  constructor(entries: readonly BlockhashEntry[]) {
    if (entries.length === 0) throw new Error('A blockhash queue needs a genesis blockhash');
    this.entries = [...entries];
    for (const e of this.entries) this.bySlot.set(e.blockhash, e.slot);
    this.trim();
  }

  get latest(): BlockhashEntry {
    return this.entries[this.entries.length - 1] as BlockhashEntry;
  }

  /** Oldest first. */
  snapshot(): readonly BlockhashEntry[] {
    return this.entries;
  }

  push(entry: BlockhashEntry): void {
    this.entries.push(entry);
    this.bySlot.set(entry.blockhash, entry.slot);
    this.trim();
  }

  /** The slot the blockhash was produced in, if it is still valid. */
  slotOf(blockhash: string): bigint | undefined {
    return this.bySlot.get(blockhash);
  }

  isValid(blockhash: string): boolean {
    return this.bySlot.has(blockhash);
  }

  lastValidBlockHeight(blockhash: string): bigint | undefined {
    const slot = this.slotOf(blockhash);
    return slot === undefined ? undefined : slot + BigInt(MAX_PROCESSING_AGE);
  }

  private trim(): void {
    const excess = this.entries.length - (MAX_PROCESSING_AGE + 1);
    if (excess <= 0) return;
    for (const e of this.entries.slice(0, excess)) this.bySlot.delete(e.blockhash);
    this.entries = this.entries.slice(excess);
  }
}
