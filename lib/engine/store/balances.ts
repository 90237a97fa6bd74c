import type { SqlClient } from '@/lib/db/types';
import { big, dec } from '@/lib/db/rows';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { EngineError } from '../errors';

/** Wallet balances (tokens) and LP balances. Debits are atomic (`amount >= x`), so concurrent actions stay correct. */
export async function creditBalance(sql: SqlClient, owner: string, token: TokenId, amount: bigint): Promise<bigint> {
  const { rows } = await sql.query<{ amount: string }>(
    `INSERT INTO balances (owner, token, amount) VALUES ($1, $2, $3)
     ON CONFLICT (owner, token) DO UPDATE SET amount = balances.amount + EXCLUDED.amount RETURNING amount::text`,
    [owner, token, dec(amount)],
  );
  return big(rows[0]?.amount);
}

export async function debitBalance(sql: SqlClient, owner: string, token: TokenId, amount: bigint, what: string): Promise<void> {
  if (amount === 0n) return;
  const { rows } = await sql.query(
    'UPDATE balances SET amount = amount - $3 WHERE owner = $1 AND token = $2 AND amount >= $3 RETURNING 1',
    [owner, token, dec(amount)],
  );
  if (rows.length === 0) throw new EngineError('INSUFFICIENT_BALANCE', `Not enough ${token} in your wallet for ${what}.`);
}

export async function creditLp(sql: SqlClient, owner: string, pool: PoolId, amount: bigint): Promise<void> {
  await sql.query(
    `INSERT INTO lp_balances (owner, pool, amount) VALUES ($1, $2, $3)
     ON CONFLICT (owner, pool) DO UPDATE SET amount = lp_balances.amount + EXCLUDED.amount`,
    [owner, pool, dec(amount)],
  );
}

export async function debitLp(sql: SqlClient, owner: string, pool: PoolId, amount: bigint): Promise<void> {
  const { rows } = await sql.query(
    'UPDATE lp_balances SET amount = amount - $3 WHERE owner = $1 AND pool = $2 AND amount >= $3 RETURNING 1',
    [owner, pool, dec(amount)],
  );
  if (rows.length === 0) throw new EngineError('INSUFFICIENT_BALANCE', `Not enough ${pool} in your wallet.`);
}
