/**
 * Issue 14, crash safety on the chain path, PGlite: 20 wallets' program transactions, SIGKILL mid-burst, restart
 * on the same DATA_DIR; every answered signature there with its effects, nothing half-applied, check:invariants
 * clean (sigkill-suite.ts says what is asserted; sigkill-postgres.int.test.ts is the same on PostgreSQL).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crashSuite } from './sigkill-suite';

crashSuite('PGlite', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chain-sigkill-'));
  return { env: { DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
