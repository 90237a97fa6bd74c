import { useId } from 'react';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export interface TooltipProps {
  /** The explanation. */
  content: ReactNode;
  /** The term it explains (gets a dotted underline). */
  children: ReactNode;
  side?: 'top' | 'bottom';
  align?: 'start' | 'center' | 'end';
  className?: string;
}

/**
 * A hover/focus tooltip without JavaScript: the term is focusable and names the tip with `aria-describedby`, so a
 * keyboard or screen-reader user gets the same text. Use for fee and liquidation explanations.
 */
export function Tooltip({ content, children, side = 'top', align = 'center', className }: TooltipProps) {
  const id = useId();
  return (
    <span className={cn('group relative inline-flex', className)}>
      <span tabIndex={0} aria-describedby={id} className="cursor-help underline decoration-ink-faint decoration-dotted underline-offset-4 outline-none focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-accent">
        {children}
      </span>
      <span
        id={id}
        role="tooltip"
        className={cn(
          'pointer-events-none invisible absolute z-50 w-max max-w-64 rounded-lg border border-line-strong bg-bg-raised px-3 py-2 text-xs leading-relaxed font-normal text-ink-muted opacity-0 shadow-xl transition-opacity',
          'group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100',
          side === 'top' ? 'bottom-full mb-2' : 'top-full mt-2',
          align === 'start' ? 'left-0' : align === 'end' ? 'right-0' : 'left-1/2 -translate-x-1/2',
        )}
      >
        {content}
      </span>
    </span>
  );
}
