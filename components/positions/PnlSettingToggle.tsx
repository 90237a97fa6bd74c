'use client';
/** GMX's "show PnL after fees": which PnL the positions show (exit and borrow fees deducted or not). */
import { useSettings } from '@/lib/state/settings';

export function PnlSettingToggle() {
  const withFees = useSettings((s) => s.pnlWithFees);
  const setWithFees = useSettings((s) => s.setPnlWithFees);
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-2 text-xs text-ink-muted md:min-h-7">
      <input type="checkbox" checked={withFees} onChange={(e) => setWithFees(e.target.checked)} className="h-4 w-4 accent-[#7c8cff]" data-testid="pnl-with-fees" />
      PnL after fees
    </label>
  );
}
