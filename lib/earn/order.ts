import type { Pool } from '@/lib/client/types';
import { POOLS } from '@/lib/math/params';

/** The pool with its custodies in the protocol's order (USDC, SOL, WBTC, BONK; protocol.md §3), not the API's. */
export function withOrderedCustodies(pool: Pool): Pool {
  const order = POOLS[pool.id].custodies;
  const rank = (token: Pool['custodies'][number]['token']) => {
    const i = order.indexOf(token);
    return i === -1 ? order.length : i;
  };
  return { ...pool, custodies: [...pool.custodies].sort((a, b) => rank(a.token) - rank(b.token)) };
}
