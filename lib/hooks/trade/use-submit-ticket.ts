'use client';
/**
 * Sends the ticket: `openPosition` for a market order, `placeLimitOrder` for a limit order (api.md § Acting),
 * signed by the wallet through useAction (pending toast, then the result or the API's refusal).
 */
import { useCallback } from 'react';
import { useAction } from '@/lib/hooks/use-action';
import { formatLeverage, formatUsd } from '@/lib/format';
import type { TicketModel } from './use-ticket-model';
import { useTicketStore } from './ticket-store';

export function useSubmitTicket(model: TicketModel) {
  const { run, pending, ready } = useAction();
  const reset = useTicketStore((s) => s.reset);
  const setForm = useTicketStore((s) => s.set);
  const preview = model.result?.preview;
  const submit = useCallback(async () => {
    if (!preview || model.amount === undefined || model.result?.issue) return;
    const params = {
      market: model.marketId,
      side: model.side,
      collateralToken: model.collateralToken,
      collateralAmount: model.amount,
      leverageBps: model.leverageBps,
      acceptablePrice: preview.acceptablePrice,
      takeProfit: model.takeProfit,
      stopLoss: model.stopLoss,
    };
    const what = `${model.side === 'long' ? 'Long' : 'Short'} ${model.marketId} ${formatLeverage(model.leverageBps)} · ${formatUsd(preview.open.sizeUsd)}`;
    try {
      if (model.orderType === 'limit') {
        await run('placeLimitOrder', { ...params, triggerPrice: model.triggerPrice }, { pendingTitle: 'Sign the limit order', successTitle: `Limit order placed: ${what}` });
      } else {
        const increase = model.existing !== undefined;
        await run('openPosition', params, {
          pendingTitle: increase ? 'Sign to increase the position' : 'Sign to open the position',
          successTitle: increase ? `Position increased: ${what}` : `Position opened: ${what}`,
        });
      }
      reset();
      setForm({ sheetOpen: false });
    } catch {
      // useAction already showed the refusal in a toast; the form keeps its values so the trader can adjust.
    }
  }, [preview, model, run, reset, setForm]);
  return { submit, pending, ready };
}
