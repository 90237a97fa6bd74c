import type { ReactNode } from 'react';
import { cn } from '@/components/ui';

/** One label / value line of a preview (`<dt>` + `<dd>` inside a `<dl>`); `after` shows "old → new". */
export function PreviewRow({ label, value, after, testId, tone }: { label: ReactNode; value: ReactNode; after?: ReactNode; testId?: string; tone?: 'long' | 'short' | 'warn' }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1 text-xs">
      <dt className="text-ink-muted">{label}</dt>
      <dd className={cn('num text-right font-medium text-ink', tone === 'long' && 'text-long', tone === 'short' && 'text-short', tone === 'warn' && 'text-warn')}>
        <span data-testid={testId}>{value}</span>
        {after !== undefined && (
          <>
            <span aria-hidden className="px-1 text-ink-faint">
              →
            </span>
            <span className="sr-only"> after: </span>
            <span data-testid={testId ? `${testId}-after` : undefined}>{after}</span>
          </>
        )}
      </dd>
    </div>
  );
}
