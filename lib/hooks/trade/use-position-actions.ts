'use client';
/** Signed position actions (api.md § Acting): close, add / remove collateral, set TP/SL, cancel an order. */
import { useCallback } from 'react';
import { useAction } from '@/lib/hooks/use-action';

export function usePositionActions() {
  const { run, pending, ready } = useAction();
  const close = useCallback(
    (p: { positionId: string; fractionBps: bigint; acceptablePrice: bigint }) =>
      run('closePosition', p, { pendingTitle: 'Sign to close', successTitle: p.fractionBps === 10_000n ? 'Position closed' : 'Position partly closed' }),
    [run],
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
  return { close, addCollateral, removeCollateral, setTpSl, cancelOrder, pending, ready };
}
