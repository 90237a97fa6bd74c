/**
 * Issue 14, crash safety on the chain path, PostgreSQL (TEST_DATABASE_URL; skipped without it): the suite of
 * sigkill-suite.ts on a fresh database, the server restarted on the same DATABASE_URL.
 */
import { describe, it } from 'vitest';
import { crashSuite } from './sigkill-suite';
import { createPgDatabase, TEST_DATABASE_URL } from './support';

if (TEST_DATABASE_URL) {
  crashSuite('PostgreSQL', async () => {
    const db = await createPgDatabase('chain_sigkill');
    return { env: { DATABASE_URL: db.url }, cleanup: db.drop };
  });
} else {
  describe.skip('SIGKILL during a burst of program transactions (PostgreSQL: set TEST_DATABASE_URL)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
}
