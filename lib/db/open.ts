import { mkdir } from 'node:fs/promises';
import { openPgliteDatabase } from './pglite';
import { openPostgresDatabase } from './postgres';
import { runMigrations } from './migrations';
import type { Database } from './types';

/** Opens the configured database (PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`) and migrates it. */
export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  let db: Database;
  if (config.databaseUrl !== undefined) {
    db = await openPostgresDatabase(config.databaseUrl);
  } else {
    await mkdir(config.dataDir, { recursive: true });
    db = await openPgliteDatabase(config.dataDir);
  }
  await runMigrations(db);
  return db;
}
