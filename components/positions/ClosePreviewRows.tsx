'use client';
/** The close preview: what closes, at which price, the PnL, each fee, and what arrives in the wallet (after a payout swap). */
import { PreviewRow } from '@/components/trade/PreviewRow';
import type { Position } from '@/lib/client/types';
import { formatBps, formatPrice, formatTokenAmount, formatUsd } from '@/lib/format';
import type { CloseResult } from '@/lib/math/close';
import { TOKENS } from '@/lib/math/params';
import type { PayoutSwapPreview } from '@/lib/trade/payout-swap';

export function ClosePreviewRows({ position: p, price, result: r, acceptablePrice, swap }: { position: Position; price: bigint; result: CloseResult | undefined; acceptablePrice: bigint | undefined; swap: PayoutSwapPreview | undefined }) {
  const tokens = (amount: bigint, token: keyof typeof TOKENS) => formatTokenAmount(amount, TOKENS[token].decimals, { maxDigits: 6, symbol: token });
  return (
    <dl className="divide-y divide-line/60 rounded-lg border border-line bg-bg-input px-3 py-1">
      <PreviewRow label="Size closed" value={r ? formatUsd(r.closedSizeUsd) : '–'} testId="close-size" />
      <PreviewRow label="Mark price" value={formatPrice(price, { market: p.market })} />
      <PreviewRow label="Price PnL" value={r ? formatUsd(r.pricePnlUsd, { sign: true }) : '–'} tone={r && r.pricePnlUsd < 0n ? 'short' : 'long'} />
      <PreviewRow label="Exit fee" value={r ? formatUsd(r.feeUsd) : '–'} testId="close-exit-fee" />
      <PreviewRow label="Borrow fee" value={r ? formatUsd(r.borrowFeePaidUsd) : '–'} testId="close-borrow-fee" />
      <PreviewRow label={swap ? 'Paid out' : 'You receive'} value={r ? `${tokens(r.payoutAmount, p.collateralToken)} (${formatUsd(r.payoutUsd)})` : '–'} testId="close-payout" />
      {swap && (
        <>
          <PreviewRow label={`Swap fee (${formatBps(swap.feeBps)})`} value={tokens(swap.feeAmount, swap.tokenIn)} testId="close-swap-fee" />
          <PreviewRow label="You receive" value={`${tokens(swap.amountOut, swap.tokenOut)} (at least ${tokens(swap.minAmountOut, swap.tokenOut)})`} testId="close-swap-out" />
        </>
      )}
      <PreviewRow label="Realised PnL (after fees)" value={r ? formatUsd(r.realizedPnlUsd, { sign: true }) : '–'} testId="close-realized-pnl" />
      {r?.remaining && <PreviewRow label="Left open" value={`${formatUsd(r.remaining.sizeUsd)} size · ${formatUsd(r.remaining.collateralUsd)} collateral`} testId="close-remaining" />}
      {acceptablePrice !== undefined && <PreviewRow label="Acceptable price" value={formatPrice(acceptablePrice, { market: p.market })} />}
    </dl>
  );
}
