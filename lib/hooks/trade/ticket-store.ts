'use client';
/**
 * The trade ticket's form state (text as typed; parsed into bigint by the preview hook), shared by the ticket,
 * the phone Long/Short buttons that open it as a bottom sheet, and the chart (limit trigger line).
 */
import { create } from 'zustand';
import type { Side, TokenId } from '@/lib/math/ids';
import type { OrderType } from '@/lib/trade/ticket-types';

export interface TicketState {
  side: Side;
  orderType: OrderType;
  /** Chosen collateral token; `undefined` = the default for the market and side. */
  collateralToken: TokenId | undefined;
  amountText: string;
  /** Leverage in bps; `undefined` = the market's default (10x or its maximum). */
  leverageBps: bigint | undefined;
  triggerText: string;
  tpSlOpen: boolean;
  takeProfitText: string;
  stopLossText: string;
  /** Phone: the bottom sheet holding the ticket. */
  sheetOpen: boolean;
  set: (patch: Partial<Omit<TicketState, 'set' | 'reset'>>) => void;
  /** Clears amounts and triggers after a submit or a market change. */
  reset: () => void;
}

const CLEARED = { amountText: '', triggerText: '', takeProfitText: '', stopLossText: '' };

export const useTicketStore = create<TicketState>()((set) => ({
  side: 'long',
  orderType: 'market',
  collateralToken: undefined,
  leverageBps: undefined,
  tpSlOpen: false,
  sheetOpen: false,
  ...CLEARED,
  set: (patch) => set(patch),
  reset: () => set(CLEARED),
}));
