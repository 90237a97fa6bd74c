/**
 * The v1 reads of api.md served from the chain (api.md v2: "as v1, read from chain accounts"): markets, pools and
 * an owner's account (token accounts on chain, positions and orders from the program's accounts). Candles give
 * the 24h reference; the indexed events give the pools' 7-day fees.
 */
import type { Address } from '@solana/kit';
import { FEED_IDS, POOL_IDS, TOKEN_IDS, type PoolId, type TokenId } from '@/lib/math/ids';
import { PROTOCOL } from '@/lib/math/params';
import type { SqlClient } from '@/lib/db/types';
import type { AccountView, MarketView, PoolView } from '@/lib/views/types';
import { price24hAgoSinceS } from '@/lib/views/price-24h';
import { selectFirstOpensSince } from '@/lib/oracle/candle-store';
import { decodeTokenAccount } from '@/lib/chain/accounts';
import { associatedTokenAddress } from '@/lib/chain/pda';
import type { ChainRuntime } from './runtime';
import { readChainMarkets } from './views/markets';
import { readChainPools } from './views/pools';
import { chainOrderView, chainPositionView } from './views/positions';

const WEEK_S = 7 * 86_400;

export async function chainMarkets(chain: ChainRuntime, sql: SqlClient): Promise<MarketView[]> {
  const s = chain.snapshot();
  const opens = await selectFirstOpensSince(sql, [...FEED_IDS], price24hAgoSinceS(s.nowS));
  return readChainMarkets(s, opens);
}

export async function chainPools(chain: ChainRuntime, sql: SqlClient): Promise<PoolView[]> {
  const s = chain.snapshot();
  const { rows } = await sql.query<{ pool: string; total: string }>(
    'SELECT pool, COALESCE(SUM(fees_usd), 0)::text AS total FROM events WHERE at >= $1 AND pool IS NOT NULL GROUP BY pool',
    [s.nowS - WEEK_S],
  );
  const fees = new Map(rows.map((r) => [r.pool, BigInt(r.total)]));
  return readChainPools(s, (pool: PoolId) => fees.get(pool) ?? 0n);
}

export interface ChainAccountView extends AccountView {
  /** Native lamports (fees, and what the wallet wraps when it posts SOL). */
  sol: bigint;
}

/** The owner's associated token accounts (api.md: `balances.SOL` is the wrapped SOL account). */
async function tokenBalances(chain: ChainRuntime, owner: Address): Promise<{ balances: Record<TokenId, bigint>; lp: Record<PoolId, bigint> }> {
  const balances = Object.fromEntries(TOKEN_IDS.map((t) => [t, 0n])) as Record<TokenId, bigint>;
  const lp = Object.fromEntries(POOL_IDS.map((p) => [p, 0n])) as Record<PoolId, bigint>;
  const mints = [...TOKEN_IDS.map((t) => chain.addresses.mints[t]), ...POOL_IDS.map((p) => chain.addresses.lpMints[p])];
  const atas = await Promise.all(mints.map((m) => associatedTokenAddress(owner, m)));
  const accounts = await Promise.all(atas.map((a) => chain.client.getAccount(a)));
  accounts.forEach((acc, i) => {
    if (!acc || acc.data.length !== 165) return;
    const amount = decodeTokenAccount(acc.data).amount;
    if (i < TOKEN_IDS.length) balances[TOKEN_IDS[i]!] = amount;
    else lp[POOL_IDS[i - TOKEN_IDS.length]!] = amount;
  });
  return { balances, lp };
}

export async function chainAccount(chain: ChainRuntime, sql: SqlClient, owner: Address): Promise<ChainAccountView> {
  const s = chain.snapshot();
  const { balances, lp } = await tokenBalances(chain, owner);
  const native = await chain.client.getAccount(owner);
  const mine = chain.state.ownedBy(owner);
  const positions = mine.positionAddresses.flatMap((address) => chainPositionView(s, chain.ids, address, chain.state.positions.get(address)!) ?? []);
  const orders = mine.orders.flatMap(([address, o]) => chainOrderView(chain.ids, address, o) ?? []);
  const { rows } = await sql.query<{ last_at: string | number | null }>('SELECT max(last_at) AS last_at FROM faucet_draws WHERE owner = $1', [owner]);
  const lastAt = rows[0]?.last_at;
  const next = lastAt !== null && lastAt !== undefined ? Number(lastAt) + PROTOCOL.faucetIntervalS : null;
  return { owner, sol: native?.lamports ?? 0n, balances, lp, positions, orders, faucetAvailableAt: next !== null && next > s.nowS ? next : null };
}
