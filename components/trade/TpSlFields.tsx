'use client';
/** Optional take profit and stop loss of the ticket, with price-move presets (Adrena). */
import type { MarketId, Side } from '@/lib/math/ids';
import { formatBps } from '@/lib/format';
import { STOP_LOSS_PRESETS_BPS, TAKE_PROFIT_PRESETS_BPS, triggerFromMove } from '@/lib/trade/trigger-presets';
import { useTicketStore } from '@/lib/hooks/trade/ticket-store';
import { PriceInput } from './PriceInput';

export function TpSlFields({ market, side, entryPrice }: { market: MarketId; side: Side; entryPrice: bigint | undefined }) {
  const { tpSlOpen, takeProfitText, stopLossText, set } = useTicketStore();
  const presets = (kind: 'takeProfit' | 'stopLoss') =>
    entryPrice === undefined
      ? []
      : (kind === 'takeProfit' ? TAKE_PROFIT_PRESETS_BPS : STOP_LOSS_PRESETS_BPS).map((moveBps) => ({
          label: `${kind === 'takeProfit' ? '+' : '−'}${formatBps(moveBps, { digits: 0 }).replace('%', '')}%`,
          price: triggerFromMove({ side, kind, price: entryPrice, moveBps }),
        }));
  return (
    <div className="flex flex-col gap-2">
      <label className="flex min-h-11 cursor-pointer items-center gap-2 text-sm text-ink-muted md:min-h-8">
        <input type="checkbox" checked={tpSlOpen} onChange={(e) => set({ tpSlOpen: e.target.checked })} className="h-4 w-4 accent-[#7c8cff]" data-testid="tpsl-toggle" />
        Take profit / stop loss
      </label>
      {tpSlOpen && (
        <div className="flex flex-col gap-3">
          <PriceInput
            label="Take profit price"
            market={market}
            value={takeProfitText}
            onChange={(t) => set({ takeProfitText: t })}
            presets={presets('takeProfit')}
            testId="ticket-take-profit"
            hint="Price move from entry; closes the whole position when reached."
          />
          <PriceInput
            label="Stop loss price"
            market={market}
            value={stopLossText}
            onChange={(t) => set({ stopLossText: t })}
            presets={presets('stopLoss')}
            testId="ticket-stop-loss"
            hint="Must lie between the liquidation price and the entry."
          />
        </div>
      )}
    </div>
  );
}
