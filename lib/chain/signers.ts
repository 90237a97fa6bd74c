/**
 * Attaches signers to the metas that name them, so kit's `signTransactionMessageWithSigners` signs with each (a
 * builder emits plain roles; the sender knows the keypairs).
 */
import type { AccountMeta, Instruction, TransactionSigner } from '@solana/kit';

const isSignerRole = (role: number): boolean => role === 2 || role === 3;

export function attachSigners(instructions: readonly Instruction[], signers: readonly TransactionSigner[]): Instruction[] {
  return instructions.map((ix) => ({
    ...ix,
    accounts: ix.accounts?.map((m): AccountMeta => {
      const s = signers.find((x) => x.address === m.address);
      return s && isSignerRole(m.role) ? ({ ...m, signer: s } as unknown as AccountMeta) : (m as AccountMeta);
    }),
  }));
}
