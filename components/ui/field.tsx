'use client';
import { useId } from 'react';
import type { ReactNode } from 'react';
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
