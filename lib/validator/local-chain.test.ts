import { generateKeyPairSigner, type Address } from '@solana/kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { CommitFailedError, TransactionRejectedError } from './errors';
import { LocalChain } from './local-chain';
import { decodeTransaction } from './message';
import { SYSTEM_PROGRAM } from './programs';
import type { ChainStore, CommitBatch } from './store';
import { SqlChainStore } from './store-sql';
import { clearChainTables, fundedSigner, manualClock, transferWire } from './testing';

/** A store whose next commits can be made to fail, and which counts them. */
class FlakyStore implements ChainStore {
  failures = 0;
  commits: CommitBatch[] = [];
  constructor(private readonly inner: ChainStore) {}
  loadState = () => this.inner.loadState();
  loadAccounts = (pageSize?: number) => this.inner.loadAccounts(pageSize);
  loadRecentStatuses = (fromSlot: bigint) => this.inner.loadRecentStatuses(fromSlot);
  getTransaction = (signature: string) => this.inner.getTransaction(signature);
  getStatuses = (signatures: readonly string[]) => this.inner.getStatuses(signatures);
  getSignaturesForAddress: ChainStore['getSignaturesForAddress'] = (address, query) => this.inner.getSignaturesForAddress(address, query);
  async commit(batch: CommitBatch): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('disk full');
    }
    this.commits.push(batch);
    await this.inner.commit(batch);
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('LocalChain on PGlite', () => {
  let db: PgliteDatabase;
  let store: FlakyStore;
  let chain: LocalChain;
  const clock = manualClock();

  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await clearChainTables(db);
    store = new FlakyStore(new SqlChainStore(db));
    chain = await LocalChain.open(store, clock.now, { autoTick: false });
  });
  afterEach(async () => {
    await chain.close();
  });

  it('starts at genesis with a funded faucet, and an airdrop is a recorded transfer', async () => {
    expect(chain.slot).toBe(0n);
    expect(chain.isBlockhashValid(chain.latestBlockhash().blockhash)).toBe(true);
    expect(chain.latestBlockhash().lastValidBlockHeight).toBe(150n);
    const user = (await generateKeyPairSigner()).address;
    const signature = await chain.airdrop(user, 2_000_000_000n);
    expect(chain.getBalance(user)).toBe(2_000_000_000n);
    const record = await chain.getTransaction(signature);
    expect(record?.err).toBeNull();
    expect(record?.fee).toBe(5000n);
    expect(record?.accountKeys.slice(0, 2)).toEqual([chain.faucetAddress, user]);
    expect(record?.preBalances[1]).toBe(0n);
    expect(record?.postBalances[1]).toBe(2_000_000_000n);
    expect(record?.blockTime).toBe(BigInt(clock.now()));
    expect(await chain.getSignatureStatuses([signature])).toEqual([{ slot: 0n, err: null }]);
  });

  it('executes a transfer exactly: amount plus the 5,000-lamport fee', async () => {
    const alice = await fundedSigner(chain, 3_000_000_000n);
    const bob = (await generateKeyPairSigner()).address;
    const result = await chain.sendTransaction(await transferWire(chain, alice, bob, 1_000_000_000n));
    expect(result.err).toBeNull();
    expect(chain.getBalance(alice.address)).toBe(2_000_000_000n - 5000n);
    expect(chain.getBalance(bob)).toBe(1_000_000_000n);
    expect(chain.getAccount(bob)).toMatchObject({ owner: SYSTEM_PROGRAM, executable: false, rentEpoch: 18446744073709551615n });
  });

  it('refuses a failing transaction at preflight and changes nothing', async () => {
    const alice = await fundedSigner(chain, 1_000_000_000n);
    const bob = (await generateKeyPairSigner()).address;
    const wire = await transferWire(chain, alice, bob, 5_000_000_000n);
    const error = await rejection(chain.sendTransaction(wire));
    expect(error).toBeInstanceOf(TransactionRejectedError);
    const details = (error as TransactionRejectedError).details;
    expect(details.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(details.logs.some((l) => l.includes('insufficient lamports'))).toBe(true);
    expect((error as Error).message).toBe('Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1');
    expect(chain.getBalance(alice.address)).toBe(1_000_000_000n);
    expect(chain.getAccount(bob)).toBeNull();
    const committedBefore = store.commits.length;
    await chain.close();
    expect(store.commits.length).toBe(committedBefore);
    chain = await LocalChain.open(store, clock.now, { autoTick: false });
    expect(chain.getBalance(alice.address)).toBe(1_000_000_000n);
  });

  it('a preflight refusal leaves no trace: the same bytes sent again without preflight are processed, and pay one fee', async () => {
    // The preflight executes and reverts (execute.ts revertTransaction): no status, no sequence number, no fee.
    const alice = await fundedSigner(chain, 1_000_000_000n);
    const bob = (await generateKeyPairSigner()).address;
    const wire = await transferWire(chain, alice, bob, 5_000_000_000n);
    const before = chain.getAccount(alice.address);
    expect(await rejection(chain.sendTransaction(wire))).toBeInstanceOf(TransactionRejectedError);
    expect(chain.getAccount(alice.address)).toEqual(before);
    const result = await chain.sendTransaction(wire, { skipPreflight: true });
    expect(result.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(chain.getBalance(alice.address)).toBe(1_000_000_000n - 5000n);
  });

  it('records a failing transaction sent without preflight, and it pays its fee (as LiteSVM and Solana do)', async () => {
    const alice = await fundedSigner(chain, 1_000_000_000n);
    const bob = (await generateKeyPairSigner()).address;
    const result = await chain.sendTransaction(await transferWire(chain, alice, bob, 5_000_000_000n), { skipPreflight: true });
    expect(result.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(chain.getBalance(alice.address)).toBe(1_000_000_000n - 5000n);
    expect(chain.getAccount(bob)).toBeNull();
    const record = await chain.getTransaction(result.signature);
    expect(record?.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(record?.postBalances[0]).toBe(1_000_000_000n - 5000n);
    expect(await chain.getSignatureStatuses([result.signature])).toEqual([{ slot: 0n, err: result.err }]);
  });

  it('refuses a second copy of a signature (AlreadyProcessed), with or without preflight', async () => {
    const alice = await fundedSigner(chain);
    const wire = await transferWire(chain, alice, (await generateKeyPairSigner()).address, 1000n * 1_000_000n);
    await chain.sendTransaction(wire);
    const balance = chain.getBalance(alice.address);
    for (const skipPreflight of [false, true]) {
      const error = await rejection(chain.sendTransaction(wire, { skipPreflight }));
      expect((error as TransactionRejectedError).details.err).toBe('AlreadyProcessed');
      expect((error as TransactionRejectedError).kind).toBe(skipPreflight ? 'notProcessed' : 'preflight');
    }
    expect(chain.getBalance(alice.address)).toBe(balance);
  });

  it('keeps a blockhash valid for 150 blocks, then refuses it (BlockhashNotFound)', async () => {
    const alice = await fundedSigner(chain);
    const old = chain.latestBlockhash();
    for (let i = 0; i < 150; i++) chain.tick();
    expect(chain.isBlockhashValid(old.blockhash)).toBe(true);
    expect(chain.blockHeight).toBe(old.lastValidBlockHeight);
    await chain.sendTransaction(await transferWire(chain, alice, (await generateKeyPairSigner()).address, 1_000_000n, old));
    chain.tick();
    expect(chain.isBlockhashValid(old.blockhash)).toBe(false);
    const wire = await transferWire(chain, alice, (await generateKeyPairSigner()).address, 2_000_000n, old);
    const error = await rejection(chain.sendTransaction(wire, { skipPreflight: true }));
    expect((error as TransactionRejectedError).details.err).toBe('BlockhashNotFound');
    expect(chain.latestBlockhash().blockhash).not.toBe(old.blockhash);
  });

  it('follows the clock function in the Clock sysvar and never goes back', async () => {
    const clockSysvar = 'SysvarC1ock11111111111111111111111111111111' as Address;
    const unixOf = () => {
      const data = chain.getAccount(clockSysvar)?.data as Uint8Array;
      return new DataView(data.buffer, data.byteOffset).getBigInt64(32, true);
    };
    const slotOf = () => new DataView((chain.getAccount(clockSysvar)?.data as Uint8Array).buffer).getBigUint64(0, true);
    clock.advance(3600);
    chain.tick();
    expect(unixOf()).toBe(BigInt(clock.now()));
    expect(slotOf()).toBe(1n);
    clock.advance(-7200);
    chain.tick();
    expect(unixOf()).toBe(BigInt(clock.now() + 7200));
    clock.advance(3600);
  });

  it('group-commits concurrent transactions in arrival order, each resolving after its commit', async () => {
    const alice = await fundedSigner(chain, 100_000_000_000n);
    const dest = (await generateKeyPairSigner()).address;
    const wires = await Promise.all(Array.from({ length: 50 }, (_, i) => transferWire(chain, alice, dest, 1_000_000n + BigInt(i))));
    const before = store.commits.length;
    const results = await Promise.all(wires.map((w) => chain.sendTransaction(w)));
    const commits = store.commits.slice(before).filter((c) => c.transactions.length > 0);
    expect(commits.length).toBeLessThan(50);
    expect(commits.flatMap((c) => c.transactions.map((t) => t.signature))).toEqual(results.map((r) => r.signature));
    const seqs = commits.flatMap((c) => c.transactions.map((t) => t.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const r of results) expect((await chain.getTransaction(r.signature))?.err).toBeNull();
    const sent = results.reduce((sum, _, i) => sum + 1_000_000n + BigInt(i), 0n);
    expect(chain.getBalance(dest)).toBe(sent);
    const history = await chain.getSignaturesForAddress(dest, { limit: 1000 });
    expect(history.map((h) => h.signature)).toEqual(results.map((r) => r.signature).reverse());
  });

  it('answers a failed commit with an error and reloads: nothing of the batch survives', async () => {
    const alice = await fundedSigner(chain);
    const before = chain.getBalance(alice.address);
    const bob = (await generateKeyPairSigner()).address;
    store.failures = 1;
    const wire = await transferWire(chain, alice, bob, 1_000_000n);
    expect(await rejection(chain.sendTransaction(wire))).toBeInstanceOf(CommitFailedError);
    expect(chain.getBalance(alice.address)).toBe(before);
    expect(chain.getAccount(bob)).toBeNull();
    expect(await chain.getTransaction(decodeTransaction(wire).signature)).toBeNull();
    expect(await chain.getSignatureStatuses([decodeTransaction(wire).signature], { searchTransactionHistory: true })).toEqual([null]);
    // The same transaction can now go through: the reloaded chain never saw it.
    const result = await chain.sendTransaction(wire);
    expect(result.err).toBeNull();
    expect(chain.getBalance(bob)).toBe(1_000_000n);
  });

  it('deletes an account left with 0 lamports', async () => {
    const alice = await fundedSigner(chain, 1_000_000_000n);
    const bob = (await generateKeyPairSigner()).address;
    await chain.sendTransaction(await transferWire(chain, alice, bob, 1_000_000_000n - 5000n));
    expect(chain.getAccount(alice.address)).toBeNull();
    await chain.close();
    chain = await LocalChain.open(store, clock.now, { autoTick: false });
    expect(chain.getAccount(alice.address)).toBeNull();
    expect(chain.getBalance(bob)).toBe(1_000_000_000n - 5000n);
  });
});
