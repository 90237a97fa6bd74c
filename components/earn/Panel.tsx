import type { ReactNode } from 'react';

/** A titled card of the earn screen. */
export function Panel({ title, aside, children, className = '', id }: { title: string; aside?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  return (
    <section className={`min-w-0 rounded-card border border-line bg-bg-panel p-4 ${className}`} aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={id} className="text-sm font-semibold text-ink">
          {title}
        </h3>
        {aside ? <div className="text-xs text-ink-muted">{aside}</div> : null}
      </div>
      {children}
    </section>
  );
}
