'use client';
/** Leverage from 1.1x to the market's maximum: a slider in 0.1x steps, marks, and a number field (Adrena). */
import { useId, useState } from 'react';
import { cn } from '@/components/ui';
import { formatLeverage } from '@/lib/format';
import { PROTOCOL } from '@/lib/math/params';
import { amountToInputText } from '@/lib/trade/amount-fraction';
import { clampLeverageBps, leverageMarksBps, leverageToSteps, parseLeverageBps, stepsToLeverageBps } from '@/lib/trade/leverage';

export interface LeverageSliderProps {
  leverageBps: bigint;
  maxLeverageBps: bigint;
  onChange: (leverageBps: bigint) => void;
}

const toText = (bps: bigint) => amountToInputText({ amount: bps, decimals: 4 });

export function LeverageSlider({ leverageBps, maxLeverageBps, onChange }: LeverageSliderProps) {
  const sliderId = useId();
  const fieldId = useId();
  /** The text while the field is being edited; otherwise the field shows the current leverage. */
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const shown = clampLeverageBps({ leverageBps, maxLeverageBps });
  const marks = leverageMarksBps(maxLeverageBps);
  const minSteps = leverageToSteps(PROTOCOL.minLeverageBps);
  const maxSteps = leverageToSteps(maxLeverageBps);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={sliderId} className="text-xs font-medium text-ink-muted">
          Leverage
        </label>
        <div className="flex items-center gap-1 rounded-md border border-line bg-bg-input px-2 focus-within:border-accent">
          <label htmlFor={fieldId} className="sr-only">
            Leverage (x)
          </label>
          <input
            id={fieldId}
            data-testid="leverage-input"
            inputMode="decimal"
            autoComplete="off"
            value={draft ?? toText(leverageBps)}
            onChange={(e) => {
              const next = e.target.value.replace(/[^\d.]/g, '');
              setDraft(next);
              const bps = parseLeverageBps(next);
              if (bps !== undefined && bps > 0n) onChange(bps);
            }}
            onBlur={() => setDraft(undefined)}
            className="num min-h-11 w-16 bg-transparent text-right text-sm font-semibold text-ink outline-none md:min-h-8"
          />
          <span className="text-sm text-ink-muted">x</span>
        </div>
      </div>
      <input
        id={sliderId}
        type="range"
        data-testid="leverage-slider"
        min={minSteps}
        max={maxSteps}
        step={1}
        value={leverageToSteps(shown)}
        aria-valuetext={formatLeverage(shown)}
        onChange={(e) => onChange(stepsToLeverageBps(Number(e.target.value)))}
        className="h-11 w-full cursor-pointer accent-[#7c8cff] md:h-6"
      />
      <div className="flex justify-between gap-1" role="group" aria-label="Leverage presets">
        {marks.map((m) => (
          <button
            key={m.toString()}
            type="button"
            onClick={() => onChange(m)}
            aria-pressed={m === shown}
            className={cn(
              'min-h-11 min-w-11 rounded px-1 text-[11px] font-semibold md:min-h-7 md:min-w-0',
              m === shown ? 'bg-accent-soft text-accent' : 'text-ink-faint hover:text-ink',
            )}
          >
            {formatLeverage(m, { digits: m % 10_000n === 0n ? 0 : 1 })}
          </button>
        ))}
      </div>
    </div>
  );
}
