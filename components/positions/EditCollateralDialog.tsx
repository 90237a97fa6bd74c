'use client';
/** Add collateral (tokens, valued at the oracle low) or remove it (USD, paid at the oracle high), with new leverage and liquidation price. */
import { useState } from 'react';
import { Button, Modal, NumberInput, Tabs } from '@/components/ui';
import { PreviewRow } from '@/components/trade/PreviewRow';
import type { Position } from '@/lib/client/types';
import { formatLeverage, formatPrice, formatTokenAmount, formatUsd, tidyMessage } from '@/lib/format';
import { usePositionActions } from '@/lib/hooks/trade/use-position-actions';
import { useAccount } from '@/lib/hooks/use-account';
import { TOKENS } from '@/lib/math/params';
import { parseUnits } from '@/lib/math/parse';
import { USD_DECIMALS } from '@/lib/math/scales';
import { previewAddCollateral, previewRemoveCollateral } from '@/lib/trade/collateral-preview';

type Mode = 'add' | 'remove';

export function EditCollateralDialog({ position: p, price, onClose }: { position: Position; price: bigint; onClose: () => void }) {
  const [mode, setMode] = useState<Mode>('add');
  const [text, setText] = useState('');
  const balance = useAccount().data?.balances[p.collateralToken];
  const { addCollateral, removeCollateral, pending } = usePositionActions();
  const decimals = mode === 'add' ? TOKENS[p.collateralToken].decimals : USD_DECIMALS;
  const amount = text === '' ? undefined : parseUnits(text, decimals);
  const edit = { market: p.market, position: p, collateralToken: p.collateralToken, price };
  const outcome =
    amount === undefined ? undefined : mode === 'add' ? previewAddCollateral({ ...edit, amount }) : previewRemoveCollateral({ ...edit, amountUsd: amount });
  const overBalance = mode === 'add' && amount !== undefined && balance !== undefined && amount > balance;
  const issue = overBalance ? `Not enough ${p.collateralToken} in your wallet.` : outcome?.issue && tidyMessage(outcome.issue.message, { market: p.market });
  const next = outcome?.preview;
  return (
    <Modal open onClose={onClose} title={`Edit collateral: ${p.market} ${p.side}`}>
      <div className="flex flex-col gap-4" data-testid="collateral-dialog">
        <Tabs<Mode>
          label="Add or remove"
          value={mode}
          onChange={(m) => {
            setMode(m);
            setText('');
          }}
          items={[
            { value: 'add', label: 'Add' },
            { value: 'remove', label: 'Remove' },
          ]}
        />
        <NumberInput
          label={mode === 'add' ? `Deposit (${p.collateralToken})` : 'Withdraw (USD)'}
          value={text}
          onValueChange={setText}
          maxDecimals={decimals}
          placeholder="0.0"
          suffix={mode === 'add' ? p.collateralToken : 'USD'}
          aside={mode === 'add' && balance !== undefined ? `Balance: ${formatTokenAmount(balance, TOKENS[p.collateralToken].decimals, { symbol: p.collateralToken })}` : undefined}
          data-testid="collateral-edit-amount"
        />
        <dl className="divide-y divide-line/60 rounded-lg border border-line bg-bg-input px-3 py-1">
          <PreviewRow label="Collateral" value={formatUsd(p.collateralUsd)} after={next ? formatUsd(next.collateralUsd) : undefined} testId="collateral-edit-value" />
          <PreviewRow label="Leverage" value={formatLeverage(p.leverageBps)} after={next ? formatLeverage(next.leverageBps) : undefined} testId="collateral-edit-leverage" />
          <PreviewRow
            label="Liquidation price"
            value={formatPrice(p.liquidationPrice, { market: p.market })}
            after={next ? formatPrice(next.liquidationPrice, { market: p.market }) : undefined}
            testId="collateral-edit-liquidation-price"
            tone="warn"
          />
          {mode === 'remove' && next && (
            <PreviewRow label="You receive" value={formatTokenAmount(next.amount, TOKENS[p.collateralToken].decimals, { maxDigits: 6, symbol: p.collateralToken })} />
          )}
        </dl>
        {issue && (
          <p role="alert" className="text-xs text-short" data-testid="collateral-edit-issue">
            {issue}
          </p>
        )}
        <Button
          variant="primary"
          size="lg"
          fullWidth
          loading={pending}
          disabled={!next || issue !== undefined || amount === undefined}
          data-testid="collateral-edit-confirm"
          onClick={() => {
            if (amount === undefined) return;
            const sent = mode === 'add' ? addCollateral({ positionId: p.id, amount }) : removeCollateral({ positionId: p.id, amountUsd: amount });
            sent.then(onClose, () => undefined);
          }}
        >
          {mode === 'add' ? 'Add collateral' : 'Withdraw collateral'}
        </Button>
      </div>
    </Modal>
  );
}
