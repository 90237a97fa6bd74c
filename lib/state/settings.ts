'use client';
/**
 * Trader settings, persisted to localStorage: slippage (default 0.5%, Adrena's default; GMX uses 1%) and whether
 * PnL is shown after fees (GMX's "show PnL after fees").
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const DEFAULT_SLIPPAGE_BPS = 50;
export const MAX_SLIPPAGE_BPS = 5_000;

export interface SettingsState {
  /** Slippage tolerance in bps (a number: it is a setting, not money; callers use `BigInt(slippageBps)`). */
  slippageBps: number;
  pnlWithFees: boolean;
  setSlippageBps: (bps: number) => void;
  setPnlWithFees: (on: boolean) => void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      slippageBps: DEFAULT_SLIPPAGE_BPS,
      pnlWithFees: true,
      setSlippageBps: (bps) => set({ slippageBps: Math.min(MAX_SLIPPAGE_BPS, Math.max(0, Math.round(bps))) }),
      setPnlWithFees: (on) => set({ pnlWithFees: on }),
    }),
    { name: 'poolperps.settings', version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);
