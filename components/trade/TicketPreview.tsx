'use client';
/**
 * Every cost and level before the signature (ANCHORS: "show every cost before the signature"), all from lib/trade
 * (lib/math), never from floats: a new position's levels, or, when the order adds to a position, the position
 * before → after; then the costs in money.
 */
import { formatPrice, formatTokenAmount, formatUsd } from '@/lib/format';
import type { MarketId, Side } from '@/lib/math/ids';
import type { OrderType, TicketPreview as Preview } from '@/lib/trade/ticket-types';
import { IncreaseRows } from './IncreaseRows';
import { OpenCostRows } from './OpenCostRows';
import { PreviewRow } from './PreviewRow';
import { TicketNotes } from './TicketNotes';

export interface TicketPreviewProps {
  market: MarketId;
  side: Side;
  orderType: OrderType;
  preview: Preview | undefined;
  slippageBps: bigint;
  /** The collateral token posted (USDC on an ALP long is swapped into the market token). */
  postedToken: string;
  /** Leverage outside [1.1x, max]: no liquidation price is shown for it. */
  leverageValid: boolean;
  marketOpen: boolean;
}

const dash = '–';

export function TicketPreview({ market, side, orderType, preview: p, slippageBps, postedToken, leverageValid, marketOpen }: TicketPreviewProps) {
  const price = (v: bigint | undefined) => (v === undefined ? dash : formatPrice(v, { market }));
  const shown = leverageValid ? p : undefined;
  return (
    <div className="flex flex-col gap-2">
      <dl className="divide-y divide-line/60 rounded-lg border border-line bg-bg-input px-3 py-1" data-testid="ticket-preview">
        {shown?.increase ? (
          <IncreaseRows market={market} orderType={orderType} preview={shown} increase={shown.increase} />
        ) : (
          <>
            <PreviewRow label={orderType === 'limit' ? 'Entry (trigger)' : 'Entry price'} value={price(shown?.open.entryPrice)} testId="preview-entry-price" />
            <PreviewRow label="Liquidation price" value={price(shown?.open.liquidationPrice)} testId="preview-liquidation-price" tone="warn" />
            <PreviewRow label="Size" value={shown ? formatUsd(shown.open.sizeUsd) : dash} testId="preview-size" />
            {shown && (
              <PreviewRow label="Size in asset" value={formatTokenAmount(shown.sizeTokens, shown.sizeTokenDecimals, { maxDigits: 6, symbol: market })} testId="preview-size-tokens" />
            )}
            <PreviewRow label="Collateral value" value={shown ? formatUsd(shown.open.collateralUsd) : dash} testId="preview-collateral" />
          </>
        )}
        <OpenCostRows market={market} preview={shown} slippageBps={slippageBps} postedToken={postedToken} />
      </dl>
      <TicketNotes market={market} side={side} preview={shown} postedToken={postedToken} marketOpen={marketOpen} />
    </div>
  );
}
