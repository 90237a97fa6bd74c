import type { Database, SqlClient } from '@/lib/db/types';
import { readCustodies, readLpSupply, readOrphanLp, sumPositions } from './accounting';
import { findNegatives } from './negatives';
import { readHoldings, readMinted, totalHeld, type TokenAmounts, type TokenHoldings } from './token-totals';

/** One broken rule: a stable `rule` id and a sentence a person can act on. */
export interface Violation {
  rule: 'conservation' | 'custody-locked' | 'custody-collateral' | 'locked-over-owned' | 'aggregate' | 'lp-supply' | 'negative' | 'malformed' | 'genesis';
  message: string;
}

export interface LedgerReport {
  violations: Violation[];
  /** What was checked, for the readable summary. */
  minted: TokenAmounts;
  holdings: TokenHoldings;
  custodies: number;
  positions: number;
}

const keyOf = (a: string, b: string) => `${a}/${b}`;

function conservation(minted: TokenAmounts, holdings: TokenHoldings): Violation[] {
  const held = totalHeld(holdings);
  const tokens = new Set([...Object.keys(minted), ...Object.keys(held)]);
  const out: Violation[] = [];
  for (const token of [...tokens].sort()) {
    const expected = minted[token] ?? 0n;
    const actual = held[token] ?? 0n;
    if (expected !== actual) {
      out.push({
        rule: 'conservation',
        message: `${token}: genesis + faucet draws = ${expected} but wallets ${holdings.wallets[token] ?? 0n} + custodies ${holdings.custodiesOwned[token] ?? 0n} + positions ${holdings.positionCollateral[token] ?? 0n} + orders ${holdings.orderEscrow[token] ?? 0n} = ${actual} (${actual > expected ? 'created' : 'lost'} ${actual > expected ? actual - expected : expected - actual})`,
      });
    }
  }
  return out;
}

async function custodyRules(sql: SqlClient, sums: Awaited<ReturnType<typeof sumPositions>>): Promise<{ violations: Violation[]; count: number }> {
  const out: Violation[] = [];
  const custodies = await readCustodies(sql);
  const known = new Set(custodies.map((c) => keyOf(c.pool, c.token)));
  for (const c of custodies) {
    const k = keyOf(c.pool, c.token);
    const locks = sums.lockByCustody[k] ?? 0n;
    const collateral = sums.collateralByCustody[k] ?? 0n;
    if (c.locked !== locks) out.push({ rule: 'custody-locked', message: `custody ${k}: locked ${c.locked} ≠ Σ open positions' locks ${locks}` });
    if (c.collateral !== collateral) {
      out.push({ rule: 'custody-collateral', message: `custody ${k}: collateral ${c.collateral} ≠ Σ open positions' collateral ${collateral}` });
    }
    if (c.locked > c.owned) out.push({ rule: 'locked-over-owned', message: `custody ${k}: locked ${c.locked} > owned ${c.owned}` });
  }
  for (const k of new Set([...Object.keys(sums.lockByCustody), ...Object.keys(sums.collateralByCustody)])) {
    if (!known.has(k)) out.push({ rule: 'custody-locked', message: `open positions lock or post collateral in custody ${k}, which does not exist` });
  }
  return { violations: out, count: custodies.length };
}

async function aggregateRules(sql: SqlClient, sums: Awaited<ReturnType<typeof sumPositions>>): Promise<Violation[]> {
  const out: Violation[] = [];
  const { rows } = await sql.query<{ market: string; side: string; size_usd: string; count: string }>(
    'SELECT market, side, size_usd::text, count::text FROM market_sides ORDER BY market, side',
  );
  const seen = new Set<string>();
  for (const r of rows) {
    const k = keyOf(r.market, r.side);
    seen.add(k);
    const size = sums.sizeUsdBySide[k] ?? 0n;
    const count = sums.countBySide[k] ?? 0n;
    if (BigInt(r.size_usd) !== size) out.push({ rule: 'aggregate', message: `market side ${k}: size ${r.size_usd} ≠ Σ open positions' size ${size}` });
    if (BigInt(r.count) !== count) out.push({ rule: 'aggregate', message: `market side ${k}: count ${r.count} ≠ open positions ${count}` });
  }
  for (const k of Object.keys(sums.sizeUsdBySide)) {
    if (!seen.has(k)) out.push({ rule: 'aggregate', message: `open positions on ${k}, which has no aggregate row` });
  }
  return out;
}

async function lpRules(sql: SqlClient): Promise<Violation[]> {
  const out: Violation[] = [];
  for (const p of await readLpSupply(sql)) {
    if (p.supply !== p.held) out.push({ rule: 'lp-supply', message: `pool ${p.pool}: LP supply ${p.supply} ≠ Σ LP balances ${p.held}` });
  }
  for (const pool of await readOrphanLp(sql)) out.push({ rule: 'lp-supply', message: `LP balances in pool ${pool}, which does not exist` });
  return out;
}

/**
 * Checks the whole ledger (issue 9), read-only: every token conserved (genesis + faucet draws = wallets +
 * custodies' owned + open positions' collateral + escrowed orders' collateral); per custody locked = Σ locks,
 * collateral = Σ collateral, locked ≤ owned; per (market, side) aggregate size and count = its positions; LP
 * supply = Σ LP balances; nothing negative. Everything is read in one transaction (REPEATABLE READ, READ ONLY on
 * PostgreSQL), so the check sees one consistent snapshot even while servers keep trading.
 */
export async function checkLedger(db: Database): Promise<LedgerReport> {
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return checkLedgerIn(tx);
  });
}

/** The same checks on an open client (a transaction the caller owns). */
export async function checkLedgerIn(sql: SqlClient): Promise<LedgerReport> {
  const { minted, genesis } = await readMinted(sql);
  const holdings = await readHoldings(sql);
  const sums = await sumPositions(sql);
  const violations: Violation[] = [];
  if (genesis === 'missing') violations.push({ rule: 'genesis', message: 'engine_state has no genesis marker: the engine never initialised this database' });
  violations.push(...conservation(minted, holdings));
  violations.push(...sums.malformed.map((message) => ({ rule: 'malformed' as const, message })));
  const custody = await custodyRules(sql, sums);
  violations.push(...custody.violations);
  violations.push(...(await aggregateRules(sql, sums)));
  violations.push(...(await lpRules(sql)));
  violations.push(...(await findNegatives(sql)).map((message) => ({ rule: 'negative' as const, message })));
  const positions = Object.values(sums.countBySide).reduce((a, b) => a + b, 0n);
  return { violations, minted, holdings, custodies: custody.count, positions: Number(positions) };
}
