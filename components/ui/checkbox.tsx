'use client';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * A checkbox whose input itself is the tap target: 44 x 44 px on phones (28 px from 768 px), drawn as a 16 px box,
 * with its label beside it. The native input stays (keyboard, forms, screen readers), made transparent.
 */
export function Checkbox({ children, className, ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { children: ReactNode }) {
  return (
    <label className={cn('inline-flex cursor-pointer items-center gap-1 text-ink-muted', className)}>
      <span className="relative inline-flex h-11 w-11 shrink-0 items-center justify-center md:h-7 md:w-7">
        <input type="checkbox" className="peer absolute inset-0 m-0 h-full w-full cursor-pointer opacity-0" {...input} />
        <span
          aria-hidden
          className="flex h-4 w-4 items-center justify-center rounded border border-line-strong bg-bg-input text-transparent peer-checked:border-accent peer-checked:bg-accent peer-checked:text-bg peer-focus-visible:ring-2 peer-focus-visible:ring-accent"
        >
          <svg viewBox="0 0 16 16" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="2.4">
            <path d="M3.5 8.5l3 3 6-7" />
          </svg>
        </span>
      </span>
      {children}
    </label>
  );
}
