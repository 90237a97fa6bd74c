'use client';
/** A price field (1e10 fixed point, typed as text) with ±% preset buttons computed by lib/trade. */
import { NumberInput } from '@/components/ui';
import { priceToInput } from '@/lib/format';
import type { MarketId } from '@/lib/math/ids';
import { PRICE_DECIMALS } from '@/lib/math/scales';

export interface PricePreset {
  label: string;
  price: bigint;
  /** A second line under the label (the PnL at this trigger). */
  detail?: string | undefined;
}

export interface PriceInputProps {
  label: string;
  market: MarketId;
  value: string;
  onChange: (text: string) => void;
  presets: readonly PricePreset[];
  testId: string;
  hint?: string | undefined;
  error?: string | undefined;
}

export function PriceInput({ label, market, value, onChange, presets, testId, hint, error }: PriceInputProps) {
  return (
    <div className="flex flex-col gap-1.5">
      <NumberInput label={label} value={value} onValueChange={onChange} maxDecimals={PRICE_DECIMALS} placeholder="0.00" suffix="USD" data-testid={testId} hint={hint} error={error} />
      {presets.length > 0 && (
        <div className="flex gap-1.5" role="group" aria-label={`${label} presets`}>
          {presets.map((p) => (
            <button
              key={p.label}
              type="button"
              onClick={() => onChange(priceToInput(p.price, { market }))}
              className="flex min-h-11 flex-1 flex-col items-center justify-center rounded-md border border-line bg-bg-input px-1 py-0.5 text-xs font-semibold text-ink-muted hover:border-line-strong hover:text-ink md:min-h-7"
            >
              {p.label}
              {p.detail && <span className="num text-[10px] font-normal text-ink-faint">{p.detail}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
