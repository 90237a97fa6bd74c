'use client';
/** Close 25 / 50 / 75 / 100% or a USD amount of size, with the payout previewed by lib/trade (lib/math close). */
import { useState } from 'react';
import { Button, Modal, NumberInput, cn } from '@/components/ui';
import { PreviewRow } from '@/components/trade/PreviewRow';
import type { Position } from '@/lib/client/types';
import { formatPrice, formatTokenAmount, formatUsd } from '@/lib/format';
import { usePositionActions } from '@/lib/hooks/trade/use-position-actions';
import { useMarket } from '@/lib/hooks/use-markets';
import { TOKENS } from '@/lib/math/params';
import { parseUnits } from '@/lib/math/parse';
import { USD_DECIMALS } from '@/lib/math/scales';
import { useSettings } from '@/lib/state/settings';
import { CLOSE_FRACTIONS_BPS, fractionForCloseSize, previewClose } from '@/lib/trade/close-preview';

export function ClosePositionDialog({ position: p, price, onClose }: { position: Position; price: bigint; onClose: () => void }) {
  const [fractionBps, setFractionBps] = useState<bigint>(10_000n);
  const [amountText, setAmountText] = useState('');
  const slippageBps = BigInt(useSettings((s) => s.slippageBps));
  const marketOpen = useMarket(p.market)?.open ?? true;
  const { close, pending } = usePositionActions();
  const typed = amountText === '' ? undefined : parseUnits(amountText, USD_DECIMALS);
  const fraction = amountText === '' ? fractionBps : typed === undefined ? undefined : fractionForCloseSize({ closeSizeUsd: typed, positionSizeUsd: p.sizeUsd });
  const outcome = fraction === undefined ? undefined : previewClose({ position: p, collateralToken: p.collateralToken, fractionBps: fraction, price, slippageBps, marketOpen });
  const r = outcome?.preview?.result;
  const issue = fraction === undefined ? 'Enter the size to close in USD.' : outcome?.issue?.message;
  const decimals = TOKENS[p.collateralToken].decimals;
  return (
    <Modal open onClose={onClose} title={`Close ${p.market} ${p.side}`}>
      <div className="flex flex-col gap-4" data-testid="close-dialog">
        <div className="flex gap-1.5" role="group" aria-label="Part to close">
          {CLOSE_FRACTIONS_BPS.map((f) => (
            <button
              key={f.toString()}
              type="button"
              aria-pressed={amountText === '' && f === fractionBps}
              onClick={() => {
                setFractionBps(f);
                setAmountText('');
              }}
              className={cn(
                'min-h-11 flex-1 rounded-md border text-sm font-semibold md:min-h-9',
                amountText === '' && f === fractionBps ? 'border-accent bg-accent-soft text-accent' : 'border-line text-ink-muted hover:text-ink',
              )}
            >
              {f === 10_000n ? '100%' : `${f / 100n}%`}
            </button>
          ))}
        </div>
        <NumberInput label="Or size to close" value={amountText} onValueChange={setAmountText} maxDecimals={USD_DECIMALS} placeholder={formatUsd(p.sizeUsd).slice(1)} suffix="USD" data-testid="close-amount" />
        <dl className="divide-y divide-line/60 rounded-lg border border-line bg-bg-input px-3 py-1">
          <PreviewRow label="Size closed" value={r ? formatUsd(r.closedSizeUsd) : '–'} testId="close-size" />
          <PreviewRow label="Mark price" value={formatPrice(price, { market: p.market })} />
          <PreviewRow label="Price PnL" value={r ? formatUsd(r.pricePnlUsd, { sign: true }) : '–'} tone={r && r.pricePnlUsd < 0n ? 'short' : 'long'} />
          <PreviewRow label="Exit fee" value={r ? formatUsd(r.feeUsd) : '–'} />
          <PreviewRow label="Borrow fee" value={r ? formatUsd(r.borrowFeePaidUsd) : '–'} />
          <PreviewRow label="You receive" value={r ? `${formatTokenAmount(r.payoutAmount, decimals, { maxDigits: 6, symbol: p.collateralToken })} (${formatUsd(r.payoutUsd)})` : '–'} testId="close-payout" />
          <PreviewRow label="Realised PnL" value={r ? formatUsd(r.realizedPnlUsd, { sign: true }) : '–'} testId="close-realized-pnl" />
          {r?.remaining && <PreviewRow label="Collateral left" value={formatUsd(r.remaining.collateralUsd)} />}
          {outcome?.preview && <PreviewRow label="Acceptable price" value={formatPrice(outcome.preview.acceptablePrice, { market: p.market })} />}
        </dl>
        {issue && (
          <p role="alert" className="text-xs text-short" data-testid="close-issue">
            {issue}
          </p>
        )}
        <Button
          variant="primary"
          size="lg"
          fullWidth
          loading={pending}
          disabled={issue !== undefined || !outcome?.preview || fraction === undefined}
          data-testid="close-confirm"
          onClick={() => {
            if (!outcome?.preview || fraction === undefined) return;
            close({ positionId: p.id, fractionBps: fraction, acceptablePrice: outcome.preview.acceptablePrice }).then(onClose, () => undefined);
          }}
        >
          Close {fraction === 10_000n ? 'position' : 'part'}
        </Button>
      </div>
    </Modal>
  );
}
