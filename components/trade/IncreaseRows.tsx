'use client';
/**
 * An order that adds to an open position: what this order adds, then each figure of the position as it stands →
 * after the merge (entry → the new weighted entry, collateral → current + added, the position's fee totals), never
 * the mark or the increment on the left.
 */
import { formatLeverage, formatPrice, formatUsd } from '@/lib/format';
import type { MarketId } from '@/lib/math/ids';
import type { IncreasePreview, OrderType, TicketPreview } from '@/lib/trade/ticket-types';
import { PreviewRow } from './PreviewRow';

export function IncreaseRows({ market, orderType, preview, increase }: { market: MarketId; orderType: OrderType; preview: TicketPreview; increase: IncreasePreview }) {
  const { before, after } = increase;
  const price = (v: bigint) => formatPrice(v, { market });
  return (
    <>
      <PreviewRow label={orderType === 'limit' ? 'This order fills at (trigger)' : 'This order fills at'} value={price(preview.open.entryPrice)} testId="preview-fill-price" />
      <PreviewRow label="This order adds" value={`${formatUsd(preview.open.sizeUsd)} size · ${formatUsd(preview.open.collateralUsd)} collateral`} testId="preview-added" />
      <div className="py-1 text-[11px] font-semibold tracking-wide text-ink-faint uppercase" role="presentation">
        Your position: now → after
      </div>
      <PreviewRow label="Entry price" value={price(before.entryPrice)} after={price(after.entryPrice)} testId="preview-entry-price" />
      <PreviewRow label="Liquidation price" value={price(before.liquidationPrice)} after={price(after.liquidationPrice)} testId="preview-liquidation-price" tone="warn" />
      <PreviewRow label="Size" value={formatUsd(before.sizeUsd)} after={formatUsd(after.sizeUsd)} testId="preview-size" />
      <PreviewRow label="Collateral" value={formatUsd(before.collateralUsd)} after={formatUsd(after.collateralUsd)} testId="preview-collateral" />
      <PreviewRow
        label="Leverage"
        value={before.liquidatable ? 'past liquidation' : formatLeverage(before.leverageBps)}
        after={after.liquidatable ? 'liquidated at once' : formatLeverage(after.leverageBps)}
        testId="preview-leverage"
        tone={after.liquidatable ? 'short' : undefined}
      />
      <PreviewRow label="Exit fee (position)" value={formatUsd(before.exitFeeUsd)} after={formatUsd(after.exitFeeUsd)} testId="preview-position-exit-fee" />
      <PreviewRow label="Liquidation fee (position)" value={formatUsd(before.liquidationFeeUsd)} after={formatUsd(after.liquidationFeeUsd)} testId="preview-position-liquidation-fee" />
      {before.borrowFeeUsd > 0n && (
        <PreviewRow label="Borrow fee owed (carried)" value={before.borrowFeeUsd < 5_000n ? '<$0.01' : formatUsd(before.borrowFeeUsd)} testId="preview-borrow-owed" />
      )}
    </>
  );
}
