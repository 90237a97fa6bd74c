import type { ButtonHTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';

export type ButtonVariant = 'primary' | 'long' | 'short' | 'secondary' | 'ghost';
export type ButtonSize = 'sm' | 'md' | 'lg';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-accent text-[#0b0e14] hover:brightness-110',
  long: 'bg-long text-[#0b0e14] hover:bg-long-strong',
  // Dark text on red: white on #f6465d is 3.5:1 (axe colour-contrast); #0b0e14 is about 5.1:1, like Long's.
  short: 'bg-short text-bg hover:bg-short-strong',
  secondary: 'bg-bg-hover text-ink border border-line-strong hover:border-ink-faint',
  ghost: 'text-ink-muted hover:text-ink hover:bg-bg-hover',
};

/** Phone: every size is at least 44 px tall (touch target); desktop sizes are denser. */
const SIZES: Record<ButtonSize, string> = {
  sm: 'min-h-11 md:min-h-8 px-3 text-xs',
  md: 'min-h-11 md:min-h-10 px-4 text-sm',
  lg: 'min-h-12 px-5 text-base',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner and disables the button. */
  loading?: boolean;
  fullWidth?: boolean;
}

export function Button({ variant = 'secondary', size = 'md', loading = false, fullWidth = false, className, disabled, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cn(
        'inline-flex items-center justify-center gap-2 rounded-lg font-semibold transition-colors select-none',
        'disabled:cursor-not-allowed disabled:opacity-50',
        VARIANTS[variant],
        SIZES[size],
        fullWidth && 'w-full',
        className,
      )}
      {...rest}
    >
      {loading && <span aria-hidden className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {children}
    </button>
  );
}
