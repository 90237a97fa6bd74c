import { getAddressDecoder, type Address } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import { LocalChain } from './local-chain';
import { SqlChainStore } from './store-sql';
import { manualClock } from './testing';
import type { ChainAccount } from './types';

const N = 100_000;
const OWNER: Address = getAddressDecoder().decode(new Uint8Array(32).fill(7));

function addressOf(i: number): Address {
  const bytes = new Uint8Array(32);
  new DataView(bytes.buffer).setUint32(0, i + 1, true);
  bytes[31] = 9;
  return getAddressDecoder().decode(bytes);
}

function accountOf(i: number): ChainAccount {
  const data = new Uint8Array(200);
  new DataView(data.buffer).setUint32(8, i % 10, true);
  return { lamports: 2_282_880n + BigInt(i), owner: OWNER, executable: false, rentEpoch: 18446744073709551615n, data };
}

describe('restoring a large chain', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it(`restores ${N.toLocaleString('en')} accounts of one owner and lists them fast`, async () => {
    const store = new SqlChainStore(db);
    const clock = manualClock();
    const first = await LocalChain.open(store, clock.now, { autoTick: false });
    await first.close();
    const state = await store.loadState();
    if (state === undefined) throw new Error('no state');
    const accounts = new Map<Address, ChainAccount>();
    for (let i = 0; i < N; i++) accounts.set(addressOf(i), accountOf(i));
    let t = performance.now();
    await store.commit({ accounts, transactions: [], state });
    console.log(`bulk write of ${N} accounts: ${(performance.now() - t).toFixed(0)} ms`);

    let report: { accounts: number; ms: number } | undefined;
    t = performance.now();
    const chain = await LocalChain.open(store, clock.now, { autoTick: false, onRestore: (r) => (report = r) });
    console.log(`restore of ${report?.accounts} accounts: ${report?.ms.toFixed(0)} ms (open ${(performance.now() - t).toFixed(0)} ms)`);
    expect(report?.accounts).toBe(N + 1);
    expect(chain.getAccount(addressOf(12_345))).toEqual(accountOf(12_345));

    t = performance.now();
    const all = chain.getProgramAccounts(OWNER);
    const some = chain.getProgramAccounts(OWNER, [{ dataSize: 200 }, { memcmp: { offset: 8, bytes: new Uint8Array([3, 0, 0, 0]) } }]);
    console.log(`getProgramAccounts over ${N}: ${(performance.now() - t).toFixed(0)} ms for both`);
    expect(all).toHaveLength(N);
    expect(some).toHaveLength(N / 10);
    await chain.close();
  }, 120_000);
});
