import type { AddPreview, RemovePreview } from '@/lib/earn/liquidity-preview';
import { formatBps, formatTokenAmount, formatUsd } from '@/lib/format';
import type { PoolId, TokenId } from '@/lib/math/ids';
import { LP_DECIMALS } from '@/lib/math/scales';

function Row({ label, value, testId, strong = false }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-ink-muted">{label}</dt>
      <dd className={strong ? 'text-right font-semibold text-ink' : 'text-right text-ink'} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * What the action would do, before signing: amount received, the fee (tokens and bps), the total effective cost in
 * USD against the oracle mid (fee + the band: deposits valued at the low, withdrawals paid at the high), the LP price
 * used, the least accepted after slippage, and the custody's share before → after.
 */
export function LiquidityPreviewRows({
  preview,
  pool,
  token,
  decimals,
  feeBps,
  idPrefix,
}: {
  preview: AddPreview | RemovePreview;
  pool: PoolId;
  token: TokenId;
  decimals: number;
  feeBps: bigint;
  idPrefix: string;
}) {
  const lp = (v: bigint) => `${formatTokenAmount(v, LP_DECIMALS, { maxDigits: 6 })} ${pool}`;
  const tok = (v: bigint) => `${formatTokenAmount(v, decimals, { maxDigits: decimals })} ${token}`;
  return (
    <dl className="space-y-1.5 rounded-lg border border-line bg-bg-input p-3 text-xs" aria-live="polite" data-testid={`${idPrefix}-preview`}>
      {preview.kind === 'add' ? (
        <>
          <Row label="You receive" value={lp(preview.lpOut)} testId={`${idPrefix}-out`} strong />
          <Row label="Deposit value" value={formatUsd(preview.valueUsd)} />
          <Row label={`Fee (${formatBps(feeBps)})`} value={tok(preview.feeAmount)} testId={`${idPrefix}-fee`} />
          <Row label="Minimum received" value={lp(preview.minLpOut)} />
        </>
      ) : (
        <>
          <Row label="You receive" value={tok(preview.amountOut)} testId={`${idPrefix}-out`} strong />
          <Row label="Redeemed value" value={formatUsd(preview.usdOut)} />
          <Row label={`Fee (${formatBps(feeBps)})`} value={tok(preview.feeAmount)} testId={`${idPrefix}-fee`} />
          <Row label="Minimum received" value={tok(preview.minAmountOut)} />
        </>
      )}
      <Row
        label="Total cost (fee + price band)"
        value={`${formatUsd(preview.cost.totalUsd)} of ${formatUsd(preview.cost.baseUsd)} (fee ${formatUsd(preview.cost.feeUsd)}, band ${formatUsd(preview.cost.bandUsd)})`}
        testId={`${idPrefix}-total-cost`}
      />
      <Row label={`${pool} price used`} value={formatUsd(preview.lpPriceUsd, { digits: 6 })} testId={`${idPrefix}-lp-price`} />
      {preview.ratio ? (
        <Row
          label={`${token} share of ${pool}`}
          value={`${formatBps(preview.ratio.beforeBps)} → ${formatBps(preview.ratio.afterBps)} (${formatBps(preview.ratio.minBps, { digits: 0 })}–${formatBps(preview.ratio.maxBps, { digits: 0 })})`}
        />
      ) : null}
    </dl>
  );
}
