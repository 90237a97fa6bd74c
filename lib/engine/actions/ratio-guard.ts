import { custodyRatiosBps, checkRatioRule } from '@/lib/math/ratio';
import { custodyParams, TOKENS } from '@/lib/math/params';
import { tokenToUsd } from '@/lib/math/convert';
import type { PoolId, TokenId } from '@/lib/math/ids';
import type { TxContext } from '../tx-context';

/** Custody ratios (bps) of a pool with some `owned` changed by `deltas` (§8 ratio). */
export function ratiosWith(ctx: TxContext, pool: PoolId, deltas: Partial<Record<TokenId, bigint>>): Map<TokenId, bigint> {
  const custodies = ctx.custodies(pool);
  const values = custodies.map((c) =>
    tokenToUsd({ amount: c.owned + (deltas[c.token] ?? 0n), price: ctx.tokenQuote(c.token).low, decimals: TOKENS[c.token].decimals }, 'floor'),
  );
  const ratios = custodyRatiosBps(values);
  return new Map(custodies.map((c, i) => [c.token, ratios[i] ?? 0n]));
}

/** §8 ratio rule on each custody whose `owned` changes (liquidity, swaps): RATIO_OUT_OF_BAND otherwise. */
export function checkRatios(ctx: TxContext, pool: PoolId, deltas: Partial<Record<TokenId, bigint>>): void {
  if (ctx.custodies(pool).length < 2) return;
  const before = ratiosWith(ctx, pool, {});
  const after = ratiosWith(ctx, pool, deltas);
  for (const token of Object.keys(deltas) as TokenId[]) {
    const p = custodyParams(pool, token);
    checkRatioRule({ beforeBps: before.get(token) ?? 0n, afterBps: after.get(token) ?? 0n, minBps: p.minBps, maxBps: p.maxBps, token, pool });
  }
}
