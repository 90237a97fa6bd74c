/**
 * Wrapping native SOL (api.md: "a transaction that posts SOL may wrap native SOL in the same transaction"): the
 * faucet airdrops native SOL, the program takes wrapped SOL from the owner's wSOL associated token account. When
 * that account holds less than the action posts, the shortfall is moved in from the wallet (System transfer,
 * then SyncNative), as much as the wallet can spare after the fee, the rent of the accounts the transaction
 * creates and its own rent-exempt reserve; what is still missing the program refuses as INSUFFICIENT_BALANCE.
 */
import type { Address, Instruction } from '@solana/kit';
import { syncNativeInstruction, systemTransferInstruction } from './instructions';

export interface WrapPlan {
  /** Lamports moved into the wSOL account (0: nothing to wrap, or nothing to spare). */
  lamports: bigint;
  instructions: Instruction[];
}

export function planWrap(i: {
  owner: Address;
  wsolAccount: Address;
  /** What the action posts, in lamports. */
  amount: bigint;
  /** The wSOL account's token balance now. */
  wrapped: bigint;
  /** Native lamports the wallet can spare. */
  spare: bigint;
}): WrapPlan {
  const shortfall = i.amount - i.wrapped;
  const lamports = shortfall <= 0n || i.spare <= 0n ? 0n : shortfall < i.spare ? shortfall : i.spare;
  if (lamports === 0n) return { lamports, instructions: [] };
  return {
    lamports,
    instructions: [systemTransferInstruction({ from: i.owner, to: i.wsolAccount, lamports }), syncNativeInstruction(i.wsolAccount)],
  };
}
