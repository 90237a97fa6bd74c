'use client';
import { useState } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { readDecimalInput } from '@/lib/format/decimal-input';

export interface NumberInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  label: ReactNode;
  /** The amount as a plain decimal ("15000.5"), the text `parseUnits` reads; '' when empty or unreadable. */
  value: string;
  onValueChange: (value: string) => void;
  /** Most fraction digits accepted (the token's decimals). */
  maxDecimals: number;
  /** Shown inside the input on the right (token symbol, "USD", "%"). */
  suffix?: ReactNode;
  aside?: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  fieldClassName?: string;
}

/**
 * A decimal text input (`inputMode="decimal"`) that shows what the person typed ("15,000") and hands the caller the
 * plain decimal (`"15000"`, lib/format readDecimalInput): thousands separators are ignored, never read as a point;
 * text that reads two ways ("1,5") hands over '' and says why under the field. Never a float: callers parse the
 * value with lib/math `parseUnits` into a bigint.
 */
export function NumberInput({ label, value, onValueChange, maxDecimals, suffix, aside, hint, error, fieldClassName, className, ...rest }: NumberInputProps) {
  /** The text as typed; shown while it still reads as `value` (a Max button or a reset replaces it). */
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const read = draft === undefined ? undefined : readDecimalInput(draft, maxDecimals);
  const draftCurrent = read !== undefined && (read.ok ? read.text : '') === value;
  const shown = draftCurrent && draft !== undefined ? draft : value;
  const readError = draftCurrent && read && !read.ok ? read.message : undefined;
  return (
    <Field label={label} aside={aside} hint={hint} error={readError ?? error} className={fieldClassName}>
      {({ inputId, describedBy, invalid }) => (
        <div
          className={cn(
            'flex min-h-12 items-center gap-2 rounded-lg border bg-bg-input px-3 focus-within:border-accent',
            invalid ? 'border-short' : 'border-line',
          )}
        >
          <input
            id={inputId}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            value={shown}
            onChange={(e) => {
              const next = readDecimalInput(e.target.value, maxDecimals);
              setDraft(e.target.value);
              onValueChange(next.ok ? next.text : '');
            }}
            className={cn('num min-w-0 flex-1 bg-transparent py-2 text-lg font-medium text-ink outline-none placeholder:text-ink-faint', className)}
            {...rest}
          />
          {suffix && <span className="shrink-0 text-sm font-medium text-ink-muted">{suffix}</span>}
        </div>
      )}
    </Field>
  );
}
