'use client';
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { useTopLayer } from '@/components/ui/top-layer';

export interface ModalProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** `auto` (default): a centred dialog on desktop, a bottom sheet under 768 px. `sheet`: always a bottom sheet. */
  variant?: 'auto' | 'sheet';
  className?: string;
}

/**
 * A native `<dialog>` (top layer, focus trap, Escape) styled as a panel. Clicking the backdrop closes it. On phones
 * it slides up from the bottom (GMX: the trade box becomes a bottom sheet under 1024 px). The dialog scrolls; its
 * title bar with the close control stays pinned at the top, and content may pin itself to the bottom
 * (`sticky bottom-0`, the ticket's submit). It registers in `useTopLayer` so toasts render above it.
 */
export function Modal({ open, onClose, title, children, variant = 'auto', className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    const { opened, closed } = useTopLayer.getState();
    if (open) opened(d);
    else closed(d);
    return () => closed(d);
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      className={cn(
        'm-0 max-h-[85dvh] w-full max-w-none overflow-y-auto border border-line-strong bg-bg-panel p-0 text-ink shadow-2xl',
        'backdrop:bg-black/60 backdrop:backdrop-blur-[2px]',
        'fixed inset-x-0 bottom-0 top-auto rounded-t-2xl',
        variant === 'auto' && 'md:inset-0 md:m-auto md:h-fit md:max-w-md md:rounded-card',
        className,
      )}
    >
      {open && (
        <div className="flex flex-col">
          {/* Pinned while the content scrolls: the close control never scrolls away (the dialog is the scroller). */}
          <div className="sticky top-0 z-10 flex items-center justify-between border-b border-line bg-bg-panel px-4 py-3">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="-mr-2 inline-flex h-11 w-11 items-center justify-center rounded-lg text-ink-muted hover:bg-bg-hover hover:text-ink md:h-9 md:w-9"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M5 5l10 10M15 5L5 15" />
              </svg>
            </button>
          </div>
          <div className="p-4 pb-[max(1rem,env(safe-area-inset-bottom))]">{children}</div>
        </div>
      )}
    </dialog>
  );
}

/** A bottom sheet on every screen size. */
export function BottomSheet(props: Omit<ModalProps, 'variant'>) {
  return <Modal {...props} variant="sheet" />;
}
