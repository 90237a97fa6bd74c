import type { LedgerReport } from './invariants';

/** The report as text: one line per violation, or a short summary of what was checked when all is well. */
export function formatReport(report: LedgerReport): string {
  const lines: string[] = [];
  const tokens = Object.keys(report.minted).sort();
  const summary = `${tokens.length} tokens, ${report.custodies} custodies, ${report.positions} open positions`;
  if (report.violations.length === 0) {
    lines.push(`ledger OK: ${summary}`);
    for (const t of tokens) lines.push(`  ${t}: ${report.minted[t] ?? 0n} base units, all accounted for`);
    return lines.join('\n');
  }
  lines.push(`ledger BROKEN: ${report.violations.length} violation${report.violations.length === 1 ? '' : 's'} (${summary})`);
  for (const v of report.violations) lines.push(`  [${v.rule}] ${v.message}`);
  return lines.join('\n');
}
