'use client';
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export interface FieldProps {
  label: ReactNode;
  /** Right side of the label row (e.g. "Balance: 12.5 SOL"). */
  aside?: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/** A labelled control with an optional hint and error, wired with `htmlFor` and `aria-describedby`. */
export function Field({ label, aside, hint, error, children, className }: FieldProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <label htmlFor={inputId} className="font-medium text-ink-muted">
          {label}
        </label>
        {aside && <div className="text-ink-faint">{aside}</div>}
      </div>
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {hint && !error && (
        <p id={hintId} className="text-xs text-ink-faint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-xs text-short">
          {error}
        </p>
      )}
    </div>
  );
}

/** Keeps only digits and one ".", with at most `maxDecimals` fraction digits ("1,5" is read as "1.5"). */
export function sanitizeDecimalInput(raw: string, maxDecimals: number): string {
  const s = raw.replace(/,/g, '.').replace(/[^\d.]/g, '');
  const dot = s.indexOf('.');
  if (dot === -1) return s;
  const int = s.slice(0, dot);
  const frac = s.slice(dot + 1).replace(/\./g, '').slice(0, maxDecimals);
  return maxDecimals === 0 ? int : `${int || '0'}.${frac}`;
}

export interface NumberInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  label: ReactNode;
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
 * A decimal text input (`inputMode="decimal"`): it keeps the text the person typed and never converts it to a
 * float; callers parse it with `parseUnits` from lib/math into a bigint.
 */
export function NumberInput({ label, value, onValueChange, maxDecimals, suffix, aside, hint, error, fieldClassName, className, ...rest }: NumberInputProps) {
  return (
    <Field label={label} aside={aside} hint={hint} error={error} className={fieldClassName}>
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
            value={value}
            onChange={(e) => onValueChange(sanitizeDecimalInput(e.target.value, maxDecimals))}
            className={cn('num min-w-0 flex-1 bg-transparent py-2 text-lg font-medium text-ink outline-none placeholder:text-ink-faint', className)}
            {...rest}
          />
          {suffix && <span className="shrink-0 text-sm font-medium text-ink-muted">{suffix}</span>}
        </div>
      )}
    </Field>
  );
}
