'use client';
/**
 * The costs of the order in money, before the signature: what is paid, the swap of an ALP long posted in USDC, the
 * oracle band (collateral counted at the low), the fees on close and on liquidation, and the borrow fee per hour
 * and per day with its APR, inline.
 */
import { formatAprFromHourly, formatBps, formatPrice, formatTokenAmount, formatUsd, formatUsdPer } from '@/lib/format';
import type { MarketId } from '@/lib/math/ids';
import { TOKENS } from '@/lib/math/params';
import { swapFeeBps } from '@/lib/math/swap';
import type { TicketPreview } from '@/lib/trade/ticket-types';
import { PreviewRow } from './PreviewRow';

const dash = '–';

export function OpenCostRows({ market, preview: p, slippageBps, postedToken }: { market: MarketId; preview: TicketPreview | undefined; slippageBps: bigint; postedToken: string }) {
  const usd = (v: bigint | undefined) => (v === undefined ? dash : formatUsd(v));
  const c = p?.costs;
  return (
    <>
      {p && c && (
        <>
          <PreviewRow label="You pay" value={`${formatTokenAmount(p.swap?.amountIn ?? p.open.collateralAmount, TOKENS[p.swap?.tokenIn ?? p.heldToken].decimals, { maxDigits: 6, symbol: postedToken })} (${formatUsd(c.postedUsd)})`} testId="preview-posted" />
          {p.swap && (
            <PreviewRow
              label={`Swap into ${p.swap.tokenOut} (fee ${formatBps(swapFeeBps(p.swap.tokenIn, p.swap.tokenOut))})`}
              value={`${formatTokenAmount(p.swap.amountOut, TOKENS[p.swap.tokenOut].decimals, { maxDigits: 6, symbol: p.swap.tokenOut })} · fee ${formatUsd(c.swapFeeUsd)}`}
              testId="preview-swap"
            />
          )}
          <PreviewRow label={`Oracle band (±${formatBps(c.bandBps)})`} value={formatUsd(c.bandUsd)} testId="preview-band" />
          {c.openFeeUsd > 0n && <PreviewRow label="Open fee" value={formatUsd(c.openFeeUsd)} testId="preview-open-fee" />}
          <PreviewRow label="Cost to open" value={`${formatUsd(c.totalUsd)} of ${formatUsd(c.postedUsd)}`} testId="preview-open-cost" />
        </>
      )}
      <PreviewRow label="Exit fee (on close)" value={usd(p?.open.exitFeeUsd)} testId="preview-exit-fee" />
      <PreviewRow label="Liquidation fee (if liquidated)" value={usd(p?.open.liquidationFeeUsd)} testId="preview-liquidation-fee" />
      <PreviewRow
        label="Borrow fee"
        value={
          p ? (
            <span className="flex flex-col items-end">
              <span>
                {formatUsdPer(p.borrow.perHourUsd, 'h')} · {formatUsdPer(p.borrow.perDayUsd, 'day')}
              </span>
              <span className="text-[11px] font-normal text-ink-faint">{formatAprFromHourly(p.borrow.rateHourly)} APR, moves the liquidation price</span>
            </span>
          ) : (
            dash
          )
        }
        testId="preview-borrow-rate"
      />
      <PreviewRow label={`Acceptable price (${formatBps(slippageBps).replace(/\.?0+%$/, '%')} slippage)`} value={p ? formatPrice(p.acceptablePrice, { market }) : dash} testId="preview-acceptable-price" />
      <PreviewRow label="Available liquidity" value={p ? formatUsd(p.availableLiquidityUsd, { compact: true }) : dash} testId="preview-available-liquidity" />
    </>
  );
}

