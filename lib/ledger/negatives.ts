import type { SqlClient } from '@/lib/db/types';

/** Every integer column that holds an amount, a size or a count and must never go below zero. */
export const NON_NEGATIVE_COLUMNS: Readonly<Record<string, { key: string; columns: readonly string[] }>> = {
  balances: { key: "owner || '/' || token", columns: ['amount'] },
  lp_balances: { key: "owner || '/' || pool", columns: ['amount'] },
  pools: { key: 'id', columns: ['lp_supply'] },
  custodies: { key: "pool || '/' || token", columns: ['owned', 'locked', 'collateral'] },
  positions: {
    key: "'position ' || id::text",
    columns: ['collateral_amount', 'collateral_usd', 'size_usd', 'entry_price', 'lock_amount', 'exit_fee_usd', 'liquidation_fee_usd'],
  },
  orders: { key: "'order ' || id::text", columns: ['collateral_amount', 'leverage_bps', 'trigger_price'] },
  market_sides: { key: "market || '/' || side", columns: ['size_usd', 'count'] },
};

/** One sentence per negative value found, e.g. `custodies SOL/ALP.locked = -5`. */
export async function findNegatives(sql: SqlClient): Promise<string[]> {
  const found: string[] = [];
  for (const [table, { key, columns }] of Object.entries(NON_NEGATIVE_COLUMNS)) {
    for (const column of columns) {
      const { rows } = await sql.query<{ k: string; v: string }>(
        `SELECT ${key} AS k, ${column}::text AS v FROM ${table} WHERE ${column} < 0 ORDER BY 1 LIMIT 20`,
      );
      for (const r of rows) found.push(`negative ${table}.${column} for ${r.k}: ${r.v}`);
    }
  }
  return found;
}
