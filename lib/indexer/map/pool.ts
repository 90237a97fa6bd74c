/** Liquidity and swap events → history rows (lib/engine/actions/liquidity.ts, swap.ts): the fee is the pool's revenue. */
import type { LiquidityEvent, SwappedEvent } from '@/lib/chain/events';
import type { RowFields } from '../types';
import type { MapContext } from './context';
import { details } from './details';

const none = { market: null, side: null, sizeUsd: null, price: null, realizedPnlUsd: null } as const;

export function liquidityRow(e: LiquidityEvent, ctx: MapContext): RowFields | undefined {
  const custody = ctx.ids.custody(e.custody);
  if (!custody) return undefined;
  const base = { owner: e.owner, pool: custody.pool, ...none, feesUsd: e.feeUsd };
  if (e.kind === 'liquidityAdded') {
    return {
      ...base,
      kind: 'liquidity_added',
      details: details({ token: custody.token, amount: e.amountIn, lpOut: e.amountOut, feeAmount: e.feeAmount, feeUsd: e.feeUsd, valueUsd: e.valueUsd, aumUsd: e.aumUsd, supplyAfter: e.supplyAfter }),
    };
  }
  return {
    ...base,
    kind: 'liquidity_removed',
    details: details({ token: custody.token, lpAmount: e.amountIn, amountOut: e.amountOut, feeAmount: e.feeAmount, feeUsd: e.feeUsd, usdOut: e.valueUsd, aumUsd: e.aumUsd, supplyAfter: e.supplyAfter }),
  };
}

export function swapRow(e: SwappedEvent, ctx: MapContext): RowFields | undefined {
  const tokenIn = ctx.ids.custody(e.custodyIn);
  const tokenOut = ctx.ids.custody(e.custodyOut);
  if (!tokenIn || !tokenOut) return undefined;
  return {
    owner: e.owner,
    kind: 'swap',
    pool: tokenIn.pool,
    ...none,
    feesUsd: e.feeUsd,
    details: details({ tokenIn: tokenIn.token, tokenOut: tokenOut.token, amountIn: e.amountIn, amountOut: e.amountOut, feeAmount: e.feeAmount, feeUsd: e.feeUsd }),
  };
}
