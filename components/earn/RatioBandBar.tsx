import type { TokenId } from '@/lib/math/ids';
import { bandBarGeometry } from '@/lib/earn/band-bar';
import type { BandBarInput } from '@/lib/earn/band-bar';
import { formatBps } from '@/lib/format';

const FILL: Record<'below' | 'within' | 'above', string> = {
  below: 'bg-warn',
  within: 'bg-accent',
  above: 'bg-short',
};

/**
 * A custody's current share of the pool against its target, with the [min, max] band drawn behind it (GMX's and
 * Adrena's composition bars). The figures are in the accessible name, the drawing is decoration.
 */
export function RatioBandBar({ token, ...input }: BandBarInput & { token: TokenId }) {
  const g = bandBarGeometry(input);
  const label = `${token} is ${formatBps(input.ratioBps)} of the pool; target ${formatBps(input.targetBps)}, allowed ${formatBps(input.minBps)} to ${formatBps(input.maxBps)}`;
  return (
    <div role="img" aria-label={label} className="relative h-2.5 w-full overflow-hidden rounded-full bg-bg-input" data-status={g.status}>
      <div className="absolute inset-y-0 bg-line-strong" style={{ left: g.bandLeft, width: g.bandWidth }} />
      <div className={`absolute inset-y-0 left-0 rounded-full opacity-90 ${FILL[g.status]}`} style={{ width: g.fillWidth }} />
      <div className="absolute -inset-y-0.5 w-0.5 bg-ink" style={{ left: g.targetLeft }} />
    </div>
  );
}
