/**
 * The non-program instructions a transaction carries: the compute budget, the idempotent creation of an
 * associated token account, a System transfer and SPL Token's SyncNative (wrapping SOL). Built by hand (a few
 * bytes each) so no signer object is needed: the owner signs later, in the wallet.
 */
import { AccountRole, type Address, type Instruction } from '@solana/kit';
import { ASSOCIATED_TOKEN_PROGRAM, COMPUTE_BUDGET_PROGRAM, SYSTEM_PROGRAM, TOKEN_PROGRAM } from '@/lib/chain/program-ids';

/** Solana's most compute units per transaction. */
export const MAX_COMPUTE_UNITS = 1_400_000;

/** ComputeBudget SetComputeUnitLimit (discriminator 2, u32 units). */
export function setComputeUnitLimitInstruction(units: number): Instruction {
  const data = new Uint8Array(5);
  data[0] = 2;
  new DataView(data.buffer).setUint32(1, units, true);
  return { programAddress: COMPUTE_BUDGET_PROGRAM, accounts: [], data };
}

/** Associated Token Account program CreateIdempotent (1): payer, ata, owner, mint, system, token. */
export function createAtaIdempotentInstruction(i: { payer: Address; ata: Address; owner: Address; mint: Address }): Instruction {
  return {
    programAddress: ASSOCIATED_TOKEN_PROGRAM,
    accounts: [
      { address: i.payer, role: AccountRole.WRITABLE_SIGNER },
      { address: i.ata, role: AccountRole.WRITABLE },
      { address: i.owner, role: AccountRole.READONLY },
      { address: i.mint, role: AccountRole.READONLY },
      { address: SYSTEM_PROGRAM, role: AccountRole.READONLY },
      { address: TOKEN_PROGRAM, role: AccountRole.READONLY },
    ],
    data: Uint8Array.of(1),
  };
}

/** System Transfer (2, u64 lamports). */
export function systemTransferInstruction(i: { from: Address; to: Address; lamports: bigint }): Instruction {
  const data = new Uint8Array(12);
  const view = new DataView(data.buffer);
  view.setUint32(0, 2, true);
  view.setBigUint64(4, i.lamports, true);
  return {
    programAddress: SYSTEM_PROGRAM,
    accounts: [
      { address: i.from, role: AccountRole.WRITABLE_SIGNER },
      { address: i.to, role: AccountRole.WRITABLE },
    ],
    data,
  };
}

/** SPL Token SyncNative (17): a wrapped-SOL account's amount follows its lamports. */
export function syncNativeInstruction(account: Address): Instruction {
  return { programAddress: TOKEN_PROGRAM, accounts: [{ address: account, role: AccountRole.WRITABLE }], data: Uint8Array.of(17) };
}
