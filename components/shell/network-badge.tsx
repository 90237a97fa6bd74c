'use client';
import { Tooltip } from '@/components/ui/tooltip';
import { useDevnet } from '@/lib/hooks/use-health';

/** "Local network" marker while the faucet and burner wallet are on: funds here are test funds. */
export function NetworkBadge() {
  const devnet = useDevnet();
  if (!devnet) return null;
  return (
    <Tooltip side="bottom" content="Test funds only: the faucet, the burner wallet and the price controls are on.">
      <span className="inline-flex items-center gap-1.5 rounded-full border border-warn/40 bg-warn-soft px-2 py-0.5 text-[11px] font-semibold text-warn no-underline">
        <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-warn" />
        Local network
      </span>
    </Tooltip>
  );
}
