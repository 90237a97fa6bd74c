'use client';
import { useState } from 'react';
import type { Account, Market, Pool } from '@/lib/client/types';
import { isRefusalOnly } from '@/lib/earn/liquidity-preview';
import { formatTokenAmount, tidyMessage, tokenAmountToInput } from '@/lib/format';
import { useLiquidityAction } from '@/lib/hooks/earn/use-liquidity-action';
import { useLiquidityPreview } from '@/lib/hooks/earn/use-liquidity-preview';
import type { LiquidityMode } from '@/lib/hooks/earn/use-liquidity-preview';
import type { TokenId } from '@/lib/math/ids';
import { LP_DECIMALS } from '@/lib/math/scales';
import { useSettings } from '@/lib/state/settings';
import { Button } from '@/components/ui/button';
import { NumberInput } from '@/components/ui/number-input';
import { Tabs } from '@/components/ui/tabs';
import { ConnectToContinue } from '@/components/earn/ConnectToContinue';
import { LiquidityPreviewRows } from '@/components/earn/LiquidityPreviewRows';
import { SlippageField } from '@/components/earn/SlippageField';
import { TokenSelect } from '@/components/earn/TokenSelect';

/**
 * Add or remove liquidity of one pool: token, amount with balance and Max, a live preview from lib/math (LP out or
 * tokens out, fee, LP price used, min received), the slippage setting, and any refusal explained before signing.
 */
export function LiquidityPanel({ pool, markets, account, connected }: { pool: Pool; markets: readonly Market[]; account: Account | undefined; connected: boolean }) {
  const idPrefix = `liq-${pool.id}`;
  const [mode, setMode] = useState<LiquidityMode>('add');
  const [token, setToken] = useState<TokenId>(pool.custodies[0]?.token ?? 'USDC');
  const [text, setText] = useState('');
  const slippageBps = BigInt(useSettings((s) => s.slippageBps));
  const custody = pool.custodies.find((c) => c.token === token);
  const decimals = custody?.decimals ?? 6;
  const walletBalance = account?.balances[token];
  const lpBalance = account?.lp[pool.id];
  const { amount, invalid, preview } = useLiquidityPreview({ pool, markets, mode, token, text, walletBalance, lpBalance, slippageBps });
  const { submit, pending } = useLiquidityAction({ pool: pool.id, token, decimals });

  const balance = mode === 'add' ? walletBalance : lpBalance;
  const balanceDecimals = mode === 'add' ? decimals : LP_DECIMALS;
  const unit = mode === 'add' ? token : pool.id;
  const refusal = isRefusalOnly(preview) ? preview : preview?.refusal;
  const ready = preview !== undefined && !isRefusalOnly(preview) && refusal === undefined;

  const onSubmit = async () => {
    if (!preview || isRefusalOnly(preview) || refusal) return;
    if (await submit(preview)) setText('');
  };

  return (
    <div className="space-y-4">
      <Tabs
        label={`${pool.id} liquidity`}
        idPrefix={idPrefix}
        value={mode}
        onChange={(m) => {
          setMode(m);
          setText('');
        }}
        items={[
          { value: 'add', label: 'Add', tone: 'long' },
          { value: 'remove', label: 'Remove', tone: 'short' },
        ]}
      />
      <form
        id={`${idPrefix}-panel-${mode}`}
        role="tabpanel"
        aria-labelledby={`${idPrefix}-tab-${mode}`}
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {pool.custodies.length > 1 ? (
          <TokenSelect
            id={`${idPrefix}-token`}
            label={mode === 'add' ? 'Deposit token' : 'Receive token'}
            value={token}
            tokens={pool.custodies.map((c) => c.token)}
            onChange={(t) => {
              setToken(t);
              if (mode === 'add') setText('');
            }}
          />
        ) : null}
        <NumberInput
          label={mode === 'add' ? `Amount of ${token}` : `Amount of ${pool.id} to redeem`}
          value={text}
          onValueChange={setText}
          maxDecimals={balanceDecimals}
          placeholder="0.0"
          suffix={unit}
          data-testid={`${idPrefix}-amount`}
          error={invalid ? 'Enter a number, like 12.5' : undefined}
          aside={
            balance === undefined ? undefined : (
              <span className="flex items-center gap-2">
                <span data-testid={`${idPrefix}-balance`}>Balance {formatTokenAmount(balance, balanceDecimals, { maxDigits: 6 })}</span>
                <button
                  type="button"
                  className="-my-3 min-h-11 rounded px-2 font-semibold text-accent hover:bg-accent-soft md:my-0 md:min-h-0 md:py-0.5"
                  onClick={() => setText(tokenAmountToInput(balance, balanceDecimals))}
                  data-testid={`${idPrefix}-max`}
                  aria-label={`Use the whole balance of ${unit}`}
                >
                  Max
                </button>
              </span>
            )
          }
        />
        {preview && !isRefusalOnly(preview) ? (
          <LiquidityPreviewRows
            preview={preview}
            pool={pool.id}
            token={token}
            decimals={decimals}
            feeBps={mode === 'add' ? (custody?.addFeeBps ?? 0n) : (custody?.removeFeeBps ?? 0n)}
            idPrefix={idPrefix}
          />
        ) : null}
        {refusal ? (
          <p role="alert" className="rounded-lg border border-short/40 bg-short-soft px-3 py-2 text-sm text-short" data-testid={`${idPrefix}-refusal`}>
            {tidyMessage(refusal.message)}
          </p>
        ) : null}
        <SlippageField idPrefix={idPrefix} />
        {connected ? (
          <Button type="submit" variant={mode === 'add' ? 'long' : 'short'} fullWidth size="lg" disabled={!ready} loading={pending} data-testid={`${idPrefix}-submit`}>
            {amount === undefined ? 'Enter an amount' : mode === 'add' ? `Add ${token} to ${pool.id}` : `Withdraw ${token}`}
          </Button>
        ) : (
          <ConnectToContinue testId={`${idPrefix}-connect`} />
        )}
      </form>
    </div>
  );
}
