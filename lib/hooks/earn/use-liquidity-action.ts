'use client';
import { useCallback } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { useAction } from '@/lib/hooks/use-action';
import { formatTokenAmount } from '@/lib/format';
import type { AddPreview, RemovePreview } from '@/lib/earn/liquidity-preview';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { LP_DECIMALS } from '@/lib/math/scales';
import { toast } from '@/lib/state/toasts';

interface AddResultWire {
  lpOut?: string;
  feeAmount?: string;
}
interface RemoveResultWire {
  amountOut?: string;
  feeAmount?: string;
}

const asBig = (v: unknown): bigint | undefined => (typeof v === 'string' && /^\d{1,78}$/.test(v) ? BigInt(v) : undefined);

/**
 * Signs and sends addLiquidity / removeLiquidity with the previewed min-out, then says what was received (the
 * action's own result, not the preview). Balances and pools refresh through useAction's invalidation.
 */
export function useLiquidityAction({ pool, token, decimals }: { pool: PoolId; token: TokenId; decimals: number }) {
  const { run, pending, ready } = useAction();

  const submit = useCallback(
    async (preview: AddPreview | RemovePreview): Promise<boolean> => {
      const id = toast.pending('Confirm in your wallet', preview.kind === 'add' ? `Add ${token} to ${pool}` : `Withdraw ${token} from ${pool}`);
      try {
        if (preview.kind === 'add') {
          const result = await run<AddResultWire>('addLiquidity', { pool, token, amount: preview.amount, minLpOut: preview.minLpOut }, { silent: true });
          const lpOut = asBig(result.lpOut) ?? preview.lpOut;
          toast.update(id, { kind: 'success', title: 'Liquidity added', description: `Received ${formatTokenAmount(lpOut, LP_DECIMALS, { maxDigits: 6 })} ${pool}` });
        } else {
          const result = await run<RemoveResultWire>('removeLiquidity', { pool, token, lpAmount: preview.lpAmount, minAmountOut: preview.minAmountOut }, { silent: true });
          const out = asBig(result.amountOut) ?? preview.amountOut;
          toast.update(id, { kind: 'success', title: 'Liquidity removed', description: `Received ${formatTokenAmount(out, decimals, { maxDigits: decimals })} ${token}` });
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
