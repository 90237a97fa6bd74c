/**
 * `npm run check:invariants [-- --snapshot]`: checks the ledger of DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite,
 * default ./.data) and exits 1 with one line per violation (lib/ledger). Read-only; see lib/ledger/open-for-check.ts
 * for what it does when a server may hold the PGlite folder open.
 */
import { sqlState } from '@/lib/db/types';
import { checkLedger } from '@/lib/ledger/invariants';
import { openForCheck, RefusedError } from '@/lib/ledger/open-for-check';
import { formatReport } from '@/lib/ledger/report';

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './.data';
  const snapshot = process.argv.includes('--snapshot');
  let opened: Awaited<ReturnType<typeof openForCheck>>;
  try {
    opened = await openForCheck({ databaseUrl, dataDir, snapshot });
  } catch (error) {
    if (error instanceof RefusedError) {
      console.error(`check:invariants: ${error.message}`);
      return 2;
    }
    throw error;
  }
  try {
    console.log(`check:invariants on ${databaseUrl ? 'DATABASE_URL (PostgreSQL)' : `DATA_DIR ${dataDir} (PGlite)`}${opened.note ? `; ${opened.note}` : ''}`);
    const report = await checkLedger(opened.db);
    const text = formatReport(report);
    if (report.violations.length > 0) {
      console.error(text);
      return 1;
    }
    console.log(text);
    return 0;
  } finally {
    await opened.done();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const noSchema = sqlState(error) === '42P01';
    const message = error instanceof Error ? error.message : String(error);
    console.error(`check:invariants failed: ${noSchema ? `this database has no exchange schema yet (${message}); start the server on it once` : message}`);
    process.exit(3);
  },
);
