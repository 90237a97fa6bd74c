import type { Pool } from '@/lib/client/types';
import { formatPrice, formatUsd } from '@/lib/format';

function pnlClass(usd: bigint): string {
  return usd > 0n ? 'text-long' : usd < 0n ? 'text-short' : 'text-ink';
}

/**
 * The pool's exposure per market and side: open size, average entry and the traders' price PnL, whose opposite is
 * the LPs' gain or loss (peer-to-pool model: the pool is every trader's counterparty).
 */
export function ExposureTable({ pool }: { pool: Pool }) {
  const exposures = pool.exposures;
  if (exposures === undefined) {
    return <p className="text-sm text-ink-muted">The server does not report this pool’s exposure yet.</p>;
  }
  const open = exposures.filter((e) => e.sizeUsd > 0n);
  const tradersTotal = open.reduce((sum, e) => sum + e.pricePnlUsd, 0n);
  if (open.length === 0) return <p className="text-sm text-ink-muted">No open positions against {pool.id}: LPs carry no trader PnL right now.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={`exposure-${pool.id}`}>
        <caption className="sr-only">{pool.id} exposure per market and side</caption>
        <thead>
          <tr className="text-left text-xs text-ink-muted">
            <th scope="col" className="py-1.5 pr-2 font-normal">Market</th>
            <th scope="col" className="py-1.5 pr-2 text-right font-normal">Size</th>
            <th scope="col" className="hidden py-1.5 pr-2 text-right font-normal sm:table-cell">Avg entry</th>
            <th scope="col" className="py-1.5 pr-2 text-right font-normal">Traders’ PnL</th>
            <th scope="col" className="py-1.5 text-right font-normal">LP PnL</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {open.map((e) => (
            <tr key={`${e.market}-${e.side}`}>
              <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                {e.market} <span className={e.side === 'long' ? 'text-long' : 'text-short'}>{e.side}</span>
              </th>
              <td className="py-1.5 pr-2 text-right">{formatUsd(e.sizeUsd, { compact: true })}</td>
              <td className="hidden py-1.5 pr-2 text-right sm:table-cell">{formatPrice(e.avgEntryPrice, { market: e.market })}</td>
              <td className={`py-1.5 pr-2 text-right ${pnlClass(e.pricePnlUsd)}`}>{formatUsd(e.pricePnlUsd, { sign: true })}</td>
              <td className={`py-1.5 text-right ${pnlClass(-e.pricePnlUsd)}`}>{formatUsd(-e.pricePnlUsd, { sign: true })}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-line-strong font-medium">
            <th scope="row" className="py-1.5 pr-2 text-left">Total</th>
            <td className="py-1.5 pr-2" />
            <td className="hidden py-1.5 pr-2 sm:table-cell" />
            <td className={`py-1.5 pr-2 text-right ${pnlClass(tradersTotal)}`}>{formatUsd(tradersTotal, { sign: true })}</td>
            <td className={`py-1.5 text-right ${pnlClass(-tradersTotal)}`}>{formatUsd(-tradersTotal, { sign: true })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
