'use client';
/**
 * Optional take profit and stop loss of the ticket: presets this position will accept (lib/trade tpSlPresets,
 * against the entry and the liquidation price it will have) with the PnL each would realise after the exit fee.
 */
import type { MarketId, Side } from '@/lib/math/ids';
import { formatPrice, formatUsd } from '@/lib/format';
import { parseUnits } from '@/lib/math/parse';
import { PRICE_DECIMALS } from '@/lib/math/scales';
import type { ExistingPosition } from '@/lib/trade/ticket-types';
import type { TriggerKind } from '@/lib/trade/trigger-presets';
import { pnlAtTrigger, tpSlPresets } from '@/lib/trade/tpsl-presets';
import { useTicketStore } from '@/lib/hooks/trade/ticket-store';
import { Checkbox } from '@/components/ui/checkbox';
import { PriceInput } from './PriceInput';

export interface TpSlFieldsProps {
  market: MarketId;
  side: Side;
  /** The position once the order fills (undefined until the ticket can be priced). */
  position: ExistingPosition | undefined;
  liquidationPrice: bigint | undefined;
}

export function TpSlFields({ market, side, position, liquidationPrice }: TpSlFieldsProps) {
  const { tpSlOpen, takeProfitText, stopLossText, set } = useTicketStore();
  const pnl = (at: bigint) => (position ? formatUsd(pnlAtTrigger({ market, position, price: at }), { sign: true }) : undefined);
  const presets = (kind: TriggerKind) =>
    position === undefined || liquidationPrice === undefined
      ? []
      : tpSlPresets({ side, kind, markPrice: position.entryPrice, liquidationPrice }).map((p) => ({ ...p, detail: pnl(p.price) }));
  const hint = (text: string, fallback: string) => {
    const at = text.trim() === '' ? undefined : parseUnits(text.trim(), PRICE_DECIMALS);
    const value = at === undefined ? undefined : pnl(at);
    return value === undefined || at === undefined ? fallback : `At ${formatPrice(at, { market })}: ${value} after the exit fee (borrow fees come on top).`;
  };
  return (
    <div className="flex flex-col gap-2">
      <Checkbox checked={tpSlOpen} onChange={(e) => set({ tpSlOpen: e.target.checked })} data-testid="tpsl-toggle" className="-ml-3 text-sm md:-ml-1.5">
        Take profit / stop loss
      </Checkbox>
      {tpSlOpen && (
        <div className="flex flex-col gap-3">
          <PriceInput
            label="Take profit price"
            market={market}
            value={takeProfitText}
            onChange={(t) => set({ takeProfitText: t })}
            presets={presets('takeProfit')}
            testId="ticket-take-profit"
            hint={hint(takeProfitText, 'Price move from entry; closes the whole position when reached.')}
          />
          <PriceInput
            label="Stop loss price"
            market={market}
            value={stopLossText}
            onChange={(t) => set({ stopLossText: t })}
            presets={presets('stopLoss')}
            testId="ticket-stop-loss"
            hint={hint(stopLossText, 'Must lie between the liquidation price and the entry.')}
          />
        </div>
      )}
    </div>
  );
}
