'use client';
/** GMX's "show PnL after fees": which PnL the positions show (exit and borrow fees deducted or not). */
import { Checkbox } from '@/components/ui/checkbox';
import { useSettings } from '@/lib/state/settings';

export function PnlSettingToggle() {
  const withFees = useSettings((s) => s.pnlWithFees);
  const setWithFees = useSettings((s) => s.setPnlWithFees);
  return (
    <Checkbox checked={withFees} onChange={(e) => setWithFees(e.target.checked)} data-testid="pnl-with-fees" className="text-xs">
      PnL after fees
    </Checkbox>
  );
}
