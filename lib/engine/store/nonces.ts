import type { SqlClient } from '@/lib/db/types';

/** Consumes `nonce` for `owner`; false when it was already used (api.md § Acting, 409 NONCE_REUSED). */
export async function insertNonce(sql: SqlClient, owner: string, nonce: string, nowS: number): Promise<boolean> {
  const { rows } = await sql.query(
    'INSERT INTO nonces (owner, nonce, used_at) VALUES ($1, $2, $3) ON CONFLICT (owner, nonce) DO NOTHING RETURNING 1',
    [owner, nonce, nowS],
  );
  return rows.length > 0;
}
