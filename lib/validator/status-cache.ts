import type { SignatureStatus, TransactionErrorJson } from './types';

interface Entry {
  readonly slot: bigint;
  readonly err: TransactionErrorJson | null;
  readonly blockhash: string;
  committed: boolean;
}

/**
 * Statuses of recent transactions, as agave's status cache: what refuses a second copy of a signature while its
 * blockhash is still valid (AlreadyProcessed), and what `getSignatureStatuses` answers without
 * `searchTransactionHistory`. An entry is added when its transaction executes (so a duplicate is refused while the
 * first is being committed) and is visible to readers once committed. Entries older than `keepSlots` are dropped
 * (such a transaction's blockhash has long expired, so no copy of it can execute again).
 */
export class StatusCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly keepSlots: bigint) {}

  has(signature: string): boolean {
    return this.entries.has(signature);
  }

  /** The committed status, if the signature is recent. */
  get(signature: string): SignatureStatus | undefined {
    const entry = this.entries.get(signature);
    return entry?.committed ? { slot: entry.slot, err: entry.err } : undefined;
  }

  add(signature: string, status: { slot: bigint; err: TransactionErrorJson | null; blockhash: string }, committed: boolean): void {
    this.entries.set(signature, { ...status, committed });
  }

  markCommitted(signature: string): void {
    const entry = this.entries.get(signature);
    if (entry !== undefined) entry.committed = true;
  }

  prune(currentSlot: bigint): void {
    const oldest = currentSlot - this.keepSlots;
    for (const [signature, entry] of this.entries) {
      if (entry.slot >= oldest) break; // insertion order is execution order, so slots only grow
      this.entries.delete(signature);
    }
  }
}
