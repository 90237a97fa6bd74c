'use client';
import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export interface TabItem<V extends string> {
  value: V;
  label: ReactNode;
  /** Colour of the selected tab: `long`/`short` for the ticket's side switch. */
  tone?: 'accent' | 'long' | 'short';
  disabled?: boolean;
}

export interface TabsProps<V extends string> {
  items: TabItem<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Accessible name of the tab list. */
  label: string;
  variant?: 'pill' | 'underline';
  className?: string;
  /** id prefix; tab i gets `${idPrefix}-tab-${value}` and controls `${idPrefix}-panel-${value}`. */
  idPrefix?: string;
}

const SELECTED: Record<NonNullable<TabItem<string>['tone']>, string> = {
  accent: 'bg-bg-hover text-ink',
  long: 'bg-long-soft text-long',
  short: 'bg-short-soft text-short',
};

/** Accessible tabs (WAI-ARIA tablist): arrow keys move between tabs, Home/End jump. Controlled. */
export function Tabs<V extends string>({ items, value, onChange, label, variant = 'pill', className, idPrefix }: TabsProps<V>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = items.filter((i) => !i.disabled);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = enabled.findIndex((i) => i.value === value);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (at + 1) % enabled.length;
    if (e.key === 'ArrowLeft') next = (at - 1 + enabled.length) % enabled.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = enabled.length - 1;
    const item = next === undefined ? undefined : enabled[next];
    if (!item) return;
    e.preventDefault();
    onChange(item.value);
    refs.current[items.indexOf(item)]?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      onKeyDown={onKeyDown}
      className={cn(variant === 'pill' ? 'flex gap-1 rounded-lg bg-bg-input p-1' : 'flex gap-4 border-b border-line', className)}
    >
      {items.map((item, i) => {
        const selected = item.value === value;
        return (
          <button
            key={item.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={idPrefix ? `${idPrefix}-tab-${item.value}` : undefined}
            aria-controls={idPrefix ? `${idPrefix}-panel-${item.value}` : undefined}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            disabled={item.disabled}
            onClick={() => onChange(item.value)}
            className={cn(
              'min-h-11 md:min-h-9 text-sm font-semibold transition-colors disabled:opacity-40',
              variant === 'pill'
                ? cn('flex-1 rounded-md px-3', selected ? SELECTED[item.tone ?? 'accent'] : 'text-ink-muted hover:text-ink')
                : cn('-mb-px min-w-11 border-b-2 px-1 md:min-w-0', selected ? 'border-accent text-ink' : 'border-transparent text-ink-muted hover:text-ink'),
            )}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
