/**
 * Faucet draws in the history. A draw is SPL mint-to and a system airdrop, no program instruction, so no event
 * reaches the indexer: the faucet route records it here with its transaction's signature, one `faucet` row per
 * token (`details` { token, amount }, as lib/engine/actions/faucet.ts). Idempotent: recording the same draw twice
 * adds nothing (event_index -1, -2, … never collides with a program event's, which count from 0).
 */
import type { Database } from '@/lib/db/types';
import type { TokenId } from '@/lib/math/ids';
import { insertRows } from './sink';
import type { HistoryRow } from './types';

export interface FaucetDraw {
  owner: string;
  received: readonly { token: TokenId; amount: bigint }[];
  signature: string;
  /** Unix seconds (the chain's clock); default now. */
  at?: number;
  slot?: bigint;
}

/** The rows inserted (0 when the draw was recorded already). */
export function recordFaucetDraw(db: Pick<Database, 'sql'>, d: FaucetDraw): Promise<number> {
  const at = BigInt(Math.floor(d.at ?? Date.now() / 1000));
  const rows: HistoryRow[] = d.received.map((r, i) => ({
    signature: d.signature,
    slot: d.slot ?? null,
    eventIndex: -(i + 1),
    at,
    owner: d.owner,
    kind: 'faucet',
    pool: null,
    market: null,
    side: null,
    sizeUsd: null,
    price: null,
    realizedPnlUsd: null,
    feesUsd: null,
    details: { token: r.token, amount: r.amount.toString() },
  }));
  return insertRows(db.sql, rows);
}
