import type { SqlClient } from '@/lib/db/types';
import type { CommitBatch } from './store';
import { encodeMeta } from './store-codec';
import type { ChainAccount, ChainStateSnapshot, TransactionRecord } from './types';

/** One statement per table per commit: arrays bound as parameters and expanded with `unnest`. */
async function writeAccounts(tx: SqlClient, accounts: CommitBatch['accounts']): Promise<void> {
  const upsert: [string, ChainAccount][] = [];
  const deleted: string[] = [];
  for (const [address, account] of accounts) {
    if (account === null || account.lamports === 0n) deleted.push(address);
    else upsert.push([address, account]);
  }
  if (upsert.length > 0) {
    await tx.query(
      `INSERT INTO chain_accounts (address, lamports, owner, executable, rent_epoch, data)
       SELECT * FROM unnest($1::text[], $2::numeric[], $3::text[], $4::boolean[], $5::numeric[], $6::bytea[])
       ON CONFLICT (address) DO UPDATE SET lamports = EXCLUDED.lamports, owner = EXCLUDED.owner,
         executable = EXCLUDED.executable, rent_epoch = EXCLUDED.rent_epoch, data = EXCLUDED.data`,
      [
        upsert.map(([a]) => a),
        upsert.map(([, x]) => x.lamports.toString()),
        upsert.map(([, x]) => x.owner),
        upsert.map(([, x]) => x.executable),
        upsert.map(([, x]) => x.rentEpoch.toString()),
        upsert.map(([, x]) => x.data),
      ],
    );
  }
  if (deleted.length > 0) await tx.query('DELETE FROM chain_accounts WHERE address = ANY($1::text[])', [deleted]);
}

async function writeTransactions(tx: SqlClient, records: readonly TransactionRecord[]): Promise<void> {
  if (records.length === 0) return;
  const col = <T>(f: (r: TransactionRecord) => T): T[] => records.map(f);
  await tx.query(
    `INSERT INTO chain_transactions (signature, seq, slot, block_time, blockhash, version, err, logs, compute_units,
       fee, account_keys, meta, memo, wire)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::bigint[], $10::numeric[], $11::text[], $12::text[], $13::text[], $14::bytea[])`,
    [
      col((r) => r.signature),
      col((r) => String(r.seq)),
      col((r) => r.slot.toString()),
      col((r) => r.blockTime.toString()),
      col((r) => r.blockhash),
      col((r) => String(r.version)),
      col((r) => (r.err === null ? null : JSON.stringify(r.err))),
      col((r) => JSON.stringify(r.logs)),
      col((r) => r.computeUnits.toString()),
      col((r) => r.fee.toString()),
      col((r) => JSON.stringify(r.accountKeys)),
      col(encodeMeta),
      col((r) => r.memo),
      col((r) => r.wire),
    ],
  );
  const address: string[] = [];
  const seq: string[] = [];
  const slot: string[] = [];
  const signature: string[] = [];
  for (const r of records) {
    for (const key of new Set(r.accountKeys)) {
      address.push(key);
      seq.push(String(r.seq));
      slot.push(r.slot.toString());
      signature.push(r.signature);
    }
  }
  await tx.query(
    `INSERT INTO chain_address_signatures (address, seq, slot, signature)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[])`,
    [address, seq, slot, signature],
  );
}

async function writeState(tx: SqlClient, state: ChainStateSnapshot): Promise<void> {
  const blockhashes = JSON.stringify(state.blockhashes.map((e) => [e.slot.toString(), e.blockhash]));
  await tx.query(
    `INSERT INTO chain_state (id, slot, unix_timestamp, blockhashes, genesis_hash, faucet_seed, next_seq, transaction_count)
     VALUES (1, $1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET slot = EXCLUDED.slot, unix_timestamp = EXCLUDED.unix_timestamp,
       blockhashes = EXCLUDED.blockhashes, genesis_hash = EXCLUDED.genesis_hash, faucet_seed = EXCLUDED.faucet_seed,
       next_seq = EXCLUDED.next_seq, transaction_count = EXCLUDED.transaction_count`,
    [
      state.slot.toString(),
      state.unixTimestamp.toString(),
      blockhashes,
      state.genesisHash,
      state.faucetSeed,
      String(state.nextSeq),
      state.transactionCount.toString(),
    ],
  );
}

/** Writes a whole group commit inside the caller's database transaction. */
export async function writeCommit(tx: SqlClient, batch: CommitBatch): Promise<void> {
  await writeAccounts(tx, batch.accounts);
  await writeTransactions(tx, batch.transactions);
  await writeState(tx, batch.state);
}
