import { getAddressDecoder, type Address } from '@solana/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite, type PgliteDatabase } from '@/lib/db/pglite';
import type { Database } from '@/lib/db/types';
import { genesisState } from './restore';
import { SqlChainStore } from './store-sql';
import type { ChainAccount, KeyedAccount } from './types';
import { rng } from '@/lib/chain/testing/xorshift';

const U64_MAX = (1n << 64n) - 1n;

/** Accounts of every shape the table holds: empty and large (TOASTed) data, executables, u64 extremes. */
function randomAccounts(n: number, next: () => number): Map<Address, ChainAccount> {
  const decoder = getAddressDecoder();
  const owners = Array.from({ length: 4 }, () => decoder.decode(Uint8Array.from({ length: 32 }, () => next() & 0xff)));
  const out = new Map<Address, ChainAccount>();
  for (let i = 0; i < n; i++) {
    const address = decoder.decode(Uint8Array.from({ length: 32 }, (_, k) => (k === 0 && i % 7 === 0 ? 0 : next() & 0xff)));
    const shape = next() % 10;
    const length = shape === 0 ? 0 : shape === 1 ? 20_000 + (next() % 50_000) : next() % 400;
    const words = [1n, U64_MAX, BigInt(next()) * BigInt(next()), 0n];
    out.set(address, {
      lamports: i % 5 === 0 ? U64_MAX : 1n + BigInt(next()) * 1_000n,
      owner: owners[next() % owners.length]!,
      executable: shape === 2,
      rentEpoch: words[next() % words.length]!,
      data: Uint8Array.from({ length }, () => next() & 0xff),
    });
  }
  return out;
}

async function all(store: SqlChainStore): Promise<{ accounts: KeyedAccount[]; pages: number }> {
  const accounts: KeyedAccount[] = [];
  let pages = 0;
  for await (const page of store.loadAccounts()) {
    pages += 1;
    accounts.push(...page);
  }
  return { accounts, pages };
}

const normal = (list: readonly KeyedAccount[]) =>
  [...list]
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
    .map(({ address, account }) => ({ address, ...account, data: Buffer.from(account.data).toString('hex') }));

describe('the PGlite bulk account read (binary COPY) against the row read', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openMemoryPglite();
    await runMigrations(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('reads the same accounts as the SELECT path, whatever the page size', async () => {
    const written = randomAccounts(3_000, rng(11));
    await new SqlChainStore(db).commit({ accounts: written, transactions: [], state: genesisState(1_700_000_000n) });
    // Updates and deletes leave dead tuples and move live ones to later blocks.
    const next = rng(12);
    const changed = new Map<Address, ChainAccount | null>();
    for (const [address, account] of [...written].slice(0, 600)) {
      changed.set(address, next() % 3 === 0 ? null : { ...account, lamports: account.lamports - 1n, data: account.data.subarray(1) });
    }
    await new SqlChainStore(db).commit({ accounts: changed, transactions: [], state: genesisState(1_700_000_000n) });
    const expected = new Map<Address, ChainAccount>(written);
    for (const [address, account] of changed) {
      if (account === null) expected.delete(address);
      else expected.set(address, account);
    }

    // The row read: the same database without its COPY.
    const rowsOnly: Database = { kind: db.kind, sql: db.sql, transaction: (fn) => db.transaction(fn), close: () => db.close() };
    const bySelect = await all(new SqlChainStore(rowsOnly));
    const want = normal([...expected].map(([address, account]) => ({ address, account })));
    expect(normal(bySelect.accounts)).toEqual(want);

    const byCopy = await all(new SqlChainStore(db));
    expect(byCopy.pages).toBe(1);
    expect(normal(byCopy.accounts)).toEqual(want);
    for (const blocks of [1, 7, 64]) {
      const paged = await all(new SqlChainStore(db, { copyPageBlocks: blocks }));
      expect(paged.pages).toBeGreaterThan(1);
      expect(normal(paged.accounts)).toEqual(want);
    }
  });
});
