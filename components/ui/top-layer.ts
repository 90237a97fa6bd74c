'use client';
/**
 * The open modal dialogs, innermost last. A modal `<dialog>` sits in the browser's top layer, above any z-index,
 * and makes the rest of the page inert; the toaster renders into the innermost one so its toasts stay above the
 * dialog's backdrop and can still be dismissed.
 */
import { create } from 'zustand';

interface TopLayer {
  dialogs: HTMLDialogElement[];
  opened: (d: HTMLDialogElement) => void;
  closed: (d: HTMLDialogElement) => void;
}

export const useTopLayer = create<TopLayer>()((set) => ({
  dialogs: [],
  opened: (d) => set((s) => ({ dialogs: [...s.dialogs.filter((x) => x !== d), d] })),
  closed: (d) => set((s) => ({ dialogs: s.dialogs.filter((x) => x !== d) })),
}));
