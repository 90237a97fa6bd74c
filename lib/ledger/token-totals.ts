import type { SqlClient } from '@/lib/db/types';
import { big } from '@/lib/db/rows';
import { TOKEN_IDS, type TokenId } from '@/lib/math/ids';
import { GENESIS } from '@/lib/math/params';

/** Per-token amounts (base units). Keys are token ids as stored; unknown ids are kept so they show up. */
export type TokenAmounts = Record<string, bigint>;

/** Where every token unit lives (lib/engine): wallets, custodies' `owned`, open positions' and escrowed orders' collateral. */
export interface TokenHoldings {
  wallets: TokenAmounts;
  custodiesOwned: TokenAmounts;
  positionCollateral: TokenAmounts;
  orderEscrow: TokenAmounts;
}

const add = (into: TokenAmounts, token: string, amount: bigint) => {
  into[token] = (into[token] ?? 0n) + amount;
};

async function sumBy(sql: SqlClient, query: string): Promise<TokenAmounts> {
  const out: TokenAmounts = {};
  for (const r of (await sql.query<{ token: string; total: string | null }>(query)).rows) add(out, r.token, big(r.total ?? '0'));
  return out;
}

/**
 * Reads the four places a token unit can be. A custody's `collateral` column is NOT a fifth place: it mirrors
 * Σ collateral_amount of that custody's open positions (checked separately), which already counts the units.
 */
export async function readHoldings(sql: SqlClient): Promise<TokenHoldings> {
  return {
    wallets: await sumBy(sql, 'SELECT token, SUM(amount)::text AS total FROM balances GROUP BY token'),
    custodiesOwned: await sumBy(sql, 'SELECT token, SUM(owned)::text AS total FROM custodies GROUP BY token'),
    positionCollateral: await sumBy(
      sql,
      'SELECT collateral_token AS token, SUM(collateral_amount)::text AS total FROM positions GROUP BY collateral_token',
    ),
    orderEscrow: await sumBy(
      sql,
      'SELECT collateral_token AS token, SUM(collateral_amount)::text AS total FROM orders GROUP BY collateral_token',
    ),
  };
}

export function totalHeld(h: TokenHoldings): TokenAmounts {
  const out: TokenAmounts = {};
  for (const part of [h.wallets, h.custodiesOwned, h.positionCollateral, h.orderEscrow]) {
    for (const [token, amount] of Object.entries(part)) add(out, token, amount);
  }
  return out;
}

/**
 * What should exist: the §9 genesis liquidity when the database was created with the local network on
 * (`engine_state.genesis = 'devnet'`), plus every engine faucet draw recorded in `events` (kind `faucet`, no signature, details
 * `{token, amount}`). Tokens only ever enter through these two doors.
 */
export async function readMinted(sql: SqlClient): Promise<{ minted: TokenAmounts; genesis: 'devnet' | 'empty' | 'missing' }> {
  const minted: TokenAmounts = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n]));
  const { rows: state } = await sql.query<{ value: string }>("SELECT value FROM engine_state WHERE key = 'genesis'");
  const mode = state[0]?.value;
  const genesis = mode === 'devnet' ? 'devnet' : mode === undefined ? 'missing' : 'empty';
  if (genesis === 'devnet') {
    for (const pool of Object.values(GENESIS.pools)) {
      for (const [token, amount] of Object.entries(pool.custodies)) add(minted, token as TokenId, amount ?? 0n);
    }
  }
  // The engine's draws only: a chain faucet draw (recorded with its signature, lib/indexer/faucet.ts) minted SPL tokens.
  const { rows } = await sql.query<{ details: string }>("SELECT details FROM events WHERE kind = 'faucet' AND signature IS NULL");
  for (const r of rows) {
    const d = JSON.parse(r.details) as { token?: unknown; amount?: unknown };
    if (typeof d.token === 'string') add(minted, d.token, big(d.amount));
  }
  return { minted, genesis };
}
