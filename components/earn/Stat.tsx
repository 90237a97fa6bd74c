import type { ReactNode } from 'react';

/** One labelled figure of a card (a `<div>` of a `<dl>`): label above, value below, optional note. */
export function Stat({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 truncate text-sm font-medium text-ink" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-0.5 text-xs text-ink-faint">{note}</dd> : null}
    </div>
  );
}
