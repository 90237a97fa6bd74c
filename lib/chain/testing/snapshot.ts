/**
 * Every account a test can see, before and after a transaction: the program's accounts, every SPL token account
 * and mint (vaults, escrows, wallets' token accounts, LP mints) and any other address named (wallets, PDAs that
 * must stay uncreated). "A refused transaction changes no account" is `changedAccounts(before, after)` empty.
 */
import type { Address, Instruction } from '@solana/kit';
import { TOKEN_PROGRAM } from '../program-ids';
import type { World } from './world';

export interface AccountState {
  owner: Address;
  lamports: bigint;
  executable: boolean;
  /** Hex of the data. */
  data: string;
}

/** Address → state, `null` for an address that holds no account. */
export type Snapshot = ReadonlyMap<Address, AccountState | null>;

const hex = (d: ArrayLike<number>): string => Buffer.from(Uint8Array.from(d)).toString('hex');

function accountState(w: World, address: Address): AccountState | null {
  const a = w.svm.getAccount(address);
  return a.exists ? { owner: a.programAddress, lamports: a.lamports, executable: a.executable, data: hex(a.data) } : null;
}

/** Every address the instructions name (program, accounts). */
export function addressesOf(instructions: readonly Instruction[]): Address[] {
  return [...new Set(instructions.flatMap((ix) => [ix.programAddress, ...(ix.accounts ?? []).map((m) => m.address)]))];
}

export function snapshot(w: World, extra: readonly Address[] = []): Snapshot {
  const out = new Map<Address, AccountState | null>();
  for (const owner of [w.addresses.programId, TOKEN_PROGRAM]) {
    for (const a of w.svm.getProgramAccounts(owner)) out.set(a.address, { owner: a.programAddress, lamports: a.lamports, executable: a.executable, data: hex(a.data) });
  }
  for (const address of extra) if (!out.has(address)) out.set(address, accountState(w, address));
  return out;
}

/**
 * What differs between two snapshots, one line per field changed ("<address>: lamports 10 → 5"); accounts that
 * appeared or vanished count. `feePayer` may lose exactly `fee` lamports (a failed transaction still pays its fee).
 */
export function changedAccounts(before: Snapshot, after: Snapshot, opts: { feePayer?: Address; fee?: bigint } = {}): string[] {
  const changes: string[] = [];
  for (const address of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(address) ?? null;
    const b = after.get(address) ?? null;
    if (a === null || b === null) {
      if (a !== b) changes.push(`${address}: ${a === null ? 'created' : 'deleted'}`);
      continue;
    }
    if (a.owner !== b.owner) changes.push(`${address}: owner ${a.owner} → ${b.owner}`);
    if (a.data !== b.data) changes.push(`${address}: data changed`);
    const paid = address === opts.feePayer ? (opts.fee ?? 0n) : 0n;
    if (a.lamports - paid !== b.lamports) changes.push(`${address}: lamports ${a.lamports} → ${b.lamports}`);
  }
  return changes;
}
