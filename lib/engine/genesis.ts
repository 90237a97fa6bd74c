import type { SqlClient } from '@/lib/db/types';
import { dec } from '@/lib/db/rows';
import { MARKET_IDS, POOL_IDS, SIDES, type PoolId, type TokenId } from '@/lib/math/ids';
import { GENESIS, POOLS } from '@/lib/math/params';

/** The account that holds the genesis LP tokens (§9). */
export const GENESIS_OWNER = 'genesis';
const GENESIS_KEY = 'genesis';
const GENESIS_LOCK_KEY = 7_346_002;

/**
 * Writes the pools, custodies and per-(market, side) aggregate rows on first start, and with the local network on
 * the §9 liquidity (custodies' `owned` and the LP supply minted to `GENESIS_OWNER`). Idempotent: a marker in
 * `engine_state` records it; on PostgreSQL a transaction advisory lock makes two instances starting together safe.
 */
export async function ensureGenesis(tx: SqlClient, opts: { devnet: boolean; nowS: number; kind: 'pglite' | 'postgres' }): Promise<boolean> {
  if (opts.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [GENESIS_LOCK_KEY]);
  const { rows } = await tx.query('SELECT value FROM engine_state WHERE key = $1', [GENESIS_KEY]);
  if (rows.length > 0) return false;
  for (const pool of POOL_IDS) await writePool(tx, pool, opts);
  for (const market of MARKET_IDS) {
    for (const side of SIDES) {
      await tx.query('INSERT INTO market_sides (market, side) VALUES ($1, $2) ON CONFLICT DO NOTHING', [market, side]);
    }
  }
  await tx.query('INSERT INTO engine_state (key, value) VALUES ($1, $2)', [GENESIS_KEY, opts.devnet ? 'devnet' : 'empty']);
  return true;
}

async function writePool(tx: SqlClient, pool: PoolId, opts: { devnet: boolean; nowS: number }): Promise<void> {
  const genesis = GENESIS.pools[pool];
  const supply = opts.devnet ? genesis.lpSupply : 0n;
  await tx.query('INSERT INTO pools (id, lp_supply) VALUES ($1, $2) ON CONFLICT DO NOTHING', [pool, dec(supply)]);
  for (const token of POOLS[pool].custodies) {
    const owned = opts.devnet ? (genesis.custodies[token as TokenId] ?? 0n) : 0n;
    await tx.query(
      `INSERT INTO custodies (pool, token, owned, last_accrual_s) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [pool, token, dec(owned), opts.nowS],
    );
  }
  if (supply > 0n) {
    await tx.query('INSERT INTO lp_balances (owner, pool, amount) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      GENESIS_OWNER,
      pool,
      dec(supply),
    ]);
  }
}
