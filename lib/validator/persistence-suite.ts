import { generateKeyPairSigner, type Address } from '@solana/kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '@/lib/db/types';
import { LocalChain } from './local-chain';
import { SYSTEM_PROGRAM } from './programs';
import { SqlChainStore } from './store-sql';
import { fundedSigner, manualClock, transferWire } from './testing';
import type { TransactionRecord } from './types';

/**
 * Restart: a new LocalChain on the same store has every account, transaction, status, the slot, the blockhash
 * window and the clock back. Shared by the PGlite and the PostgreSQL suites.
 */
export function definePersistenceSuite(open: () => Promise<{ db: Database; close: () => Promise<void> }>): void {
  let db: Database;
  let close: () => Promise<void>;
  const clock = manualClock();

  beforeAll(async () => {
    ({ db, close } = await open());
  });
  afterAll(async () => {
    await close();
  });

  it('restores accounts, transactions, statuses, slot, blockhashes and clock', async () => {
    const store = new SqlChainStore(db);
    let chain = await LocalChain.open(store, clock.now, { autoTick: false });
    const alice = await fundedSigner(chain, 50_000_000_000n);
    const bob = await fundedSigner(chain, 1_000_000_000n);
    const carol = (await generateKeyPairSigner()).address;
    const signatures: string[] = [];
    for (let i = 0; i < 5; i++) {
      chain.tick();
      clock.advance(1);
      signatures.push((await chain.sendTransaction(await transferWire(chain, alice, carol, 1_000_000n * BigInt(i + 1)))).signature);
    }
    const failing = await chain.sendTransaction(await transferWire(chain, bob, carol, 9_000_000_000n), { skipPreflight: true });
    signatures.push(failing.signature);
    const oldBlockhash = chain.latestBlockhash();
    chain.tick();
    const addresses: Address[] = [alice.address, bob.address, carol, chain.faucetAddress];
    const accounts = addresses.map((a) => chain.getAccount(a));
    const systemAccounts = chain.getProgramAccounts(SYSTEM_PROGRAM);
    const records = await Promise.all(signatures.map((s) => chain.getTransaction(s)));
    const statuses = await chain.getSignatureStatuses(signatures);
    const history = await chain.getSignaturesForAddress(carol, { limit: 100 });
    const { slot, unixTimestamp, genesisHash } = chain;
    await chain.close();

    const reports: { accounts: number; ms: number }[] = [];
    chain = await LocalChain.open(store, clock.now, { autoTick: false, onRestore: (r) => reports.push(r) });
    expect(reports).toHaveLength(1);
    expect(addresses.map((a) => chain.getAccount(a))).toEqual(accounts);
    expect(chain.getProgramAccounts(SYSTEM_PROGRAM)).toEqual(expect.arrayContaining(systemAccounts));
    expect(chain.getProgramAccounts(SYSTEM_PROGRAM)).toHaveLength(systemAccounts.length);
    expect(await Promise.all(signatures.map((s) => chain.getTransaction(s)))).toEqual(records);
    expect((records[5] as TransactionRecord).err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(await chain.getSignatureStatuses(signatures)).toEqual(statuses);
    expect(await chain.getSignaturesForAddress(carol, { limit: 100 })).toEqual(history);
    expect(chain.slot).toBe(slot);
    expect(chain.unixTimestamp).toBe(unixTimestamp);
    expect(chain.genesisHash).toBe(genesisHash);
    expect(chain.isBlockhashValid(oldBlockhash.blockhash)).toBe(true);

    // The old blockhash still lands a transaction; the old signatures are still refused as duplicates.
    const late = await chain.sendTransaction(await transferWire(chain, alice, carol, 7n * 1_000_000n, oldBlockhash));
    expect(late.err).toBeNull();
    const copy = (records[0] as TransactionRecord).wire;
    await expect(chain.sendTransaction(copy)).rejects.toThrow('This transaction has already been processed');
    // The faucet is the same keypair.
    await chain.airdrop(carol, 1n * 1_000_000n);
    expect(chain.getBalance(carol)).toBe((accounts[2]?.lamports ?? 0n) + 8_000_000n);
    await chain.close();
  });
}
