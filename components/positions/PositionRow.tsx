'use client';
/** One open position, live at the stream's price (lib/trade positionView), with its actions. */
import { Button, cn } from '@/components/ui';
import { SideBadge } from '@/components/positions/SideBadge';
import type { Position } from '@/lib/client/types';
import { formatBps, formatLeverage, formatPrice, formatUsd } from '@/lib/format';
import { positionView } from '@/lib/trade/position-view';
import { Cell } from './Cell';
import { POSITION_COLUMNS } from './position-columns';

export type PositionDialog = 'close' | 'collateral' | 'tpsl';

export function PositionRow({ position: p, price, withFees, onAction }: { position: Position; price: bigint; withFees: boolean; onAction: (kind: PositionDialog) => void }) {
  const view = positionView({ market: p.market, position: p, price, withFees });
  const fmt = (v: bigint) => formatPrice(v, { market: p.market });
  const pnlTone = view.shownPnlUsd >= 0n ? 'text-long' : 'text-short';
  return (
    <div
      role="row"
      data-testid={`position-${p.market}-${p.side}`}
      className={cn('grid grid-cols-2 gap-x-3 gap-y-2 border-b border-line px-3 py-3 sm:grid-cols-3 md:items-center md:gap-y-0 md:py-2', POSITION_COLUMNS)}
    >
      <div role="cell" className="col-span-2 flex items-center gap-2 sm:col-span-3 md:col-span-1">
        <span className="text-sm font-semibold">{p.market}</span>
        <SideBadge tone={p.side}>{p.side === 'long' ? 'Long' : 'Short'}</SideBadge>
      </div>
      <Cell label="Size" testId="position-size">{formatUsd(p.sizeUsd)}</Cell>
      <Cell label="Collateral" testId="position-collateral">{formatUsd(p.collateralUsd)}</Cell>
      <Cell label="Leverage" testId="position-leverage">{formatLeverage(view.leverageBps)}</Cell>
      <Cell label="Entry" testId="position-entry">{fmt(p.entryPrice)}</Cell>
      <Cell label="Mark" testId="position-mark">{fmt(price)}</Cell>
      <Cell label="Liq. price" testId="position-liquidation-price">
        <span className="text-warn">{fmt(p.liquidationPrice)}</span>
      </Cell>
      <Cell label={withFees ? 'PnL (after fees)' : 'PnL (before fees)'} testId="position-pnl">
        <span className={pnlTone}>
          {formatUsd(view.shownPnlUsd, { sign: true })} ({formatBps(view.shownPnlBps, { sign: true })})
        </span>
      </Cell>
      <Cell label="Borrow fee" testId="position-borrow-fee">{formatUsd(p.borrowFeeUsd)}</Cell>
      <Cell label="TP / SL" testId="position-tpsl">
        {p.takeProfit === undefined ? '–' : fmt(p.takeProfit)} / {p.stopLoss === undefined ? '–' : fmt(p.stopLoss)}
      </Cell>
      <div role="cell" className="col-span-2 flex gap-1.5 sm:col-span-3 md:col-span-1 md:justify-end">
        <Button size="sm" variant="secondary" onClick={() => onAction('close')} data-testid="position-close" aria-label={`Close ${p.market} ${p.side}`} className="flex-1 md:flex-none">
          Close
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onAction('collateral')} data-testid="position-edit-collateral" className="flex-1 md:flex-none" aria-label={`Collateral of ${p.market} ${p.side}`}>
          Collateral
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onAction('tpsl')} data-testid="position-set-tpsl" className="flex-1 md:flex-none" aria-label={`TP/SL of ${p.market} ${p.side}`}>
          TP/SL
        </Button>
      </div>
    </div>
  );
}
