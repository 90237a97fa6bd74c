/**
 * Fresh PostgreSQL databases on TEST_DATABASE_URL's server (one per suite, dropped after), and the ledger check
 * on one of them.
 */
import { Client } from 'pg';
import { openPostgresDatabase } from '@/lib/db/postgres';
import { checkLedger } from '@/lib/ledger/invariants';
import { formatReport } from '@/lib/ledger/report';
import { KEEPER_LOCK_KEY } from '@/lib/engine/keeper';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** Runs lib/ledger on `url`; returns the readable report and whether it is clean. */
export async function ledgerOf(url: string): Promise<{ ok: boolean; text: string }> {
  const db = await openPostgresDatabase(url, { max: 1 });
  try {
    const report = await checkLedger(db);
    return { ok: report.violations.length === 0, text: formatReport(report) };
  } finally {
    await db.close();
  }
}

/**
 * The `application_name` (servers set it through PGAPPNAME) of the session holding the keeper lease
 * (lib/engine/keeper.ts KEEPER_LOCK_KEY, a session advisory lock), or undefined when nobody leads.
 */
export async function keeperLeaseHolder(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [KEEPER_LOCK_KEY],
    );
    return rows[0]?.name;
  } finally {
    await client.end();
  }
}
