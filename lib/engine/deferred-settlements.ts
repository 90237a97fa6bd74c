import type { TokenId } from '@/lib/math/ids';

/**
 * The writes a batch of keeper settlements (Engine.keeperSettleMany) leaves for the transaction's one `flush`:
 * payouts summed per (wallet, token) (one multi-row upsert cannot touch a row twice) and closed positions.
 */
export class DeferredSettlements {
  constructor(
    readonly credits = new Map<string, { owner: string; token: TokenId; amount: bigint }>(),
    readonly deletes: string[] = [],
  ) {}

  credit(owner: string, token: TokenId, amount: bigint): void {
    const key = `${owner}\u0000${token}`;
    const prev = this.credits.get(key);
    this.credits.set(key, { owner, token, amount: (prev?.amount ?? 0n) + amount });
  }

  remove(positionId: string): void {
    this.deletes.push(positionId);
  }

  copy(): DeferredSettlements {
    return new DeferredSettlements(new Map([...this.credits].map(([k, v]) => [k, { ...v }])), [...this.deletes]);
  }
}
