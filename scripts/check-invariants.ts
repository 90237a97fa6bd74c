/**
 * `npm run check:invariants -- --url http://localhost:3000`: the on-chain conservation check (lib/conservation)
 * of the server's chain, read through its GET /api/chain and JSON-RPC: every vault's balance against the custodies,
 * positions and orders that claim it, and every LP mint's supply; exits 1 with one line per violation, 3 when the
 * server cannot be read. Without `--url`: http://localhost:$PORT (3000).
 */
import type { Address } from '@solana/kit';
import { checkConservation } from '@/lib/conservation/check';
import { collectLedger } from '@/lib/conservation/collect';

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
  const base = urlAt >= 0 ? process.argv[urlAt + 1] : `http://localhost:${process.env.PORT || '3000'}`;
  if (!base) throw new Error('--url needs the server address, e.g. --url http://localhost:3000');
  return checkChain(base);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`check:invariants failed: ${message} (is the server running? npm run dev, or --url <its address>)`);
    process.exit(3);
  },
);
