'use client';
import { useCallback } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { transactionEvents } from '@/lib/client/chain-tx';
import { useAction } from '@/lib/hooks/use-action';
import { formatTokenAmount } from '@/lib/format';
import type { AddPreview, RemovePreview } from '@/lib/earn/liquidity-preview';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { LP_DECIMALS } from '@/lib/math/scales';
import { toast } from '@/lib/state/toasts';

/** What the confirmed transaction's LiquidityAdded / LiquidityRemoved event says was received. */
async function received(signature: string, kind: 'liquidityAdded' | 'liquidityRemoved'): Promise<bigint | undefined> {
  const events = await transactionEvents(signature).catch(() => []);
  const e = events.find((x) => x.kind === kind);
  return e && 'amountOut' in e ? e.amountOut : undefined;
}

/**
 * Signs and sends addLiquidity / removeLiquidity with the previewed min-out, then says what was received (the
 * confirmed transaction's event, not the preview). Balances and pools refresh through useAction's invalidation.
 */
export function useLiquidityAction({ pool, token, decimals }: { pool: PoolId; token: TokenId; decimals: number }) {
  const { run, pending, ready } = useAction();

  const submit = useCallback(
    async (preview: AddPreview | RemovePreview): Promise<boolean> => {
      const id = toast.pending('Confirm in your wallet', preview.kind === 'add' ? `Add ${token} to ${pool}` : `Withdraw ${token} from ${pool}`);
      try {
        if (preview.kind === 'add') {
          const { signature } = await run('addLiquidity', { pool, token, amount: preview.amount, minLpOut: preview.minLpOut }, { silent: true });
          const lpOut = (await received(signature, 'liquidityAdded')) ?? preview.lpOut;
          toast.update(id, { kind: 'success', title: 'Liquidity added', description: `Received ${formatTokenAmount(lpOut, LP_DECIMALS, { maxDigits: 6 })} ${pool}`, copy: signature });
        } else {
          const { signature } = await run('removeLiquidity', { pool, token, lpAmount: preview.lpAmount, minAmountOut: preview.minAmountOut }, { silent: true });
          const out = (await received(signature, 'liquidityRemoved')) ?? preview.amountOut;
          toast.update(id, { kind: 'success', title: 'Liquidity removed', description: `Received ${formatTokenAmount(out, decimals, { maxDigits: decimals })} ${token}`, copy: signature });
        }
        return true;
      } catch (e) {
        toast.update(id, { kind: 'error', title: errorMessage(e) });
        return false;
      }
    },
    [run, pool, token, decimals],
  );

  return { submit, pending, ready };
}
