import { openMemoryPglite, type PgliteDatabase } from './pglite';
import { runMigrations } from './migrations';

/**
 * Tests: migrate one in-memory PGlite once per file, then `fresh()` returns an independent clone per test (close
 * each clone, and the template in afterAll). Truncating STATE_TABLES between tests is the cheaper alternative
 * when a suite shares one database (lib/engine/test-support.ts).
 */
export async function createMigratedTemplate(): Promise<{ fresh: () => Promise<PgliteDatabase>; close: () => Promise<void> }> {
  const template = await openMemoryPglite();
  await runMigrations(template);
  return {
    fresh: () => template.clone(),
    close: () => template.close(),
  };
}
