import type { ActionParams } from '../action-params';
import type { TxContext } from '../tx-context';
import { creditBalance, debitBalance } from '../store/balances';
import { applySwap, planSwap } from './swap-core';

/** `swap` (api.md): wallet → pool → wallet, one transaction. */
export async function swap(ctx: TxContext, owner: string, p: ActionParams['swap']): Promise<{ amountOut: bigint; feeAmount: bigint }> {
  await ctx.lockPool(p.pool);
  const plan = planSwap(ctx, p);
  await debitBalance(ctx.tx, owner, p.tokenIn, p.amountIn, 'this swap');
  applySwap(ctx, plan);
  await creditBalance(ctx.tx, owner, p.tokenOut, plan.amountOut);
  await ctx.recordEvent({
    owner,
    kind: 'swap',
    pool: p.pool,
    feesUsd: plan.feeUsd,
    details: { tokenIn: p.tokenIn, tokenOut: p.tokenOut, amountIn: p.amountIn, amountOut: plan.amountOut, feeAmount: plan.feeAmount },
  });
  return { amountOut: plan.amountOut, feeAmount: plan.feeAmount };
}
