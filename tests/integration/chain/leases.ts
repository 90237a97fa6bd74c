/**
 * The one-instance-per-job leases of a shared PostgreSQL as a test sees them: which server (its PGAPPNAME) holds an
 * advisory lock, ending that session as a dying connection would, and keeper keypair files for cluster readers.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { getAddressDecoder } from '@solana/kit';

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const HOLDERS = `SELECT a.pid, a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/** The application names of the sessions holding session advisory lock `key` (one at most, unless broken). */
export async function leaseHolders(url: string, key: number): Promise<string[]> {
  return withClient(url, async (c) => (await c.query<{ name: string }>(HOLDERS, [key])).rows.map((r) => r.name));
}

/** Ends the session holding `key` (pg_terminate_backend): for its server, the lock's connection died. */
export async function terminateLeaseHolder(url: string, key: number): Promise<string | undefined> {
  return withClient(url, async (c) => {
    const row = (await c.query<{ pid: number; name: string }>(HOLDERS, [key])).rows[0];
    if (row) await c.query('SELECT pg_terminate_backend($1)', [row.pid]);
    return row?.name;
  });
}

/** A new ed25519 key written as solana-keygen's file (JSON array: 32-byte seed then 32-byte public key). */
export function keypairFile(dir: string, name: string): { file: string; address: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify([...seed, ...pub]));
  return { file, address: getAddressDecoder().decode(pub) };
}
