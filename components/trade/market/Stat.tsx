import type { ReactNode } from 'react';

/** A label over a figure in the market bar. */
export function Stat({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span className="text-[11px] whitespace-nowrap text-ink-faint">{label}</span>
      <span className="num text-xs font-medium whitespace-nowrap text-ink" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}
