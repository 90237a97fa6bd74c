import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@/lib/db/types';
import { openPgliteDatabase } from '@/lib/db/pglite';
import { openPostgresDatabase } from '@/lib/db/postgres';

export class RefusedError extends Error {
  override name = 'RefusedError';
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * Opens the database to check, without migrating or writing. PostgreSQL is safe to read beside running servers.
 * PGlite is one process's folder: while a server holds it open, its `postmaster.pid` exists (PGlite removes it
 * on a clean close; a SIGKILLed server leaves it behind). Then we refuse, unless `snapshot` is set, in which case
 * the folder is copied and the copy checked (a copy taken mid-write is recovered like a crash, so it is a fair
 * picture of what a restart would see).
 */
export async function openForCheck(opts: { databaseUrl?: string; dataDir: string; snapshot: boolean }): Promise<{ db: Database; done: () => Promise<void>; note?: string }> {
  if (opts.databaseUrl !== undefined) {
    const db = await openPostgresDatabase(opts.databaseUrl, { max: 1 });
    return { db, done: () => db.close() };
  }
  if (!(await exists(join(opts.dataDir, 'PG_VERSION')))) throw new RefusedError(`There is no database in ${opts.dataDir} (no PG_VERSION).`);
  const held = await exists(join(opts.dataDir, 'postmaster.pid'));
  if (held && !opts.snapshot) {
    throw new RefusedError(
      `${opts.dataDir} may be open in a running server (postmaster.pid is present). Stop the server first, or pass --snapshot to check a copy of the folder.`,
    );
  }
  if (!held) {
    const db = await openPgliteDatabase(opts.dataDir);
    return { db, done: () => db.close() };
  }
  const copy = await mkdtemp(join(tmpdir(), 'ledger-check-'));
  await cp(opts.dataDir, copy, { recursive: true });
  const db = await openPgliteDatabase(copy);
  return {
    db,
    done: async () => {
      await db.close();
      await rm(copy, { recursive: true, force: true });
    },
    note: `checked a copy of ${opts.dataDir} (a server may be writing to it)`,
  };
}
