'use client';
/**
 * Every cost and level before the signature (ANCHORS: "show every cost before the signature"): entry,
 * liquidation, size, collateral, fees, borrow rate, acceptable price, liquidity; after an increase, the
 * position's new values. All figures come from lib/trade (lib/math), never from floats.
 */
import { Tooltip } from '@/components/ui';
import { formatAprFromHourly, formatLeverage, formatPrice, formatRateHourly, formatTokenAmount, formatUsd } from '@/lib/format';
import type { MarketId, Side } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import type { OrderType, TicketPreview as Preview } from '@/lib/trade/ticket-types';
import { PreviewRow } from './PreviewRow';

export interface TicketPreviewProps {
  market: MarketId;
  side: Side;
  orderType: OrderType;
  preview: Preview | undefined;
  slippageBps: bigint;
  /** The existing position's liquidation price, for the "old → new" row. */
  existingLiquidationPrice: bigint | undefined;
  existingSizeUsd: bigint | undefined;
}

const dash = '–';

export function TicketPreview({ market, side, orderType, preview, slippageBps, existingLiquidationPrice, existingSizeUsd }: TicketPreviewProps) {
  const p = preview;
  const price = (v: bigint | undefined) => (v === undefined ? dash : formatPrice(v, { market }));
  const usd = (v: bigint | undefined) => (v === undefined ? dash : formatUsd(v));
  const after = p?.after;
  return (
    <div className="flex flex-col gap-2">
      <dl className="divide-y divide-line/60 rounded-lg border border-line bg-bg-input px-3 py-1" data-testid="ticket-preview">
        <PreviewRow label={orderType === 'limit' ? 'Entry (trigger)' : 'Entry price'} value={price(p?.open.entryPrice)} after={after ? price(after.entryPrice) : undefined} testId="preview-entry-price" />
        <PreviewRow
          label="Liquidation price"
          value={after && existingLiquidationPrice !== undefined ? price(existingLiquidationPrice) : price(p?.open.liquidationPrice)}
          after={after ? price(after.liquidationPrice) : undefined}
          testId="preview-liquidation-price"
          tone="warn"
        />
        <PreviewRow
          label="Size"
          value={p ? `${formatUsd(after && existingSizeUsd !== undefined ? existingSizeUsd : p.open.sizeUsd)}` : dash}
          after={after ? formatUsd(after.sizeUsd) : undefined}
          testId="preview-size"
        />
        {p && (
          <PreviewRow label="Size in asset" value={formatTokenAmount(p.sizeTokens, p.sizeTokenDecimals, { maxDigits: 6, symbol: market })} testId="preview-size-tokens" />
        )}
        <PreviewRow label="Collateral value" value={usd(p?.open.collateralUsd)} after={after ? formatUsd(after.collateralUsd) : undefined} testId="preview-collateral" />
        {after && <PreviewRow label="Leverage after" value={formatLeverage(after.leverageBps)} testId="preview-leverage-after" />}
        {p?.swap && (
          <PreviewRow
            label="Swap to position token"
            value={`${formatTokenAmount(p.swap.amountOut, TOKENS[p.swap.tokenOut].decimals, { maxDigits: 6, symbol: p.swap.tokenOut })} (fee ${formatTokenAmount(p.swap.feeAmount, TOKENS[p.swap.tokenIn].decimals, { symbol: p.swap.tokenIn })})`}
            testId="preview-swap"
          />
        )}
        <PreviewRow label="Exit fee (on close)" value={usd(p?.open.exitFeeUsd)} testId="preview-exit-fee" />
        <PreviewRow label="Liquidation fee" value={usd(p?.open.liquidationFeeUsd)} testId="preview-liquidation-fee" />
        <PreviewRow
          label="Borrow rate"
          value={
            p ? (
              <Tooltip align="end" content={`${formatAprFromHourly(p.borrowRateHourly)} APR. Borrow fees accrue every hour and move the liquidation price toward the mark.`}>
                {formatRateHourly(p.borrowRateHourly)}
              </Tooltip>
            ) : (
              dash
            )
          }
          testId="preview-borrow-rate"
        />
        <PreviewRow label={`Acceptable price (${formatBpsShort(slippageBps)} slippage)`} value={price(p?.acceptablePrice)} testId="preview-acceptable-price" />
        <PreviewRow label="Available liquidity" value={p ? formatUsd(p.availableLiquidityUsd, { compact: true }) : dash} testId="preview-available-liquidity" />
      </dl>
      {side === 'short' && (
        <p className="text-xs text-ink-faint" data-testid="short-profit-cap">
          A short&apos;s profit is capped at 100% of its size{p?.maxProfitUsd !== undefined ? ` (${formatUsd(p.maxProfitUsd)})` : ''}: the pool locks exactly that.
        </p>
      )}
    </div>
  );
}

function formatBpsShort(bps: bigint): string {
  const whole = bps / 100n;
  const frac = (bps % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${whole}${frac ? '.' + frac : ''}%`;
}
