'use client';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { cn } from '@/components/ui/cn';
import { parseUnits } from '@/lib/math/parse';
import { MAX_SLIPPAGE_BPS, useSettings } from '@/lib/state/settings';

const PRESETS_BPS = [10, 50, 100] as const;

const presetLabel = (bps: number) => `${bps / 100}%`;

/**
 * Slippage tolerance shared with the trade screen (lib/state/settings): the min-out sent with a liquidity action is
 * the previewed amount less this. Presets plus a custom percentage (two decimals, parsed strictly).
 */
export function SlippageField({ idPrefix }: { idPrefix: string }) {
  const slippageBps = useSettings((s) => s.slippageBps);
  const setSlippageBps = useSettings((s) => s.setSlippageBps);
  const [text, setText] = useState('');
  const onCustom = (value: string) => {
    setText(value);
    const bps = parseUnits(value, 2);
    if (bps !== undefined && bps <= BigInt(MAX_SLIPPAGE_BPS)) setSlippageBps(Number(bps.toString()));
  };
  return (
    <Field label="Slippage tolerance" hint="The least you accept is the preview less this.">
      {({ inputId, describedBy }) => (
        <div className="flex flex-wrap items-center gap-1.5" role="group" aria-describedby={describedBy}>
          {PRESETS_BPS.map((bps) => (
            <button
              key={bps}
              type="button"
              aria-pressed={slippageBps === bps}
              onClick={() => {
                setText('');
                setSlippageBps(bps);
              }}
              className={cn(
                'min-h-11 rounded-md border px-3 text-xs font-medium md:min-h-8',
                slippageBps === bps ? 'border-accent bg-accent-soft text-ink' : 'border-line text-ink-muted hover:text-ink',
              )}
            >
              {presetLabel(bps)}
            </button>
          ))}
          <div className="flex min-h-11 w-24 items-center rounded-md border border-line bg-bg-input px-2 focus-within:border-accent md:min-h-8">
            <input
              id={inputId}
              data-testid={`${idPrefix}-slippage`}
              inputMode="decimal"
              autoComplete="off"
              placeholder={(slippageBps / 100).toString()}
              value={text}
              onChange={(e) => onCustom(e.target.value.replace(/[^\d.]/g, ''))}
              className="w-full min-w-0 bg-transparent text-xs text-ink outline-none"
            />
            <span className="text-xs text-ink-muted" aria-hidden>
              %
            </span>
          </div>
        </div>
      )}
    </Field>
  );
}
