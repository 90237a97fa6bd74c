/**
 * `npm run check:invariants -- --url http://localhost:3000`: the on-chain conservation check (lib/conservation)
 * of the server's chain, read through its GET /api/chain and JSON-RPC; exits 1 with one line per violation.
 * Without `--url`: the engine's ledger of DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default ./.data)
 * (lib/ledger; `--snapshot` as lib/ledger/open-for-check.ts describes).
 */
import type { Address } from '@solana/kit';
import { checkConservation } from '@/lib/conservation/check';
import { collectLedger } from '@/lib/conservation/collect';
import { sqlState } from '@/lib/db/types';
import { checkLedger } from '@/lib/ledger/invariants';
import { openForCheck, RefusedError } from '@/lib/ledger/open-for-check';
import { formatReport } from '@/lib/ledger/report';

async function checkChain(base: string): Promise<number> {
  const res = await fetch(new URL('/api/chain', base));
  if (!res.ok) throw new Error(`GET ${base}/api/chain answered ${res.status}`);
  const info = (await res.json()) as { rpcUrl: string; programId: Address; mints: Record<string, Address> };
  const mints = ['USDC', 'WBTC', 'BONK', 'ALP', 'RWALP'].flatMap((k) => (info.mints[k] ? [info.mints[k]] : []));
  const ledger = await collectLedger(info.rpcUrl, info.programId, mints);
  const violations = checkConservation(ledger);
  const summary = `${ledger.custodies.size} custodies, ${ledger.markets.size} markets, ${ledger.positions.length} positions, ${ledger.orders.length} orders, ${ledger.tokenAccounts.size} token accounts, ${ledger.supplies.size} mints`;
  if (violations.length > 0) {
    console.error(`check:invariants on ${info.rpcUrl}: ${violations.length} violation(s) over ${summary}`);
    for (const v of violations) console.error(`  [${v.rule}] ${v.message}`);
    return 1;
  }
  console.log(`check:invariants on ${info.rpcUrl}: conserved (${summary})`);
  return 0;
}

async function main(): Promise<number> {
  const urlAt = process.argv.indexOf('--url');
  if (urlAt >= 0) {
    const base = process.argv[urlAt + 1];
    if (!base) throw new Error('--url needs the server address, e.g. --url http://localhost:3000');
    return checkChain(base);
  }
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
