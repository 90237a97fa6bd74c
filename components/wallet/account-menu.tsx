'use client';
import { useWalletModal } from '@/components/wallet/wallet-modal-context';
import { useEffect, useId, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { shortAddress } from '@/lib/format/address';
import { useTestFunds } from '@/lib/hooks/use-test-funds';
import { toast } from '@/lib/state/toasts';
import { useWalletStore } from '@/lib/state/wallet';
import { BURNER_WALLET_NAME } from '@/lib/wallet/burner-name';

const itemClass = 'flex min-h-11 w-full items-center gap-3 rounded-md px-3 text-left text-sm text-ink hover:bg-bg-hover md:min-h-9';

async function copy(address: string) {
  try {
    await navigator.clipboard.writeText(address);
    toast.success('Address copied', shortAddress(address, 6));
  } catch {
    toast.error('Could not copy: the browser refused access to the clipboard.');
  }
}

/** The connected account: short address; the menu copies it, replaces the burner, changes or disconnects the wallet. */
export function AccountMenu({ address }: { address: string }) {
  const walletName = useWalletStore((s) => s.walletName);
  const walletIcon = useWalletStore((s) => s.walletIcon);
  const disconnect = useWalletStore((s) => s.disconnect);
  const renew = useWalletStore((s) => s.renewBurner);
  const { setVisible } = useWalletModal();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const isBurner = walletName === BURNER_WALLET_NAME;
  const testFunds = useTestFunds();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const act = (fn: () => unknown) => () => {
    setOpen(false);
    void fn();
  };
  const renewBurner = async () => {
    const key = await renew();
    toast.success('New burner account', shortAddress(key, 6));
  };

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        title={address}
        data-testid="account-button"
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-11 items-center gap-2 rounded-lg border border-line-strong bg-bg-raised px-3 text-sm font-semibold whitespace-nowrap hover:border-ink-faint md:min-h-8"
      >
        {walletIcon && (
          // eslint-disable-next-line @next/next/no-img-element -- wallet icons are data: URIs from the wallet
          <img src={walletIcon} alt="" width={16} height={16} className="h-4 w-4 rounded" />
        )}
        <span data-testid="wallet-address" className="font-mono text-[13px]">
          {shortAddress(address)}
        </span>
        <svg aria-hidden viewBox="0 0 20 20" className={cn('h-3 w-3 text-ink-muted transition-transform', open && 'rotate-180')} fill="none" stroke="currentColor" strokeWidth="2.5">
          <path d="M5 8l5 5 5-5" />
        </svg>
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label="Account" className="absolute right-0 z-50 mt-2 w-72 rounded-card border border-line-strong bg-bg-panel p-2 shadow-2xl">
          <div className="px-3 pt-1 pb-2">
            <p className="text-xs text-ink-faint">{walletName ?? 'Wallet'}</p>
            <p className="mt-1 font-mono text-xs break-all text-ink-muted" data-testid="wallet-full-address">
              {address}
            </p>
          </div>
          <div className="border-t border-line pt-1">
            <button type="button" role="menuitem" className={itemClass} onClick={act(() => copy(address))} data-testid="copy-address">
              Copy address
            </button>
            {testFunds.available && (
              <button type="button" role="menuitem" className={itemClass} onClick={act(testFunds.draw)} disabled={testFunds.busy} data-testid="menu-get-test-funds">
                Get test funds
              </button>
            )}
            {isBurner && (
              <button type="button" role="menuitem" className={itemClass} onClick={act(renewBurner)} data-testid="new-burner">
                New burner account
              </button>
            )}
            <button type="button" role="menuitem" className={itemClass} onClick={act(() => setVisible(true))}>
              Change wallet
            </button>
            <button type="button" role="menuitem" className={cn(itemClass, 'text-short')} onClick={act(() => disconnect())} data-testid="disconnect-wallet">
              Disconnect
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
