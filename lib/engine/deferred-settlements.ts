import type { TokenId } from '@/lib/math/ids';

/**
 * The writes a batch of keeper settlements (Engine.keeperSettleMany) leaves for the transaction's one `flush`:
 * payouts and closed positions, appended as they happen, so a checkpoint is two lengths (O(1)) and a restore
 * truncates. `creditsByWallet` sums the payouts per (wallet, token) for the flush (one multi-row upsert cannot
 * touch a row twice).
 */
export class DeferredSettlements {
  private readonly credits: { owner: string; token: TokenId; amount: bigint }[] = [];
  private readonly deletes: string[] = [];

  credit(owner: string, token: TokenId, amount: bigint): void {
    this.credits.push({ owner, token, amount });
  }

  remove(positionId: string): void {
    this.deletes.push(positionId);
  }

  mark(): { credits: number; deletes: number } {
    return { credits: this.credits.length, deletes: this.deletes.length };
  }

  /** Drops what was appended after `mark`. */
  rewind(mark: { credits: number; deletes: number }): void {
    this.credits.length = mark.credits;
    this.deletes.length = mark.deletes;
  }

  /** Takes everything for the flush: payouts summed per (wallet, token), and the positions to delete. */
  drain(): { credits: { owner: string; token: TokenId; amount: bigint }[]; deletes: string[] } {
    const summed = new Map<string, { owner: string; token: TokenId; amount: bigint }>();
    for (const c of this.credits.splice(0)) {
      const key = `${c.owner}\u0000${c.token}`;
      summed.set(key, { owner: c.owner, token: c.token, amount: (summed.get(key)?.amount ?? 0n) + c.amount });
    }
    return { credits: [...summed.values()], deletes: this.deletes.splice(0) };
  }
}
