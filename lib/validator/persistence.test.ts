import { describe } from 'vitest';
import { runMigrations } from '@/lib/db/migrations';
import { openMemoryPglite } from '@/lib/db/pglite';
import { definePersistenceSuite } from './persistence-suite';

describe('LocalChain restart on PGlite', () => {
  definePersistenceSuite(async () => {
    const db = await openMemoryPglite();
    await runMigrations(db);
    return { db, close: () => db.close() };
  });
});
