/**
 * Instruction surgery for attack tests: substitute one account, downgrade a signer to a plain meta, drop or add
 * accounts, rewrite data bytes. What a malicious client can send; the program must refuse each.
 */
import { AccountRole, type AccountMeta, type Address, type Instruction } from '@solana/kit';

function accountsOf(ix: Instruction): AccountMeta[] {
  return [...((ix.accounts ?? []) as AccountMeta[])];
}

/** The instruction with account `index` replaced by `address` (same role unless `role` is given). */
export function withAccount(ix: Instruction, index: number, address: Address, role?: AccountRole): Instruction {
  const accounts = accountsOf(ix);
  const meta = accounts[index];
  if (!meta) throw new RangeError(`no account ${index}`);
  accounts[index] = { address, role: role ?? meta.role };
  return { ...ix, accounts };
}

/** Every occurrence of `from` replaced by `to`. */
export function replaceAccount(ix: Instruction, from: Address, to: Address): Instruction {
  return { ...ix, accounts: accountsOf(ix).map((m) => (m.address === from ? { ...m, address: to } : m)) };
}

/** The account at `index` with `role` (e.g. a signer downgraded to WRITABLE: the transaction lacks its signature). */
export function withRole(ix: Instruction, index: number, role: AccountRole): Instruction {
  const accounts = accountsOf(ix);
  const meta = accounts[index];
  if (!meta) throw new RangeError(`no account ${index}`);
  accounts[index] = { address: meta.address, role };
  return { ...ix, accounts };
}

/** `address` no longer signs wherever it appears (signer roles become their non-signer twins). */
export function unsigned(ix: Instruction, address: Address): Instruction {
  const down = (r: AccountRole) => (r === AccountRole.WRITABLE_SIGNER ? AccountRole.WRITABLE : r === AccountRole.READONLY_SIGNER ? AccountRole.READONLY : r);
  return { ...ix, accounts: accountsOf(ix).map((m) => (m.address === address ? { address: m.address, role: down(m.role) } : m)) };
}

/** The first `n` accounts only. */
export function truncated(ix: Instruction, n: number): Instruction {
  return { ...ix, accounts: accountsOf(ix).slice(0, n) };
}

/** Accounts with `metas` appended. */
export function withExtra(ix: Instruction, metas: readonly AccountMeta[]): Instruction {
  return { ...ix, accounts: [...accountsOf(ix), ...metas] };
}

/** The accounts with every meta whose address is in `drop` removed. */
export function without(ix: Instruction, drop: readonly Address[]): Instruction {
  return { ...ix, accounts: accountsOf(ix).filter((m) => !drop.includes(m.address)) };
}

/** Data with `bytes` written at `offset` (or replaced whole). */
export function withData(ix: Instruction, bytes: Uint8Array, offset?: number): Instruction {
  if (offset === undefined) return { ...ix, data: bytes };
  const data = Uint8Array.from(ix.data ?? []);
  data.set(bytes, offset);
  return { ...ix, data };
}

/** The index of `address` among the instruction's accounts. */
export function indexOf(ix: Instruction, address: Address): number {
  const i = accountsOf(ix).findIndex((m) => m.address === address);
  if (i < 0) throw new RangeError(`${address} is not in the instruction`);
  return i;
}

/** u64 little endian (for `withData`). */
export function u64Bytes(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
}
