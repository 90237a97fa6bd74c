import type { Database, SqlClient } from './types';

/**
 * The schema, as one ordered list shared by both backends. Amounts, prices and rates are numeric(78,0) (read back
 * as text and turned into bigint, lib/db/rows.ts); times are unix seconds (bigint). Append only: never edit an
 * applied migration, add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const N = 'numeric(78,0)';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'core',
    sql: `
CREATE TABLE engine_state (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE pools (id text PRIMARY KEY, lp_supply ${N} NOT NULL DEFAULT 0);
CREATE TABLE custodies (
  pool text NOT NULL REFERENCES pools(id), token text NOT NULL,
  owned ${N} NOT NULL DEFAULT 0, locked ${N} NOT NULL DEFAULT 0, collateral ${N} NOT NULL DEFAULT 0,
  cumulative_interest ${N} NOT NULL DEFAULT 0, rate_hourly ${N} NOT NULL DEFAULT 0,
  last_accrual_s bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (pool, token));
CREATE TABLE positions (
  id bigserial PRIMARY KEY, owner text NOT NULL, market text NOT NULL, side text NOT NULL,
  collateral_token text NOT NULL, collateral_amount ${N} NOT NULL, collateral_usd ${N} NOT NULL,
  size_usd ${N} NOT NULL, entry_price ${N} NOT NULL, lock_amount ${N} NOT NULL,
  exit_fee_usd ${N} NOT NULL, liquidation_fee_usd ${N} NOT NULL,
  carried_interest_usd ${N} NOT NULL DEFAULT 0, interest_snapshot ${N} NOT NULL,
  take_profit ${N}, stop_loss ${N}, opened_at bigint NOT NULL, updated_at bigint NOT NULL,
  UNIQUE (owner, market, side));
CREATE INDEX positions_market_side ON positions (market, side);
CREATE TABLE orders (
  id bigserial PRIMARY KEY, owner text NOT NULL, market text NOT NULL, side text NOT NULL,
  collateral_token text NOT NULL, collateral_amount ${N} NOT NULL, leverage_bps ${N} NOT NULL,
  trigger_price ${N} NOT NULL, acceptable_price ${N} NOT NULL, take_profit ${N}, stop_loss ${N},
  created_at bigint NOT NULL);
CREATE INDEX orders_owner ON orders (owner);
CREATE INDEX orders_market_side ON orders (market, side);
CREATE TABLE balances (owner text NOT NULL, token text NOT NULL, amount ${N} NOT NULL DEFAULT 0 CHECK (amount >= 0),
  PRIMARY KEY (owner, token));
CREATE TABLE lp_balances (owner text NOT NULL, pool text NOT NULL, amount ${N} NOT NULL DEFAULT 0 CHECK (amount >= 0),
  PRIMARY KEY (owner, pool));
CREATE TABLE nonces (owner text NOT NULL, nonce text NOT NULL, used_at bigint NOT NULL, UNIQUE (owner, nonce));
CREATE TABLE events (
  id bigserial PRIMARY KEY, owner text NOT NULL, kind text NOT NULL, pool text, market text, side text,
  at bigint NOT NULL, size_usd ${N}, price ${N}, realized_pnl_usd ${N}, fees_usd ${N}, details text NOT NULL DEFAULT '{}');
CREATE INDEX events_owner ON events (owner, id);
CREATE INDEX events_pool_at ON events (pool, at);
CREATE TABLE market_sides (
  market text NOT NULL, side text NOT NULL,
  size_usd ${N} NOT NULL DEFAULT 0, size_over_entry ${N} NOT NULL DEFAULT 0,
  carried_interest_usd ${N} NOT NULL DEFAULT 0, size_times_snapshot ${N} NOT NULL DEFAULT 0,
  count ${N} NOT NULL DEFAULT 0, PRIMARY KEY (market, side));
CREATE TABLE faucet_draws (owner text PRIMARY KEY, last_at bigint NOT NULL);
CREATE TABLE candles_1m (feed text NOT NULL, t bigint NOT NULL, open ${N} NOT NULL, high ${N} NOT NULL,
  low ${N} NOT NULL, close ${N} NOT NULL, PRIMARY KEY (feed, t));
CREATE TABLE lp_snapshots (pool text NOT NULL, t bigint NOT NULL, aum_usd ${N} NOT NULL, supply ${N} NOT NULL,
  lp_price_usd ${N} NOT NULL, PRIMARY KEY (pool, t));
CREATE TABLE price_marks (feed text PRIMARY KEY, price ${N} NOT NULL, publish_time bigint NOT NULL);
`,
  },
  {
    version: 2,
    name: 'faucet draws per token',
    // §9 gives a basket each minute (10,000 USDC, 50 SOL, 0.1 WBTC, 400,000,000 BONK): the cooldown is per
    // (wallet, token), so one "Get test funds" can draw every token.
    sql: `
ALTER TABLE faucet_draws ADD COLUMN token text NOT NULL DEFAULT 'USDC';
ALTER TABLE faucet_draws DROP CONSTRAINT faucet_draws_pkey;
ALTER TABLE faucet_draws ADD PRIMARY KEY (owner, token);
`,
  },
  {
    version: 3,
    name: 'local chain',
    // The embedded Solana chain (lib/validator): accounts as the runtime holds them (u64 as numeric(20,0)), every
    // executed transaction with its status and meta (JSON text), the index behind getSignaturesForAddress, and
    // the chain's clock (slot, recent blockhashes, unix time). One group commit writes all four in one transaction.
    sql: `
CREATE TABLE chain_accounts (
  address text PRIMARY KEY, lamports numeric(20,0) NOT NULL, owner text NOT NULL, executable boolean NOT NULL,
  rent_epoch numeric(20,0) NOT NULL, data bytea NOT NULL);
CREATE TABLE chain_transactions (
  signature text PRIMARY KEY, seq bigint NOT NULL, slot bigint NOT NULL, block_time bigint NOT NULL,
  blockhash text NOT NULL, version text NOT NULL, err text, logs text NOT NULL, compute_units bigint NOT NULL,
  fee numeric(20,0) NOT NULL, account_keys text NOT NULL, meta text NOT NULL, memo text, wire bytea NOT NULL);
CREATE INDEX chain_transactions_slot ON chain_transactions (slot);
CREATE TABLE chain_address_signatures (
  address text NOT NULL, seq bigint NOT NULL, slot bigint NOT NULL, signature text NOT NULL,
  PRIMARY KEY (address, seq));
CREATE TABLE chain_state (
  id smallint PRIMARY KEY CHECK (id = 1), slot bigint NOT NULL, unix_timestamp bigint NOT NULL,
  blockhashes text NOT NULL, genesis_hash text NOT NULL, faucet_seed bytea NOT NULL, next_seq bigint NOT NULL,
  transaction_count bigint NOT NULL);
`,
  },
  {
    version: 4,
    name: 'local deployment',
    // The local chain's deployment of the pool program (lib/deployment/local.ts): its program id, mints and the
    // seeds of the keys it runs with (admin, oracle authority, faucet mint authority, keeper, genesis owner). A
    // single row: written once, after the deploy and the genesis succeeded.
    sql: `
CREATE TABLE chain_deployment (id smallint PRIMARY KEY CHECK (id = 1), value text NOT NULL);
`,
  },
  {
    version: 5,
    name: 'indexed history',
    // The indexer (lib/indexer) writes the program's events into `events`, each row keyed by its transaction's
    // signature and the event's index in that transaction (so a replay never duplicates; engine rows keep NULL,
    // and NULLs never conflict), with the slot. `indexer_cursor`: the resume point per program, written in the
    // same database transaction as the rows (seq: the local chain's execution order, when known).
    sql: `
ALTER TABLE events ADD COLUMN signature text;
ALTER TABLE events ADD COLUMN slot bigint;
ALTER TABLE events ADD COLUMN event_index integer;
CREATE UNIQUE INDEX events_signature_event ON events (signature, event_index);
CREATE TABLE indexer_cursor (
  stream text PRIMARY KEY, signature text NOT NULL, slot bigint NOT NULL, seq bigint, updated_at bigint NOT NULL);
`,
  },
];

/** Arbitrary constant key of the advisory lock that serialises migrations and genesis between instances. */
export const MIGRATION_LOCK_KEY = 7_346_001;

async function applied(tx: SqlClient): Promise<Set<number>> {
  const { rows } = await tx.query<{ version: number | string }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => Number(r.version)));
}

/**
 * Applies the missing migrations in order, in one transaction, under a transaction-level advisory lock on
 * PostgreSQL so two instances starting together do not race (the second waits, then finds nothing to do).
 */
export async function runMigrations(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = await applied(tx);
    const ran: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      ran.push(m.version);
    }
    return ran;
  });
}

/** Every table holding state (not schema_migrations), for test resets. */
export const STATE_TABLES = [
  'engine_state', 'custodies', 'positions', 'orders', 'balances', 'lp_balances', 'nonces', 'events',
  'market_sides', 'faucet_draws', 'candles_1m', 'lp_snapshots', 'price_marks', 'pools',
  'chain_accounts', 'chain_transactions', 'chain_address_signatures', 'chain_state', 'chain_deployment',
  'indexer_cursor',
] as const;
