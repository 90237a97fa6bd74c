import type { ReactNode } from 'react';
import { cn } from '@/components/ui';

/**
 * One figure of a row that is a table row on desktop and a card on phones (one DOM for both): the label shows
 * only on phones, the desktop header row names the column.
 */
export function Cell({ label, children, className, testId }: { label: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <div role="cell" className={cn('flex min-w-0 flex-col md:block', className)}>
      <span className="text-[11px] text-ink-faint md:sr-only">{label}</span>
      <span className="num text-xs font-medium text-ink" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

export function HeaderRow({ labels, className }: { labels: readonly string[]; className: string }) {
  return (
    <div role="row" className={cn('hidden gap-x-3 border-b border-line px-3 py-2 text-[11px] text-ink-faint md:grid', className)}>
      {labels.map((l) => (
        <span role="columnheader" key={l} className="truncate">
          {l}
        </span>
      ))}
    </div>
  );
}
