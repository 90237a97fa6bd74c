'use client';
/** Signed position actions (api.md § Acting): close (optionally swapping the payout), add / remove collateral, set TP/SL, cancel an order. */
import { useCallback } from 'react';
import { formatTokenAmount } from '@/lib/format/token';
import { useAction } from '@/lib/hooks/use-action';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { parseUint } from '@/lib/math/parse';
import { previewPayoutSwap } from '@/lib/trade/payout-swap';

/** `payoutAmount` of a closePosition answer (a decimal string), if it has one. */
function payoutAmountOf(result: unknown): bigint | undefined {
  if (typeof result !== 'object' || result === null || !('payoutAmount' in result)) return undefined;
  const value = (result as { payoutAmount: unknown }).payoutAmount;
  return typeof value === 'string' ? parseUint(value) : undefined;
}

export interface PayoutSwap {
  pool: PoolId;
  tokenIn: TokenId;
  tokenOut: TokenId;
  /** Mid of `tokenIn`'s feed, for the swap's minimum out. */
  price: bigint;
  slippageBps: bigint;
}

export function usePositionActions() {
  const { run, pending, ready } = useAction();
  const close = useCallback(
    (p: { positionId: string; fractionBps: bigint; acceptablePrice: bigint }) =>
      run('closePosition', p, { pendingTitle: 'Sign to close', successTitle: p.fractionBps === 10_000n ? 'Position closed' : 'Position partly closed' }),
    [run],
  );
  /**
   * Close, then swap exactly what the close paid out (its answer's `payoutAmount`) into `swap.tokenOut`: two
   * signatures. If the swap is refused, the payout stays in the wallet in its own token (the toast says why).
   */
  const closeAndSwap = useCallback(
    async (p: { positionId: string; fractionBps: bigint; acceptablePrice: bigint }, swap: PayoutSwap) => {
      const paid = payoutAmountOf(await close(p));
      const quote = paid === undefined ? undefined : previewPayoutSwap({ ...swap, amountIn: paid });
      if (!quote) return;
      const decimals = TOKENS[quote.tokenOut].decimals;
      const out = formatTokenAmount(quote.amountOut, decimals, { symbol: quote.tokenOut });
      const min = formatTokenAmount(quote.minAmountOut, decimals, { symbol: quote.tokenOut });
      await run(
        'swap',
        { pool: quote.pool, tokenIn: quote.tokenIn, tokenOut: quote.tokenOut, amountIn: quote.amountIn, minAmountOut: quote.minAmountOut },
        {
          pendingTitle: `Sign to swap the ${quote.tokenIn} paid out into ${quote.tokenOut}`,
          successTitle: `Payout swapped into ${quote.tokenOut}`,
          successDescription: `About ${out} (at least ${min}).`,
        },
      );
    },
    [close, run],
  );
  const addCollateral = useCallback(
    (p: { positionId: string; amount: bigint }) => run('addCollateral', p, { pendingTitle: 'Sign to add collateral', successTitle: 'Collateral added' }),
    [run],
  );
  const removeCollateral = useCallback(
    (p: { positionId: string; amountUsd: bigint }) => run('removeCollateral', p, { pendingTitle: 'Sign to withdraw collateral', successTitle: 'Collateral withdrawn' }),
    [run],
  );
  const setTpSl = useCallback(
    (p: { positionId: string; takeProfit: bigint | null; stopLoss: bigint | null }) =>
      run('setTpSl', p, { pendingTitle: 'Sign to set TP/SL', successTitle: 'Take profit / stop loss saved' }),
    [run],
  );
  const cancelOrder = useCallback((p: { orderId: string }) => run('cancelOrder', p, { pendingTitle: 'Sign to cancel', successTitle: 'Order cancelled' }), [run]);
  return { close, closeAndSwap, addCollateral, removeCollateral, setTpSl, cancelOrder, pending, ready };
}
