'use client';
/** Toast notifications: a small zustand store; `<Toaster/>` (components/ui/toaster.tsx) renders it. */
import { create } from 'zustand';
import { tidyMessage } from '@/lib/format/message';

export type ToastKind = 'pending' | 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  description?: string;
  /** Text a "Copy" button puts on the clipboard (a transaction's signature). */
  copy?: string;
}

interface ToastStore {
  toasts: Toast[];
  push: (t: Omit<Toast, 'id'>) => number;
  update: (id: number, t: Omit<Toast, 'id'>) => void;
  dismiss: (id: number) => void;
}

/** Sentences from the API keep exact figures; a toast shows them as the screen does ($114.36, not $114.360994755). */
const tidy = (t: Omit<Toast, 'id'>): Omit<Toast, 'id'> => ({ ...t, title: tidyMessage(t.title), ...(t.description === undefined ? {} : { description: tidyMessage(t.description) }) });

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const LIFETIME_MS: Record<ToastKind, number | undefined> = { pending: undefined, success: 5_000, error: 8_000, info: 5_000 };

export const useToastStore = create<ToastStore>()((set, get) => {
  const schedule = (id: number, kind: ToastKind) => {
    const old = timers.get(id);
    if (old) clearTimeout(old);
    const ms = LIFETIME_MS[kind];
    if (ms !== undefined) timers.set(id, setTimeout(() => get().dismiss(id), ms));
  };
  return {
    toasts: [],
    push: (t) => {
      const id = nextId++;
      set((s) => ({ toasts: [...s.toasts.slice(-4), { ...tidy(t), id }] }));
      schedule(id, t.kind);
      return id;
    },
    update: (id, t) => {
      set((s) => ({ toasts: s.toasts.map((x) => (x.id === id ? { ...tidy(t), id } : x)) }));
      schedule(id, t.kind);
    },
    dismiss: (id) => {
      timers.delete(id);
      set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) }));
    },
  };
});

/** Imperative helpers usable outside React: `toast.success('Position opened')`. */
export const toast = {
  pending: (title: string, description?: string) => useToastStore.getState().push({ kind: 'pending', title, description }),
  success: (title: string, description?: string) => useToastStore.getState().push({ kind: 'success', title, description }),
  error: (title: string, description?: string) => useToastStore.getState().push({ kind: 'error', title, description }),
  info: (title: string, description?: string) => useToastStore.getState().push({ kind: 'info', title, description }),
  update: (id: number, t: Omit<Toast, 'id'>) => useToastStore.getState().update(id, t),
  dismiss: (id: number) => useToastStore.getState().dismiss(id),
};
