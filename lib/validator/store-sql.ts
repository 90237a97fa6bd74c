import type { Address } from '@solana/kit';
import { BinaryCopyReader } from '@/lib/db/copy-binary';
import { big } from '@/lib/db/rows';
import type { Database } from '@/lib/db/types';
import type { ChainStore, CommitBatch, RecentStatus, SignaturesQuery } from './store';
import { decodeTransactionRow, parseErr, type TransactionRow } from './store-codec';
import { writeCommit } from './store-sql-commit';
import type { ChainStateSnapshot, KeyedAccount, SignatureInfo, SignatureStatus, TransactionRecord } from './types';

interface AccountRow {
  address: string;
  lamports: unknown;
  owner: string;
  executable: boolean;
  rent_epoch: unknown;
  data: Uint8Array;
}

interface StateRow {
  slot: unknown;
  unix_timestamp: unknown;
  blockhashes: string;
  genesis_hash: string;
  faucet_seed: Uint8Array;
  next_seq: unknown;
  transaction_count: unknown;
}

const MAX_SEQ = '9223372036854775807';


/**
 * The chain's store on the app's `Database` port (PGlite or PostgreSQL), tables of migration 3 `local chain`.
 * A commit is one statement (store-sql-commit.ts), atomic by itself; reads are single statements too.
 */
export class SqlChainStore implements ChainStore {
  /**
   * The slot of the last commit through this store: the blockhash window moves only with the slot (the genesis hash
   * and the faucet seed never), so within it a commit writes the clock and counters only.
   */
  private committedSlot: bigint | undefined;
  /** Heap blocks (8 kB) per page of the PGlite account read: 2,048 is ~50,000 positions, 16 MB. */
  private readonly copyPageBlocks: number;

  constructor(
    private readonly db: Database,
    opts: { copyPageBlocks?: number } = {},
  ) {
    this.copyPageBlocks = Math.max(1, Math.floor(opts.copyPageBlocks ?? 2048));
  }

  async loadState(): Promise<ChainStateSnapshot | undefined> {
    const { rows } = await this.db.sql.query<StateRow>('SELECT * FROM chain_state WHERE id = 1');
    const row = rows[0];
    if (row === undefined) return undefined;
    const blockhashes = (JSON.parse(row.blockhashes) as [string, string][]).map(([slot, blockhash]) => ({
      slot: BigInt(slot),
      blockhash,
    }));
    return {
      slot: big(row.slot),
      unixTimestamp: big(row.unix_timestamp),
      blockhashes,
      genesisHash: row.genesis_hash,
      faucetSeed: new Uint8Array(row.faucet_seed),
      nextSeq: Number(big(row.next_seq)),
      transactionCount: big(row.transaction_count),
    };
  }

  /** `pageSize`: rows per page on PostgreSQL; PGlite reads in pages of `copyPageBlocks` heap blocks. */
  loadAccounts(pageSize?: number): AsyncIterable<readonly KeyedAccount[]> {
    return this.db.copyBinary !== undefined ? this.copyAccounts(this.db.copyBinary.bind(this.db)) : this.selectAccounts(pageSize);
  }

  /**
   * PGlite: a binary COPY per range of heap blocks, parsed in place. PGlite's row protocol costs ~40 µs a row (4 s
   * for 100,000 accounts of 200 bytes), the COPY an eighth of it; block ranges (TID range scans) read the table in
   * its physical order, where paging by address walks the index and reads the heap at random (twice as long, cold).
   * The rows come in no particular order, as `getProgramAccounts` answers; the last range is open-ended, so a table
   * that grew since its size was read is still read whole. The account data are views of the page's bytes (one
   * buffer per page, not one per account, which the garbage collector would track each).
   */
  private async *copyAccounts(copy: (query: string) => Promise<Uint8Array>): AsyncIterable<readonly KeyedAccount[]> {
    const { rows: size } = await this.db.sql.query<{ blocks: unknown }>(
      `SELECT pg_relation_size('chain_accounts') / current_setting('block_size')::bigint AS blocks`,
    );
    const blocks = Number(big(size[0]?.blocks ?? 0));
    const step = this.copyPageBlocks;
    // Decimal text of rent_epoch nearly always reads u64::MAX: parse each distinct text once.
    let lastRentText = '';
    let lastRent = 0n;
    for (let from = 0; ; from += step) {
      const last = from + step >= blocks;
      const range = last ? `ctid >= '(${from},0)'::tid` : `ctid >= '(${from},0)'::tid AND ctid < '(${from + step},0)'::tid`;
      const rows = new BinaryCopyReader(
        await copy(`SELECT address, lamports::text, owner, executable, rent_epoch::text, data FROM chain_accounts WHERE ${range}`),
      );
      const page: KeyedAccount[] = [];
      let owner = '';
      while (rows.next()) {
        const rentText = rows.text(4);
        if (rentText !== lastRentText) {
          lastRentText = rentText;
          lastRent = BigInt(rentText);
        }
        // Owners are few: accounts in a run of one owner share its string.
        const ownerText = rows.text(2);
        if (ownerText !== owner) owner = ownerText;
        page.push({
          address: rows.text(0) as Address,
          account: { lamports: BigInt(rows.text(1)), owner: owner as Address, executable: rows.bool(3), rentEpoch: lastRent, data: rows.view(5) },
        });
      }
      if (page.length > 0) yield page;
      if (last) return;
    }
  }

  private async *selectAccounts(pageSize = 20_000): AsyncIterable<readonly KeyedAccount[]> {
    let after = '';
    for (;;) {
      const { rows } = await this.db.sql.query<AccountRow>(
        `SELECT address, lamports::text AS lamports, owner, executable, rent_epoch::text AS rent_epoch, data
         FROM chain_accounts WHERE address > $1 ORDER BY address LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        address: r.address as Address,
        account: {
          lamports: big(r.lamports),
          owner: r.owner as Address,
          executable: r.executable,
          rentEpoch: big(r.rent_epoch),
          // pg gives a Buffer: a plain Uint8Array view of it, so accounts compare equal whatever the driver.
          data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength),
        },
      }));
      after = (rows[rows.length - 1] as AccountRow).address;
      if (rows.length < pageSize) return;
    }
  }

  async loadRecentStatuses(fromSlot: bigint): Promise<readonly RecentStatus[]> {
    const { rows } = await this.db.sql.query<{ signature: string; slot: unknown; err: string | null; blockhash: string }>(
      'SELECT signature, slot, err, blockhash FROM chain_transactions WHERE slot >= $1 ORDER BY seq',
      [fromSlot.toString()],
    );
    return rows.map((r) => ({ signature: r.signature, slot: big(r.slot), err: parseErr(r.err), blockhash: r.blockhash }));
  }

  async commit(batch: CommitBatch): Promise<void> {
    await writeCommit(this.db.sql, batch, batch.state.slot !== this.committedSlot);
    this.committedSlot = batch.state.slot;
  }

  async getTransaction(signature: string): Promise<TransactionRecord | undefined> {
    const { rows } = await this.db.sql.query<TransactionRow>('SELECT * FROM chain_transactions WHERE signature = $1', [signature]);
    const row = rows[0];
    return row === undefined ? undefined : decodeTransactionRow(row);
  }

  async getStatuses(signatures: readonly string[]): Promise<ReadonlyMap<string, SignatureStatus>> {
    const out = new Map<string, SignatureStatus>();
    if (signatures.length === 0) return out;
    const { rows } = await this.db.sql.query<{ signature: string; slot: unknown; err: string | null }>(
      'SELECT signature, slot, err FROM chain_transactions WHERE signature = ANY($1::text[])',
      [[...signatures]],
    );
    for (const r of rows) out.set(r.signature, { slot: big(r.slot), err: parseErr(r.err) });
    return out;
  }

  async getSignaturesForAddress(address: Address, query: SignaturesQuery): Promise<readonly SignatureInfo[]> {
    const seqOf = async (signature: string | undefined): Promise<string | null | undefined> => {
      if (signature === undefined) return undefined;
      const { rows } = await this.db.sql.query<{ seq: unknown }>('SELECT seq FROM chain_transactions WHERE signature = $1', [signature]);
      return rows[0] === undefined ? null : big(rows[0].seq).toString();
    };
    const before = await seqOf(query.before);
    // agave: an unknown `before` yields nothing; an unknown `until` does not bound the search.
    if (before === null) return [];
    const until = await seqOf(query.until);
    const { rows } = await this.db.sql.query<{ signature: string; slot: unknown; err: string | null; memo: string | null; block_time: unknown }>(
      `SELECT s.signature, s.slot, t.err, t.memo, t.block_time
       FROM chain_address_signatures s JOIN chain_transactions t ON t.signature = s.signature
       WHERE s.address = $1 AND s.seq < $2 AND s.seq > $3
       ORDER BY s.seq DESC LIMIT $4`,
      [address, before ?? MAX_SEQ, until ?? '-1', query.limit],
    );
    return rows.map((r) => ({
      signature: r.signature,
      slot: big(r.slot),
      err: parseErr(r.err),
      memo: r.memo,
      blockTime: big(r.block_time),
    }));
  }
}
