'use client';
/** Signed position actions (api.md § Acting): close (optionally swapping the payout), add / remove collateral, set TP/SL, cancel an order. */
import { useCallback } from 'react';
import { formatTokenAmount } from '@/lib/format/token';
import { getHistory } from '@/lib/client/api';
import { useAction } from '@/lib/hooks/use-action';
import { useOwner } from '@/lib/hooks/use-owner';
import { toast } from '@/lib/state/toasts';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { parseUint } from '@/lib/math/parse';
import { previewPayoutSwap } from '@/lib/trade/payout-swap';

const PAYOUT_LOOKUPS = 20;
const PAYOUT_LOOKUP_MS = 500;

/**
 * What a confirmed close paid out: the `closed` event the indexer recorded for its transaction (`payoutAmount` in
 * the payout token's units), looked up in the owner's history for up to 10 s.
 */
async function payoutOfClose(owner: string, signature: string): Promise<bigint | undefined> {
  for (let i = 0; i < PAYOUT_LOOKUPS; i += 1) {
    const event = (await getHistory(owner)).find((e) => e.signature === signature && e.kind === 'closed');
    const amount = event?.details.payoutAmount;
    if (event) return typeof amount === 'string' ? parseUint(amount) : undefined;
    await new Promise((resolve) => setTimeout(resolve, PAYOUT_LOOKUP_MS));
  }
  return undefined;
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
  const owner = useOwner();
  const close = useCallback(
    (p: { positionId: string; fractionBps: bigint; acceptablePrice: bigint }) =>
      run('closePosition', p, { pendingTitle: 'Sign to close', successTitle: p.fractionBps === 10_000n ? 'Position closed' : 'Position partly closed' }),
    [run],
  );
  /**
   * Close, then swap exactly what the close paid out (the indexed event of its transaction) into `swap.tokenOut`:
   * two signatures. If the payout cannot be read or the swap is refused, it stays in the wallet in its own token,
   * and a toast says so.
   */
  const closeAndSwap = useCallback(
    async (p: { positionId: string; fractionBps: bigint; acceptablePrice: bigint }, swap: PayoutSwap) => {
      const { signature } = await close(p);
      const paid = owner === undefined ? undefined : await payoutOfClose(owner, signature);
      const quote = paid === undefined ? undefined : previewPayoutSwap({ ...swap, amountIn: paid });
      if (!quote) {
        toast.info(`Closed. The payout stays in ${swap.tokenIn}: it could not be read or is too small to swap.`);
        return;
      }
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
    [close, run, owner],
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
