import type { Address } from '@solana/kit';
import bs58 from 'bs58';
import {
  Account,
  Clock,
  EpochSchedule,
  FailedTransactionMetadata,
  LiteSvm,
  type InnerInstruction,
  type TransactionMetadata,
} from 'litesvm/dist/internal';
import { addressAt, decodeAddress32 } from '@/lib/chain/bytes';
import { BUILTIN_OWNERS, SLOTS_PER_EPOCH } from './programs';
import { transactionErrorJson } from './svm-errors';
import type { ChainAccount, InnerInstructionSet, KeyedAccount, ReturnData, TransactionErrorJson } from './types';

/**
 * Addresses cross the binding as bytes. lib/chain/bytes.ts's 32-byte fast path converts them ~3x faster than `bs58`
 * (base-x) and ~8x faster than kit's validating codec, which matters when 100,000 accounts are restored; `bs58`
 * keeps the old behaviour for anything that is not 32 bytes.
 */
const encodeAddress = (address: Address): Uint8Array => decodeAddress32(address) ?? bs58.decode(address);
const decodeAddress = (bytes: Uint8Array): Address => (bytes.length === 32 ? addressAt(bytes) : (bs58.encode(bytes) as Address));

/** What one execution or simulation produced. */
export interface SvmOutcome {
  readonly err: TransactionErrorJson | null;
  readonly logs: readonly string[];
  readonly unitsConsumed: bigint;
  readonly returnData: ReturnData | null;
  readonly innerInstructions: readonly InnerInstructionSet[];
}

export interface SvmSimulation extends SvmOutcome {
  /** The writable accounts after the simulated execution (absent when it failed). */
  readonly postAccounts: readonly KeyedAccount[];
}

export interface SvmClock {
  readonly slot: bigint;
  readonly unixTimestamp: bigint;
  readonly epochStartTimestamp: bigint;
}

/**
 * The binding's account (a snapshot: LiteSVM clones it out) as a ChainAccount whose `data` is copied out on first
 * use. A transaction reads every key it names before and after executing (balances, token balances), and most of
 * those reads never look at the bytes: program accounts (the SPL Token program is ~130 KB of ELF), sysvars, mints.
 */
function toChainAccount(account: Account): ChainAccount {
  let data: Uint8Array | undefined;
  return {
    lamports: account.lamports(),
    owner: decodeAddress(account.owner()),
    executable: account.executable(),
    rentEpoch: account.rentEpoch(),
    get data(): Uint8Array {
      data ??= account.data();
      return data;
    },
  };
}

function innerInstructions(sets: InnerInstruction[][]): InnerInstructionSet[] {
  const out: InnerInstructionSet[] = [];
  sets.forEach((set, index) => {
    if (set.length === 0) return;
    out.push({
      index,
      instructions: set.map((inner) => {
        const ix = inner.instruction();
        return { programIdIndex: ix.programIdIndex(), accounts: [...ix.accounts()], data: ix.data(), stackHeight: inner.stackHeight() };
      }),
    });
  });
  return out;
}

function outcome(meta: TransactionMetadata, err: TransactionErrorJson | null): SvmOutcome {
  const returned = meta.returnData();
  const data = returned.data();
  return {
    err,
    logs: meta.logs(),
    unitsConsumed: meta.computeUnitsConsumed(),
    returnData: data.length === 0 ? null : { programId: decodeAddress(returned.programId()), data },
    innerInstructions: innerInstructions(meta.innerInstructions()),
  };
}

/**
 * The one LiteSVM of the chain, behind a small interface: raw wire bytes in, Solana's JSON error shapes out. It
 * uses the binding's inner class (`litesvm/dist/internal`) because the public wrapper takes `@solana/kit`
 * transaction objects (we hold wire bytes) and writes every account with `rent_epoch` 0, which would not restore
 * accounts exactly. LiteSVM's own blockhash check and transaction history are off: the chain keeps Solana's
 * 150-block window and the signature status cache itself (LiteSVM only knows its latest blockhash).
 */
export class Svm {
  private readonly inner: LiteSvm;

  constructor(opts: { logBytesLimit?: number | null } = {}) {
    this.inner = new LiteSvm();
    this.inner.setBlockhashCheck(false);
    this.inner.setTransactionHistory(0n);
    this.inner.setSigverify(true);
    this.inner.setLogBytesLimit(opts.logBytesLimit === undefined ? 10_000n : opts.logBytesLimit === null ? null : BigInt(opts.logBytesLimit));
    this.inner.withNativeMints();
    // Epochs without warm-up, so `epoch = slot / 432000` as on mainnet today.
    this.inner.setEpochSchedule(new EpochSchedule(SLOTS_PER_EPOCH, SLOTS_PER_EPOCH, false, 0n, 0n));
  }

  /** Every account a fresh LiteSVM starts with (builtin programs, sysvars, the bundled SPL programs, native mints). */
  builtinAccounts(): KeyedAccount[] {
    const out: KeyedAccount[] = [];
    for (const owner of BUILTIN_OWNERS) {
      for (const entry of this.inner.getProgramAccounts(encodeAddress(owner))) {
        out.push({ address: decodeAddress(entry.address), account: toChainAccount(entry.account()) });
      }
    }
    return out;
  }

  getAccount(address: Address): ChainAccount | null {
    const account = this.inner.getAccount(encodeAddress(address));
    return account === null ? null : toChainAccount(account);
  }

  /** Writes an account as is (a 0-lamport account is removed); an executable one is loaded into the program cache. */
  setAccount(address: Address, account: ChainAccount, ownerBytes?: Uint8Array): void {
    const owner = ownerBytes ?? encodeAddress(account.owner);
    this.inner.setAccount(encodeAddress(address), new Account(account.lamports, account.data, owner, account.executable, account.rentEpoch));
  }

  setClock(clock: SvmClock): void {
    const epoch = clock.slot / SLOTS_PER_EPOCH;
    this.inner.setClock(new Clock(clock.slot, clock.epochStartTimestamp, epoch, epoch + 1n, clock.unixTimestamp));
  }

  /** The SlotHashes sysvar (newest first), which address lookup tables consult. */
  setSlotHashes(entries: readonly { slot: bigint; blockhash: string }[]): void {
    this.inner.setSlotHashes(entries.map((e) => ({ slot: e.slot, hash: e.blockhash })));
  }

  minimumBalanceForRentExemption(dataLength: bigint): bigint {
    return this.inner.minimumBalanceForRentExemption(dataLength);
  }

  /** Executes and applies (LiteSVM applies a failed transaction's fee, nothing else). */
  execute(wire: Uint8Array, version: 'legacy' | number): SvmOutcome {
    const result = version === 'legacy' ? this.inner.sendLegacyTransaction(wire) : this.inner.sendVersionedTransaction(wire);
    if (result instanceof FailedTransactionMetadata) return outcome(result.meta(), transactionErrorJson(result));
    return outcome(result, null);
  }

  simulate(wire: Uint8Array, version: 'legacy' | number, sigVerify: boolean): SvmSimulation {
    this.inner.setSigverify(sigVerify);
    try {
      const result = version === 'legacy' ? this.inner.simulateLegacyTransaction(wire) : this.inner.simulateVersionedTransaction(wire);
      if (result instanceof FailedTransactionMetadata) {
        return { ...outcome(result.meta(), transactionErrorJson(result)), postAccounts: [] };
      }
      const postAccounts = result.postAccounts().map((entry) => ({
        address: decodeAddress(entry.address),
        account: toChainAccount(entry.account()),
      }));
      return { ...outcome(result.meta(), null), postAccounts };
    } finally {
      this.inner.setSigverify(true);
    }
  }
}

/** Address bytes of an owner, cached (restoring 100,000 accounts encodes few distinct owners). */
export function ownerBytesCache(): (owner: Address) => Uint8Array {
  const cache = new Map<string, Uint8Array>();
  return (owner) => {
    let bytes = cache.get(owner);
    if (bytes === undefined) {
      bytes = encodeAddress(owner);
      cache.set(owner, bytes);
    }
    return bytes;
  };
}
