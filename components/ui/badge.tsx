import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export type BadgeTone = 'neutral' | 'long' | 'short' | 'warn' | 'accent';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-bg-hover text-ink-muted',
  long: 'bg-long-soft text-long',
  short: 'bg-short-soft text-short-strong',
  warn: 'bg-warn-soft text-warn',
  accent: 'bg-accent-soft text-accent',
};

/** A small label: side ("Long 10.0x"), status ("Closed"), pool ("RWALP"). */
export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={cn('inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold leading-none', TONES[tone], className)}>{children}</span>;
}
