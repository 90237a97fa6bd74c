'use client';
/**
 * Leverage from 1.1x to the market's maximum: a slider in 0.1x steps, marks, and a number field (Adrena). More
 * than the maximum typed becomes the maximum, visibly, so the field, the slider and the marks always agree.
 */
import { useId, useState } from 'react';
import { cn } from '@/components/ui';
import { formatLeverage } from '@/lib/format';
import { PROTOCOL } from '@/lib/math/params';
import { amountToInputText } from '@/lib/trade/amount-fraction';
import { clampLeverageBps, leverageMarksBps, leverageToSteps, readLeverageInput, stepsToLeverageBps } from '@/lib/trade/leverage';

export interface LeverageSliderProps {
  leverageBps: bigint;
  maxLeverageBps: bigint;
  onChange: (leverageBps: bigint) => void;
}

const toText = (bps: bigint) => amountToInputText({ amount: bps, decimals: 4 });
/** The "maximum" note stays after the field loses focus (it explains why 150 became 100); the others go. */
const clampedNote = (note: string | undefined) => note !== undefined && note.includes('maximum');

export function LeverageSlider({ leverageBps, maxLeverageBps, onChange }: LeverageSliderProps) {
  const sliderId = useId();
  const fieldId = useId();
  const noteId = useId();
  /** The text while the field is being edited; otherwise the field shows the current leverage. */
  const [draft, setDraft] = useState<string | undefined>(undefined);
  /** Why the field changed (clamped to the maximum) or is not taken yet (below 1.1x, unreadable). */
  const [note, setNote] = useState<string | undefined>(undefined);
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
            aria-describedby={note ? noteId : undefined}
            onChange={(e) => {
              const read = readLeverageInput({ text: e.target.value, maxLeverageBps });
              setDraft(read.text ?? e.target.value);
              setNote(read.note);
              if (read.commitBps !== undefined) onChange(read.commitBps);
            }}
            onBlur={() => {
              setDraft(undefined);
              if (!clampedNote(note)) setNote(undefined);
            }}
            className="num min-h-11 w-16 bg-transparent text-right text-sm font-semibold text-ink outline-none md:min-h-8"
          />
          <span className="text-sm text-ink-muted">x</span>
        </div>
      </div>
      {note && (
        <p id={noteId} role="status" data-testid="leverage-note" className="-mt-1 text-right text-xs text-warn">
          {note}
        </p>
      )}
      <input
        id={sliderId}
        type="range"
        data-testid="leverage-slider"
        min={minSteps}
        max={maxSteps}
        step={1}
        value={leverageToSteps(shown)}
        aria-valuetext={formatLeverage(shown)}
        onChange={(e) => {
          setNote(undefined);
          onChange(stepsToLeverageBps(Number(e.target.value)));
        }}
        className="h-11 w-full cursor-pointer accent-[#7c8cff] md:h-6"
      />
      <div className="flex justify-between gap-1" role="group" aria-label="Leverage presets">
        {marks.map((m) => (
          <button
            key={m.toString()}
            type="button"
            onClick={() => {
              setNote(undefined);
              onChange(m);
            }}
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
