'use client';
import { createPortal } from 'react-dom';
import { cn } from '@/components/ui/cn';
import { useTopLayer } from '@/components/ui/top-layer';
import { useToastStore } from '@/lib/state/toasts';
import type { ToastKind } from '@/lib/state/toasts';

const TONE: Record<ToastKind, string> = {
  pending: 'border-accent/50',
  success: 'border-long/60',
  error: 'border-short/60',
  info: 'border-line-strong',
};

function Icon({ kind }: { kind: ToastKind }) {
  if (kind === 'pending') return <span aria-hidden className="mt-0.5 h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-accent border-t-transparent" />;
  const color = kind === 'success' ? 'text-long' : kind === 'error' ? 'text-short' : 'text-accent';
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={cn('mt-0.5 h-4 w-4 shrink-0', color)} fill="none" stroke="currentColor" strokeWidth="2.2">
      {kind === 'success' ? <path d="M4 10.5l4 4 8-9" /> : kind === 'error' ? <path d="M10 5v6M10 14.5v.5" /> : <path d="M10 9v6M10 5.5v.5" />}
    </svg>
  );
}

/** Copies a transaction's signature (the toast of a confirmed transaction). */
function CopyButton({ text }: { text: string }) {
  return (
    <button
      type="button"
      data-testid="toast-copy"
      data-copy={text}
      onClick={() => void navigator.clipboard?.writeText(text).catch(() => undefined)}
      className="mt-1 min-h-6 text-xs font-medium text-accent underline-offset-2 hover:underline"
    >
      Copy signature
    </button>
  );
}

/**
 * Renders the toast store: top of the screen on phones (the tab bar is at the bottom), top centre below the header
 * on desktop (never over the ticket's submit button at the bottom right). While a modal dialog or sheet is open the
 * toasts render inside it: the dialog is in the top layer, above any z-index, and the page under it is inert. There
 * only the newest shows, in the strip a sheet leaves free at the top (its max height is 85dvh).
 */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  const host = useTopLayer((s) => s.dialogs[s.dialogs.length - 1]);
  const list = (
    <div
      aria-live="polite"
      data-testid="toaster"
      className="pointer-events-none fixed inset-x-3 top-3 z-[60] flex flex-col gap-2 md:inset-x-auto md:top-16 md:left-1/2 md:w-96 md:-translate-x-1/2"
    >
      {(host ? toasts.slice(-1) : toasts).map((t) => (
        <div
          key={t.id}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid={`toast-${t.kind}`}
          className={cn('pointer-events-auto flex items-start gap-3 rounded-card border bg-bg-panel px-4 py-3 shadow-xl', TONE[t.kind])}
        >
          <Icon kind={t.kind} />
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium break-words">{t.title}</p>
            {t.description && <p className="mt-0.5 text-xs text-ink-muted break-words">{t.description}</p>}
            {t.copy && <CopyButton text={t.copy} />}
          </div>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)} className="-m-2 p-2 text-ink-faint hover:text-ink">
            <svg aria-hidden viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M5 5l10 10M15 5L5 15" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
  return host ? createPortal(list, host) : list;
}
