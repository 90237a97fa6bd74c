'use client';
/**
 * Close 25 / 50 / 75 / 100% or a size in USD, previewed by lib/trade (lib/math close). Nothing is chosen at first
 * and an emptied field closes nothing; more than the position is refused; a typed size shows exactly what its
 * fraction closes. The payout of an ALP long comes in its token, or in USDC through a swap (a second signature).
 */
import { useState } from 'react';
import { Button, Modal, NumberInput, cn } from '@/components/ui';
import type { Position } from '@/lib/client/types';
import { formatBps, formatUsd, tidyMessage } from '@/lib/format';
import { usePositionActions } from '@/lib/hooks/trade/use-position-actions';
import { useMarket } from '@/lib/hooks/use-markets';
import type { TokenId } from '@/lib/math/ids';
import { MARKETS } from '@/lib/math/params';
import { USD_DECIMALS } from '@/lib/math/scales';
import { useSettings } from '@/lib/state/settings';
import { closeAmount } from '@/lib/trade/close-amount';
import type { CloseChoice } from '@/lib/trade/close-amount';
import { CLOSE_FRACTIONS_BPS, previewClose } from '@/lib/trade/close-preview';
import { payoutTokens, previewPayoutSwap } from '@/lib/trade/payout-swap';
import { ClosePreviewRows } from './ClosePreviewRows';

export function ClosePositionDialog({ position: p, price, onClose }: { position: Position; price: bigint; onClose: () => void }) {
  const [choice, setChoice] = useState<CloseChoice>({ kind: 'none' });
  const [payoutToken, setPayoutToken] = useState<TokenId>(p.collateralToken);
  const slippageBps = BigInt(useSettings((s) => s.slippageBps));
  const marketOpen = useMarket(p.market)?.open ?? true;
  const { close, closeAndSwap, pending } = usePositionActions();
  const pool = MARKETS[p.market].pool;
  const amount = closeAmount({ choice, positionSizeUsd: p.sizeUsd });
  const outcome = amount.ok ? previewClose({ position: p, collateralToken: p.collateralToken, fractionBps: amount.fractionBps, price, slippageBps, marketOpen }) : undefined;
  const r = outcome?.preview?.result;
  const swap = r && payoutToken !== p.collateralToken ? previewPayoutSwap({ pool, tokenIn: p.collateralToken, tokenOut: payoutToken, amountIn: r.payoutAmount, price, slippageBps }) : undefined;
  const issue = !amount.ok ? amount.message : outcome?.issue ? tidyMessage(outcome.issue.message, { market: p.market }) : undefined;
  const rounded = amount.ok && amount.typedSizeUsd !== undefined && amount.closedSizeUsd !== amount.typedSizeUsd;
  const ready = amount.ok && outcome?.preview !== undefined && issue === undefined && (payoutToken === p.collateralToken || swap !== undefined);
  const submit = () => {
    if (!amount.ok || !outcome?.preview) return;
    const params = { positionId: p.id, fractionBps: amount.fractionBps, acceptablePrice: outcome.preview.acceptablePrice };
    const sent = payoutToken === p.collateralToken ? close(params) : closeAndSwap(params, { pool, tokenIn: p.collateralToken, tokenOut: payoutToken, price, slippageBps });
    sent.then(onClose, () => undefined);
  };
  return (
    <Modal open onClose={onClose} title={`Close ${p.market} ${p.side}`}>
      <div className="flex flex-col gap-4" data-testid="close-dialog">
        <div className="flex gap-1.5" role="group" aria-label="Part to close">
          {CLOSE_FRACTIONS_BPS.map((f) => {
            const on = choice.kind === 'fraction' && choice.fractionBps === f;
            return (
              <button
                key={f.toString()}
                type="button"
                aria-pressed={on}
                onClick={() => setChoice({ kind: 'fraction', fractionBps: f })}
                className={cn(
                  'min-h-11 flex-1 rounded-md border text-sm font-semibold md:min-h-9',
                  on ? 'border-accent bg-accent-soft text-accent' : 'border-line text-ink-muted hover:text-ink',
                )}
              >
                {f === 10_000n ? '100%' : `${f / 100n}%`}
              </button>
            );
          })}
        </div>
        <NumberInput
          label="Or size to close"
          aside={`Position ${formatUsd(p.sizeUsd)}`}
          value={choice.kind === 'size' ? choice.text : ''}
          onValueChange={(text) => setChoice({ kind: 'size', text })}
          maxDecimals={USD_DECIMALS}
          placeholder="0.00"
          suffix="USD"
          data-testid="close-amount"
        />
        {rounded && amount.ok && (
          <p className="-mt-2 text-xs text-ink-muted" data-testid="close-rounding">
            A close is a whole number of 0.01% steps of the position: {formatUsd(amount.typedSizeUsd ?? 0n)} rounds up to {formatBps(amount.fractionBps)}, which closes{' '}
            {formatUsd(amount.closedSizeUsd)}.
          </p>
        )}
        <PayoutChoice tokens={payoutTokens({ pool, token: p.collateralToken })} value={payoutToken} onChange={setPayoutToken} />
        {payoutToken !== p.collateralToken && (
          <p className="-mt-2 text-xs text-ink-muted" data-testid="close-swap-note">
            Two signatures: the close pays out {p.collateralToken}, then the pool swaps exactly that into {payoutToken}. If the swap is refused, you keep the{' '}
            {p.collateralToken}.
          </p>
        )}
        <ClosePreviewRows position={p} price={price} result={r} acceptablePrice={outcome?.preview?.acceptablePrice} swap={swap} />
        {issue && (
          <p role="alert" className="text-xs text-short" data-testid="close-issue">
            {issue}
          </p>
        )}
        <Button variant="primary" size="lg" fullWidth loading={pending} disabled={!ready} data-testid="close-confirm" onClick={submit}>
          {!amount.ok ? 'Choose how much to close' : amount.fractionBps === 10_000n ? 'Close position' : `Close ${formatUsd(amount.closedSizeUsd)} (${formatBps(amount.fractionBps)})`}
        </Button>
      </div>
    </Modal>
  );
}

function PayoutChoice({ tokens, value, onChange }: { tokens: TokenId[]; value: TokenId; onChange: (t: TokenId) => void }) {
  if (tokens.length < 2) return null;
  return (
    <div className="flex items-center gap-2 text-xs text-ink-muted" role="radiogroup" aria-label="Receive the payout in">
      <span>Receive in</span>
      {tokens.map((t) => (
        <button
          key={t}
          type="button"
          role="radio"
          aria-checked={value === t}
          data-testid={`close-payout-token-${t}`}
          onClick={() => onChange(t)}
          className={cn('min-h-11 rounded-md border px-3 font-semibold md:min-h-8', value === t ? 'border-accent bg-accent-soft text-accent' : 'border-line hover:text-ink')}
        >
          {t}
          {t !== tokens[0] ? ' (swap)' : ''}
        </button>
      ))}
    </div>
  );
}
