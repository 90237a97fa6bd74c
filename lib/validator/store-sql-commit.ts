import type { SqlClient } from '@/lib/db/types';
import type { CommitBatch } from './store';
import { encodeMeta } from './store-codec';
import type { ChainAccount, TransactionRecord } from './types';

/**
 * A whole group commit as ONE statement: data-modifying WITH clauses (each runs once, referenced or not) over arrays
 * bound as parameters and expanded with `unnest`. One statement is one transaction by itself, so the commit is
 * atomic without BEGIN/COMMIT, and it costs one parse, one plan and one round trip instead of seven (PGlite syncs
 * its files after every statement; on PostgreSQL every round trip waits for a turn of a busy event loop).
 * The accounts are upserted or deleted (one entry per address, so no row is touched twice), the transactions and
 * their (address, signature) index inserted, and the state row upserted.
 */
const WRITES_SQL = `WITH
  upserted AS (
    INSERT INTO chain_accounts (address, lamports, owner, executable, rent_epoch, data)
    SELECT * FROM unnest($1::text[], $2::numeric[], $3::text[], $4::boolean[], $5::numeric[], $6::bytea[])
    ON CONFLICT (address) DO UPDATE SET lamports = EXCLUDED.lamports, owner = EXCLUDED.owner,
      executable = EXCLUDED.executable, rent_epoch = EXCLUDED.rent_epoch, data = EXCLUDED.data),
  deleted AS (DELETE FROM chain_accounts WHERE address = ANY($7::text[])),
  transactions AS (
    INSERT INTO chain_transactions (signature, seq, slot, block_time, blockhash, version, err, logs, compute_units,
      fee, account_keys, meta, memo, wire)
    SELECT * FROM unnest($8::text[], $9::bigint[], $10::bigint[], $11::bigint[], $12::text[], $13::text[], $14::text[],
      $15::text[], $16::bigint[], $17::numeric[], $18::text[], $19::text[], $20::text[], $21::bytea[])),
  signatures AS (
    INSERT INTO chain_address_signatures (address, seq, slot, signature)
    SELECT * FROM unnest($22::text[], $23::bigint[], $24::bigint[], $25::text[])),
`;

/** The whole state row (first commit of a store, and whenever the slot, so the blockhash window, moved). */
const FULL_STATE = `state AS (
    INSERT INTO chain_state (id, slot, unix_timestamp, blockhashes, genesis_hash, faucet_seed, next_seq, transaction_count)
    VALUES (1, $26, $27, $28, $29, $30, $31, $32)
    ON CONFLICT (id) DO UPDATE SET slot = EXCLUDED.slot, unix_timestamp = EXCLUDED.unix_timestamp,
      blockhashes = EXCLUDED.blockhashes, genesis_hash = EXCLUDED.genesis_hash, faucet_seed = EXCLUDED.faucet_seed,
      next_seq = EXCLUDED.next_seq, transaction_count = EXCLUDED.transaction_count)`;

/** Within a slot only the counters and the clock move: the ~9 KB blockhash window (TOASTed) is not rewritten. */
const COUNTERS = `state AS (
    UPDATE chain_state SET unix_timestamp = $26, next_seq = $27, transaction_count = $28 WHERE id = 1)`;

const COMMIT_FULL_SQL = `${WRITES_SQL}  ${FULL_STATE}
SELECT 1`;
const COMMIT_COUNTERS_SQL = `${WRITES_SQL}  ${COUNTERS}
SELECT 1`;

function accountParams(accounts: CommitBatch['accounts']): unknown[] {
  const upsert: [string, ChainAccount][] = [];
  const deleted: string[] = [];
  for (const [address, account] of accounts) {
    if (account === null || account.lamports === 0n) deleted.push(address);
    else upsert.push([address, account]);
  }
  return [
    upsert.map(([a]) => a),
    upsert.map(([, x]) => x.lamports.toString()),
    upsert.map(([, x]) => x.owner),
    upsert.map(([, x]) => x.executable),
    upsert.map(([, x]) => x.rentEpoch.toString()),
    upsert.map(([, x]) => x.data),
    deleted,
  ];
}

function transactionParams(records: readonly TransactionRecord[]): unknown[] {
  const col = <T>(f: (r: TransactionRecord) => T): T[] => records.map(f);
  return [
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
  ];
}

/** One row per distinct key of each transaction (getSignaturesForAddress). */
function signatureParams(records: readonly TransactionRecord[]): unknown[] {
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
  return [address, seq, slot, signature];
}

function stateParams(state: CommitBatch['state'], full: boolean): unknown[] {
  if (!full) return [state.unixTimestamp.toString(), String(state.nextSeq), state.transactionCount.toString()];
  return [
    state.slot.toString(),
    state.unixTimestamp.toString(),
    JSON.stringify(state.blockhashes.map((e) => [e.slot.toString(), e.blockhash])),
    state.genesisHash,
    state.faucetSeed,
    String(state.nextSeq),
    state.transactionCount.toString(),
  ];
}

/**
 * Writes a whole group commit in one statement (atomic by itself; also fine inside a caller's transaction).
 * `fullState` false: the state row exists and its slot, blockhashes, genesis hash and faucet seed are those of
 * `batch.state` already (the caller knows what it last committed); only the clock and the counters are written.
 */
export async function writeCommit(sql: SqlClient, batch: CommitBatch, fullState = true): Promise<void> {
  await sql.query(fullState ? COMMIT_FULL_SQL : COMMIT_COUNTERS_SQL, [
    ...accountParams(batch.accounts),
    ...transactionParams(batch.transactions),
    ...signatureParams(batch.transactions),
    ...stateParams(batch.state, fullState),
  ]);
}
