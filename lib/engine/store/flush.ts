import type { SqlClient } from '@/lib/db/types';
import { dec, decOrNull } from '@/lib/db/rows';
import type { PoolId, TokenId } from '@/lib/math/ids';
import type { CustodyRow, SideAggregateRow } from './rows';
import type { EventRecord } from './events';

/** What one engine transaction writes at its end (TxContext.flush): only the changed rows. */
export interface FlushWrites {
  custodies: readonly CustodyRow[];
  supplies: readonly { pool: PoolId; supply: bigint }[];
  aggregates: readonly SideAggregateRow[];
  events: readonly EventRecord[];
  /** Keeper batches: payouts per (wallet, token), each pair at most once, and closed positions. */
  credits?: readonly { owner: string; token: TokenId; amount: bigint }[];
  deletes?: readonly string[];
  nowS: number;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

function custodyUpdate(p: Params, rows: readonly CustodyRow[]): string {
  const values = rows.map(
    (c) =>
      `(${p.add(c.pool, 'text')}, ${p.add(c.token, 'text')}, ${p.add(dec(c.owned), 'numeric')}, ${p.add(dec(c.locked), 'numeric')}, ` +
      `${p.add(dec(c.collateral), 'numeric')}, ${p.add(dec(c.cumulativeInterest), 'numeric')}, ${p.add(dec(c.rateHourly), 'numeric')}, ` +
      `${p.add(c.lastAccrualS, 'bigint')})`,
  );
  return `UPDATE custodies AS c SET owned = v.owned, locked = v.locked, collateral = v.collateral,
      cumulative_interest = v.cumulative_interest, rate_hourly = v.rate_hourly, last_accrual_s = v.last_accrual_s
    FROM (VALUES ${values.join(', ')}) AS v(pool, token, owned, locked, collateral, cumulative_interest, rate_hourly, last_accrual_s)
    WHERE c.pool = v.pool AND c.token = v.token`;
}

function aggregateUpdate(p: Params, rows: readonly SideAggregateRow[]): string {
  const values = rows.map(
    (a) =>
      `(${p.add(a.market, 'text')}, ${p.add(a.side, 'text')}, ${p.add(dec(a.sizeUsd), 'numeric')}, ${p.add(dec(a.sizeOverEntry), 'numeric')}, ` +
      `${p.add(dec(a.carriedInterestUsd), 'numeric')}, ${p.add(dec(a.sizeTimesSnapshot), 'numeric')}, ${p.add(dec(a.count), 'numeric')})`,
  );
  return `UPDATE market_sides AS m SET size_usd = v.size_usd, size_over_entry = v.size_over_entry,
      carried_interest_usd = v.carried_interest_usd, size_times_snapshot = v.size_times_snapshot, count = v.count
    FROM (VALUES ${values.join(', ')}) AS v(market, side, size_usd, size_over_entry, carried_interest_usd, size_times_snapshot, count)
    WHERE m.market = v.market AND m.side = v.side`;
}

function eventInsert(p: Params, events: readonly EventRecord[], nowS: number): string {
  const values = events.map((e) => {
    const details: Record<string, string | number | null> = {};
    for (const [k, v] of Object.entries(e.details ?? {})) details[k] = typeof v === 'bigint' ? v.toString() : v;
    return (
      `(${p.add(e.owner, 'text')}, ${p.add(e.kind, 'text')}, ${p.add(e.pool, 'text')}, ${p.add(e.market ?? null, 'text')}, ` +
      `${p.add(e.side ?? null, 'text')}, ${p.add(nowS, 'bigint')}, ${p.add(decOrNull(e.sizeUsd), 'numeric')}, ` +
      `${p.add(decOrNull(e.price), 'numeric')}, ${p.add(decOrNull(e.realizedPnlUsd), 'numeric')}, ` +
      `${p.add(decOrNull(e.feesUsd), 'numeric')}, ${p.add(JSON.stringify(details), 'text')})`
    );
  });
  // Multi-row VALUES take their ids in order, so events keep the order they were recorded in.
  return `INSERT INTO events (owner, kind, pool, market, side, at, size_usd, price, realized_pnl_usd, fees_usd, details)
    VALUES ${values.join(', ')}`;
}

function creditUpsert(p: Params, credits: readonly { owner: string; token: TokenId; amount: bigint }[]): string {
  const values = credits.map((c) => `(${p.add(c.owner, 'text')}, ${p.add(c.token, 'text')}, ${p.add(dec(c.amount), 'numeric')})`);
  return `INSERT INTO balances (owner, token, amount) VALUES ${values.join(', ')}
    ON CONFLICT (owner, token) DO UPDATE SET amount = balances.amount + EXCLUDED.amount`;
}

function positionDelete(p: Params, ids: readonly string[]): string {
  // Ids are decimal strings (lib/engine/actions/load.ts parses them), so the array literal is safe.
  return `DELETE FROM positions WHERE id = ANY(${p.add(`{${ids.join(',')}}`, 'bigint[]')})`;
}

/**
 * All of a transaction's end writes as ONE statement (data-modifying CTEs: each runs exactly once, to completion,
 * whatever the outer query reads): the touched custodies, the changed LP supplies, the changed aggregates, the
 * recorded events and, for a keeper batch, the payouts and closed positions. Each targets other rows, so the order inside the statement does not matter. One round trip
 * instead of one per row (issue 8).
 */
export async function writeFlush(sql: SqlClient, w: FlushWrites): Promise<void> {
  const p = new Params();
  const parts: string[] = [];
  if (w.custodies.length > 0) parts.push(custodyUpdate(p, w.custodies));
  for (const { pool, supply } of w.supplies) {
    parts.push(`UPDATE pools SET lp_supply = ${p.add(dec(supply), 'numeric')} WHERE id = ${p.add(pool, 'text')}`);
  }
  if (w.aggregates.length > 0) parts.push(aggregateUpdate(p, w.aggregates));
  if (w.events.length > 0) parts.push(eventInsert(p, w.events, w.nowS));
  if (w.credits && w.credits.length > 0) parts.push(creditUpsert(p, w.credits));
  if (w.deletes && w.deletes.length > 0) parts.push(positionDelete(p, w.deletes));
  if (parts.length === 0) return;
  if (parts.length === 1) {
    await sql.query(parts[0] as string, p.values);
    return;
  }
  await sql.query(`WITH ${parts.map((s, i) => `w${i} AS (${s})`).join(',\n')} SELECT 1`, p.values);
}
